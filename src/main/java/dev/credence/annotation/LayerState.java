package dev.credence.annotation;

public enum LayerState { assigned, in_progress, submitted }
