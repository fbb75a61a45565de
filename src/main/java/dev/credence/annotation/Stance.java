package dev.credence.annotation;

/** How the article reports the claim. */
public enum Stance { asserted, hedged, denied, uncertain }
