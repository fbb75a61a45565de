package dev.credence.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * B-/I-/O tags of one column (claims, source mentions or cues) over a document's tokens, for the CoNLL
 * export. Offsets are code points, end exclusive; tokens are in text order and do not overlap.
 *
 * <p>The rules (docs/formats.md, CoNLL):
 * <ul>
 * <li>a token belongs to a span when they share at least one code point (a span that begins or ends inside
 *     a token takes the whole token);</li>
 * <li>the first token of a span is B-, the following ones I-, across sentence breaks too (the tags run over
 *     the whole document, so a span continued in the next sentence starts it with I-);</li>
 * <li>one column holds one span per token: spans are taken by start (the longer first on equal starts) and
 *     a token already taken stays with the earlier span; a later span begins (B-) at its first free token,
 *     and a span with no free token left is not in the column.</li>
 * </ul>
 */
public final class BioTagger {
    public static final String OUTSIDE = "O";

    /** A span to tag. */
    public record Span(int start, int end) {
    }

    private BioTagger() {
    }

    /**
     * The tag of every token ({@code starts[i]}, {@code ends[i]}) for the spans, labelled {@code label}:
     * "B-" + label, "I-" + label or {@link #OUTSIDE}.
     */
    public static String[] tag(int[] starts, int[] ends, List<Span> spans, String label) {
        String begin = "B-" + label;
        String inside = "I-" + label;
        String[] tags = new String[starts.length];
        List<Span> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        for (Span span : ordered) {
            boolean first = true;
            for (int i = firstEndingAfter(ends, span.start()); i < starts.length && starts[i] < span.end(); i++) {
                if (tags[i] == null) {
                    tags[i] = first ? begin : inside;
                    first = false;
                }
            }
        }
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] == null) {
                tags[i] = OUTSIDE;
            }
        }
        return tags;
    }

    /** The first token whose end is after {@code offset} (binary search: ends are increasing). */
    private static int firstEndingAfter(int[] ends, int offset) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
