package dev.credence.annotation;

public enum ClaimKind { event, capability, intent, quantity, prediction, opinion }
