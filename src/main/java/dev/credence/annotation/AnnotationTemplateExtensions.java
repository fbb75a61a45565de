package dev.credence.annotation;

import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small template helpers for the document page. */
@TemplateExtension
public class AnnotationTemplateExtensions {
    private AnnotationTemplateExtensions() {
    }

    /** Hops as readers say the chain: outlet first, originator last. */
    static List<AttributionHop> outletFirst(Claim claim) {
        List<AttributionHop> hops = new ArrayList<>(claim.hops);
        Collections.reverse(hops);
        return hops;
    }

    /** "leaked via" rather than "leaked_via". */
    static String relationLabel(AttributionHop hop) {
        return hop.relation == null ? "" : hop.relation.replace('_', ' ');
    }

    /** The relation a reader assumes (the originator asserts, later hops report): shown only to screen readers. */
    static boolean defaultRelation(AttributionHop hop) {
        return hop.position == 0 ? Relation.asserts.name().equals(hop.relation)
                : Relation.reports.name().equals(hop.relation);
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
