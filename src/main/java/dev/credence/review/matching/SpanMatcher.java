package dev.credence.review.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches the spans of two layers of one document, one-to-one.
 *
 * <p>Spans are half-open ranges {@code [start, end)} in Unicode code points.
 * Two spans <em>overlap-match</em> when the Jaccard index of their ranges,
 * |a ∩ b| / |a ∪ b|, is at least {@link #OVERLAP_THRESHOLD}; they
 * <em>exact-match</em> when start and end are equal (Jaccard 1).
 *
 * <p>The one-to-one matching is optimal ({@link OptimalAssignment}, Hungarian
 * algorithm): it maximises first the number of matched pairs and then, among
 * matchings of that size, the sum of their Jaccard indexes. The spans are split into
 * connected groups (spans linked by a candidate pair) and each group is solved on its
 * own, so a long document costs little. Ties go to the earlier spans (both sides are
 * ordered by start, end, index before solving). {@link #greedy} is the former
 * procedure, kept only so tests can show where it goes wrong.
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
        return optimal(reference, candidate, 1.0);
    }

    /** Overlap matches (Jaccard ≥ 0.5), one-to-one, as many as possible, then the best total Jaccard. */
    public static List<Match> overlap(List<Range> reference, List<Range> candidate) {
        return optimal(reference, candidate, OVERLAP_THRESHOLD);
    }

    /**
     * The optimal one-to-one matching with a given minimum Jaccard index: the most pairs, and among
     * those the highest sum of Jaccard indexes. The result is sorted by reference index.
     */
    public static List<Match> optimal(List<Range> reference, List<Range> candidate, double threshold) {
        int n = reference.size();
        int[] parent = new int[n + candidate.size()];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        Map<Long, Double> pairs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Range a = reference.get(i);
            for (int j = 0; j < candidate.size(); j++) {
                Range b = candidate.get(j);
                if (b.start > a.end || a.start > b.end) {
                    continue;
                }
                double jac = jaccard(a, b);
                if (jac >= threshold) {
                    pairs.put(key(i, j), jac);
                    parent[find(parent, i)] = find(parent, n + j);
                }
            }
        }
        Map<Integer, List<Integer>> refsByGroup = new TreeMap<>();
        Map<Integer, List<Integer>> candsByGroup = new HashMap<>();
        for (int i = 0; i < n; i++) {
            refsByGroup.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        for (int j = 0; j < candidate.size(); j++) {
            candsByGroup.computeIfAbsent(find(parent, n + j), k -> new ArrayList<>()).add(j);
        }
        List<Match> result = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> group : refsByGroup.entrySet()) {
            List<Integer> rows = group.getValue();
            List<Integer> cols = candsByGroup.get(group.getKey());
            if (cols == null) {
                continue; // a reference span that overlaps nothing
            }
            rows.sort(byPosition(reference));
            cols.sort(byPosition(candidate));
            // one more pair always outweighs any gain in Jaccard (each pair's Jaccard is at most 1)
            double bonus = Math.min(rows.size(), cols.size()) + 1;
            double[][] w = new double[rows.size()][cols.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < cols.size(); c++) {
                    Double jac = pairs.get(key(rows.get(r), cols.get(c)));
                    w[r][c] = jac == null ? 0 : bonus + jac;
                }
            }
            int[] assigned = OptimalAssignment.maximise(w);
            for (int r = 0; r < assigned.length; r++) {
                if (assigned[r] >= 0) {
                    int i = rows.get(r);
                    int j = cols.get(assigned[r]);
                    result.add(new Match(i, j, pairs.get(key(i, j))));
                }
            }
        }
        result.sort(Comparator.comparingInt(Match::a));
        return result;
    }

    private static long key(int i, int j) {
        return ((long) i << 32) | (j & 0xffffffffL);
    }

    private static Comparator<Integer> byPosition(List<Range> ranges) {
        return Comparator.<Integer>comparingInt(k -> ranges.get(k).start)
                .thenComparingInt(k -> ranges.get(k).end).thenComparingInt(k -> k);
    }

    private static int find(int[] parent, int node) {
        while (parent[node] != node) {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        return node;
    }

    /**
     * The former greedy matching (pairs by descending Jaccard, first come first served), kept only so the
     * tests can show a layout where it finds fewer pairs than {@link #optimal}. Not used by agreement.
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
