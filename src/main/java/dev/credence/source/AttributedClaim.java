package dev.credence.source;

import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import dev.credence.document.Document;

/** One hop naming a source, with the claim and document it belongs to (all fetched in one query). */
public record AttributedClaim(AttributionHop hop, Claim claim, Document document) {
    static final int EXCERPT = 160;

    /** The claim's text cut at {@value #EXCERPT} code points, with an ellipsis when cut. */
    public String excerpt() {
        return truncate(claim.exact, EXCERPT);
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
