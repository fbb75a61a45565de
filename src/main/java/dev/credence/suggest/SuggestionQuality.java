package dev.credence.suggest;

import dev.credence.suggest.Suggested.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Precision, recall and F1 of suggested cue, source and claim spans against hand-marked ones, exact and with
 * overlap: a suggested span matches a marked one when they share at least half of the longer span's code points
 * ({@code |a ∩ b| ≥ 0.5 · max(|a|, |b|)}). Matching is one-to-one, best overlap first, per document. The
 * evaluation command and the project page both use it.
 */
public final class SuggestionQuality {
    /** Counts for one kind of span; add documents with {@link #add}. */
    public static final class Counts {
        public int predicted;
        public int gold;
        public int exact;
        public int overlap;

        public void add(List<Range> pred, List<Range> goldSpans) {
            predicted += pred.size();
            gold += goldSpans.size();
            exact += matches(pred, goldSpans, true);
            overlap += matches(pred, goldSpans, false);
        }

        public double precision(boolean exactMatch) {
            return predicted == 0 ? 0 : (double) (exactMatch ? exact : overlap) / predicted;
        }

        public double recall(boolean exactMatch) {
            return gold == 0 ? 0 : (double) (exactMatch ? exact : overlap) / gold;
        }

        public double f1(boolean exactMatch) {
            double p = precision(exactMatch);
            double r = recall(exactMatch);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private SuggestionQuality() {
    }

    static boolean overlaps(Range a, Range b) {
        return a.overlap(b) * 2 >= Math.max(a.length(), b.length()) && a.overlap(b) > 0;
    }

    /** Size of a one-to-one matching, greedy by overlap (exact: identical ranges only). */
    static int matches(List<Range> pred, List<Range> gold, boolean exact) {
        record Pair(int p, int g, int overlap) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < pred.size(); i++) {
            for (int j = 0; j < gold.size(); j++) {
                Range a = pred.get(i);
                Range b = gold.get(j);
                if (exact ? a.equals(b) : overlaps(a, b)) {
                    pairs.add(new Pair(i, j, a.overlap(b)));
                }
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::overlap).reversed());
        boolean[] usedP = new boolean[pred.size()];
        boolean[] usedG = new boolean[gold.size()];
        int n = 0;
        for (Pair p : pairs) {
            if (!usedP[p.p()] && !usedG[p.g()]) {
                usedP[p.p()] = true;
                usedG[p.g()] = true;
                n++;
            }
        }
        return n;
    }
}
