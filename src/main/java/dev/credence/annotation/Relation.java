package dev.credence.annotation;

/** How one hop of an attribution chain passes the claim on. */
public enum Relation { asserts, reports, cites, quotes, leaked_via }
