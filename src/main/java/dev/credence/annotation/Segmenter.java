package dev.credence.annotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a document's text at every span boundary so that overlapping and nested highlights
 * render as flat, non-overlapping {@code <span>}s. Offsets are Unicode code points, end exclusive.
 *
 * <p>Sorting the boundaries is O(n log n) in the number of spans; the sweep is linear in the text
 * plus the size of the output (each segment lists the spans covering it), so 1,000 claims stay cheap.
 */
public final class Segmenter {
    /** What a segment is covered by. */
    public enum Kind { CLAIM, MENTION, CUE }

    /** One highlighted range: a claim, a mention or a cue. */
    public record Mark(Kind kind, long id, int start, int end) {
        public static Mark claim(long id, int start, int end) {
            return new Mark(Kind.CLAIM, id, start, end);
        }

        public static Mark mention(long id, int start, int end) {
            return new Mark(Kind.MENTION, id, start, end);
        }

        public static Mark cue(long id, int start, int end) {
            return new Mark(Kind.CUE, id, start, end);
        }
    }

    /**
     * A run of text covered by the same set of spans. Ids are listed outermost first (longest span
     * first), so the last claim id is the innermost one, which a click selects.
     */
    public record Segment(int startCp, int endCp, String text, List<Long> claimIds, List<Long> mentionIds,
            List<Long> cueIds) {
        /** CSS classes after "seg": claim depth (c1, c2, c3 = three or more), m (mention), u (cue). */
        public String cls() {
            StringBuilder sb = new StringBuilder("seg");
            int depth = claimIds.size();
            if (depth > 0) {
                sb.append(" c").append(Math.min(depth, 3));
            }
            if (!mentionIds.isEmpty()) {
                sb.append(" m");
            }
            if (!cueIds.isEmpty()) {
                sb.append(" u");
            }
            return sb.toString();
        }

        public boolean marked() {
            return !claimIds.isEmpty() || !mentionIds.isEmpty() || !cueIds.isEmpty();
        }

        public String claims() {
            return join(claimIds);
        }

        public String mentions() {
            return join(mentionIds);
        }

        public String cues() {
            return join(cueIds);
        }

        private static String join(List<Long> ids) {
            StringBuilder sb = new StringBuilder();
            for (Long id : ids) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(id);
            }
            return sb.toString();
        }
    }

    private Segmenter() {
    }

    /**
     * Segments of {@code text} for these marks. Marks are clamped to the text; empty marks are ignored.
     * The segments cover the whole text without gaps; an empty text gives no segments.
     */
    public static List<Segment> segments(String text, List<Mark> marks) {
        int length = text.codePointCount(0, text.length());
        if (length == 0) {
            return List.of();
        }
        List<Mark> valid = new ArrayList<>(marks.size());
        for (Mark m : marks) {
            int s = Math.max(0, m.start());
            int e = Math.min(length, m.end());
            if (s < e) {
                valid.add(s == m.start() && e == m.end() ? m : new Mark(m.kind(), m.id(), s, e));
            }
        }
        // Boundaries: 0, length and every start/end, sorted and de-duplicated.
        int[] cuts = new int[valid.size() * 2 + 2];
        int n = 0;
        cuts[n++] = 0;
        cuts[n++] = length;
        for (Mark m : valid) {
            cuts[n++] = m.start();
            cuts[n++] = m.end();
        }
        Arrays.sort(cuts, 0, n);
        int unique = 0;
        for (int i = 0; i < n; i++) {
            if (unique == 0 || cuts[unique - 1] != cuts[i]) {
                cuts[unique++] = cuts[i];
            }
        }
        Mark[] byStart = valid.toArray(new Mark[0]);
        Arrays.sort(byStart, Comparator.comparingInt(Mark::start));
        Mark[] byEnd = valid.toArray(new Mark[0]);
        Arrays.sort(byEnd, Comparator.comparingInt(Mark::end));

        // Active marks, kept outermost first: by length descending, then by id for stable output.
        Comparator<Mark> outermostFirst = Comparator.comparingInt((Mark m) -> m.end() - m.start()).reversed()
                .thenComparing(Mark::kind).thenComparingLong(Mark::id);
        java.util.TreeSet<Mark> active = new java.util.TreeSet<>(outermostFirst);

        List<Segment> out = new ArrayList<>(unique);
        int si = 0;
        int ei = 0;
        int charPos = 0;
        for (int i = 0; i + 1 < unique; i++) {
            int from = cuts[i];
            int to = cuts[i + 1];
            while (ei < byEnd.length && byEnd[ei].end() <= from) {
                active.remove(byEnd[ei++]);
            }
            while (si < byStart.length && byStart[si].start() <= from) {
                if (byStart[si].end() > from) {
                    active.add(byStart[si]);
                }
                si++;
            }
            int charEnd = text.offsetByCodePoints(charPos, to - from);
            List<Long> claims = new ArrayList<>(2);
            List<Long> mentions = new ArrayList<>(1);
            List<Long> cues = new ArrayList<>(1);
            for (Mark m : active) {
                switch (m.kind()) {
                    case CLAIM -> claims.add(m.id());
                    case MENTION -> mentions.add(m.id());
                    case CUE -> cues.add(m.id());
                }
            }
            out.add(new Segment(from, to, text.substring(charPos, charEnd), claims, mentions, cues));
            charPos = charEnd;
        }
        return out;
    }
}
