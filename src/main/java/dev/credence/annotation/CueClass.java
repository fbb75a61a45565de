package dev.credence.annotation;

/** What kind of attribution signal a cue is: "told" (speech), "according to" (reporting), "citing", "reportedly" (hedge), "believe" (belief), "leaked" (leak). */
public enum CueClass { speech, reporting, citation, hedge, belief, leak }
