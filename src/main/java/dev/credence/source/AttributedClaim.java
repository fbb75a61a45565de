package dev.credence.source;

import dev.credence.project.Project;

/**
 * One hop naming a source, with what the registry shows of its claim and document (read by
 * annotation.AttributedClaimQueries in a few queries a page). Plain values, so source needs no annotation type.
 */
public record AttributedClaim(Hop hop, ClaimRef claim, DocumentRef document) {
    static final int EXCERPT = 160;

    /** The hop's place in the chain (0 = originator), relation and the reliability graded for it. */
    public record Hop(int position, String relation, String reliability) {
        /** "leaked via" rather than "leaked_via". */
        public String relationLabel() {
            return relation == null ? "" : relation.replace('_', ' ');
        }
    }

    /** The claim: its text, its whole chain ("POLITICO ← TeamT5"), its credibility. */
    public record ClaimRef(Long id, String exact, String chain, Integer credibility) {
    }

    public record DocumentRef(Long id, String title, Project project) {
    }

    /** The claim's text cut at {@value #EXCERPT} code points, with an ellipsis when cut. */
    public String excerpt() {
        return truncate(claim.exact(), EXCERPT);
    }

    static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)).stripTrailing() + "…";
    }
}
