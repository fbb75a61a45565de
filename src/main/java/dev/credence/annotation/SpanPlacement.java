package dev.credence.annotation;

import dev.credence.source.Source;
import dev.credence.web.UnprocessableException;
import java.time.Instant;

/**
 * Placing a span on a document's current text: offsets checked (422 with the field named by {@code where}),
 * exact text and context taken from the text, and new mentions and cues, whether marked on their own or
 * inline in a claim's hop.
 */
final class SpanPlacement {
    private static final int MAX_SHORT_SPAN = 4000;

    private SpanPlacement() {
    }

    /** A new mention in the layer on {@code span}, linked to {@code source} (may be null); persisted. */
    static Mention newMention(Layer layer, Offsets.CodePointIndex text, SpanInput span, String where, Source source) {
        Mention m = new Mention();
        m.layer = layer;
        placeShort(m, text, span, where);
        m.source = source;
        m.createdAt = Instant.now();
        m.persist();
        return m;
    }

    /** A new cue in the layer on {@code span}, without class; persisted. */
    static Cue newCue(Layer layer, Offsets.CodePointIndex text, SpanInput span, String where) {
        Cue c = new Cue();
        c.layer = layer;
        placeShort(c, text, span, where);
        c.createdAt = Instant.now();
        c.persist();
        return c;
    }

    /** Sets the span's offsets, exact text and context; it is no longer orphaned (placed again by the reviewer). */
    static void place(Span s, Offsets.CodePointIndex text, SpanInput span, String where) {
        check(text, span, where);
        Offsets.Context ctx = text.context(span.start(), span.end());
        s.start = span.start();
        s.end = span.end();
        s.exact = ctx.exact();
        s.prefix = ctx.prefix();
        s.suffix = ctx.suffix();
        s.orphaned = false;
        s.orphanedRevision = null;
    }

    static void check(Offsets.CodePointIndex text, SpanInput span, String where) {
        if (span == null || span.start() == null || span.end() == null) {
            throw new UnprocessableException(where + ": start and end are required (code points, end exclusive)");
        }
        int start = span.start();
        int end = span.end();
        if (start < 0 || end > text.length() || start > text.length() || end < 0) {
            throw new UnprocessableException(where + ": offsets " + start + ".." + end
                    + " are outside the text (0.." + text.length() + " code points)");
        }
        if (start >= end) {
            throw new UnprocessableException(where + ": start " + start + " must be before end " + end);
        }
    }

    /** Mentions and cues are names and phrases: at most MAX_SHORT_SPAN characters. */
    private static void placeShort(Span s, Offsets.CodePointIndex text, SpanInput span, String where) {
        place(s, text, span, where);
        if (s.exact.length() > MAX_SHORT_SPAN) {
            throw new UnprocessableException(where + ": at most " + MAX_SHORT_SPAN + " characters");
        }
    }
}
