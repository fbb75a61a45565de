package dev.credence.annotation;

public enum LayerKind { reviewer, gold }
