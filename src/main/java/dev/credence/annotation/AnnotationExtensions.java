package dev.credence.annotation;

import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small template helpers for the document page. */
@TemplateExtension
public class AnnotationExtensions {
    private AnnotationExtensions() {
    }

    /** Hops as readers say the chain: outlet first, originator last. */
    static List<AttributionHop> outletFirst(Claim claim) {
        List<AttributionHop> hops = new ArrayList<>(claim.hops);
        Collections.reverse(hops);
        return hops;
    }

    /** "leaked via" rather than "leaked_via". */
    static String label(Relation relation) {
        return relation.name().replace('_', ' ');
    }

    /** The relation a reader assumes (the originator asserts, later hops report): shown only to screen readers. */
    static boolean defaultRelation(AttributionHop hop) {
        return hop.position == 0 ? hop.relation == Relation.asserts : hop.relation == Relation.reports;
    }

    /** At most {@code max} code points, with an ellipsis when cut. */
    static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }
}
