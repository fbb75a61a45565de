package dev.credence.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches the spans of two layers of one document, one-to-one.
 *
 * <p>Spans are half-open ranges {@code [start, end)} in Unicode code points.
 * Two spans <em>overlap-match</em> when the Jaccard index of their ranges,
 * |a ∩ b| / |a ∪ b|, is at least {@link #OVERLAP_THRESHOLD}; they
 * <em>exact-match</em> when start and end are equal (Jaccard 1).
 *
 * <p>The one-to-one matching is greedy: all candidate pairs are sorted by
 * descending Jaccard, ties broken by the position of the reference span
 * (start, end, index) and then of the candidate span (start, end, index);
 * a pair is taken when neither of its spans is already matched. Greedy is not
 * always the maximum-weight matching, but with a threshold of 0.5 a span can
 * rarely match two others, and it is deterministic and easy to explain.
 *
 * <p>This class is pure (no entities, no database) so that adjudication can
 * reuse it.
 */
public final class SpanMatcher {
    /** Minimum Jaccard index for an overlap match (inclusive). */
    public static final double OVERLAP_THRESHOLD = 0.5;

    private SpanMatcher() {
    }

    /** A code-point range, end exclusive. */
    public record Range(int start, int end) {
        public Range {
            if (end < start) {
                throw new IllegalArgumentException("end < start: " + start + ".." + end);
            }
        }

        public int length() {
            return end - start;
        }
    }

    /** A matched pair: indexes into the reference and candidate lists, and their Jaccard index. */
    public record Match(int a, int b, double jaccard) {
    }

    /** Jaccard index of two ranges; two empty ranges at the same place count as identical (1). */
    public static double jaccard(Range a, Range b) {
        int inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
        int union = a.length() + b.length() - inter;
        if (union == 0) {
            return a.start == b.start ? 1.0 : 0.0;
        }
        return (double) inter / union;
    }

    /** Exact matches only (same start and end), one-to-one. */
    public static List<Match> exact(List<Range> reference, List<Range> candidate) {
        return greedy(reference, candidate, 1.0);
    }

    /** Overlap matches (Jaccard ≥ 0.5), one-to-one, greedy by descending Jaccard. */
    public static List<Match> overlap(List<Range> reference, List<Range> candidate) {
        return greedy(reference, candidate, OVERLAP_THRESHOLD);
    }

    /**
     * One-to-one greedy matching with a given minimum Jaccard index. The result
     * is sorted by reference index.
     */
    public static List<Match> greedy(List<Range> reference, List<Range> candidate, double threshold) {
        List<Match> pairs = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            Range a = reference.get(i);
            for (int j = 0; j < candidate.size(); j++) {
                Range b = candidate.get(j);
                double jac = jaccard(a, b);
                if (jac >= threshold) {
                    pairs.add(new Match(i, j, jac));
                }
            }
        }
        Comparator<Match> order = Comparator.comparingDouble(Match::jaccard).reversed()
                .thenComparingInt(m -> reference.get(m.a()).start)
                .thenComparingInt(m -> reference.get(m.a()).end)
                .thenComparingInt(Match::a)
                .thenComparingInt(m -> candidate.get(m.b()).start)
                .thenComparingInt(m -> candidate.get(m.b()).end)
                .thenComparingInt(Match::b);
        pairs.sort(order);
        boolean[] usedA = new boolean[reference.size()];
        boolean[] usedB = new boolean[candidate.size()];
        List<Match> result = new ArrayList<>();
        for (Match m : pairs) {
            if (!usedA[m.a()] && !usedB[m.b()]) {
                usedA[m.a()] = true;
                usedB[m.b()] = true;
                result.add(m);
            }
        }
        result.sort(Comparator.comparingInt(Match::a));
        return result;
    }
}
