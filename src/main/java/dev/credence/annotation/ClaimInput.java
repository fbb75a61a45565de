package dev.credence.annotation;

import java.util.List;

/** A claim as a caller sends it; {@code hops} in chain order, hop 0 the originator. */
public record ClaimInput(Integer start, Integer end, String kind, String stance, Boolean checkWorthy,
        Integer credibility, String rationale, String evidenceUrl, List<HopInput> hops) {
}
