package dev.credence.review.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Krippendorff's α from its definition, with a coincidence matrix.
 *
 * <p>Reliability data are given as units, each the list of values the
 * observers gave it ({@code null} = missing). Only units with at least two
 * values are pairable. Within a unit u with m_u values, every ordered pair of
 * values (c, k) of different observers adds 1/(m_u − 1) to the coincidence
 * o_ck. With n_c = Σ_k o_ck and n = Σ_c n_c:
 *
 * <pre>
 *   α = 1 − D_o / D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²(c,k) / Σ_c Σ_k n_c n_k δ²(c,k)
 * </pre>
 *
 * Difference functions: nominal δ² = 0 if c = k else 1; interval δ² = (c − k)²;
 * ordinal δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², summing over the values
 * in rank order between c and k (Krippendorff 2011).
 */
public final class KrippendorffAlpha {
    private KrippendorffAlpha() {
    }

    public enum Level { nominal, ordinal, interval }

    /**
     * α, or {@code null} when no unit is pairable (fewer than two values in
     * every unit). When there is no variation at all (every pairable value is
     * the same, D_o = D_e = 0) α is 0/0; we report 1.0 (perfect agreement),
     * as for Cohen's κ — see docs/agreement.md.
     */
    public static Double compute(List<? extends List<Integer>> units, Level level) {
        TreeMap<Integer, Integer> index = new TreeMap<>();
        for (List<Integer> unit : units) {
            if (countValues(unit) >= 2) {
                for (Integer v : unit) {
                    if (v != null) {
                        index.putIfAbsent(v, 0);
                    }
                }
            }
        }
        if (index.isEmpty()) {
            return null;
        }
        int[] values = new int[index.size()];
        int i = 0;
        for (Integer v : index.keySet()) {
            values[i] = v;
            index.put(v, i++);
        }
        int q = values.length;
        double[][] o = new double[q][q];
        for (List<Integer> unit : units) {
            int m = countValues(unit);
            if (m < 2) {
                continue;
            }
            List<Integer> present = new ArrayList<>(m);
            for (Integer v : unit) {
                if (v != null) {
                    present.add(index.get(v));
                }
            }
            double w = 1.0 / (m - 1);
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    if (a != b) {
                        o[present.get(a)][present.get(b)] += w;
                    }
                }
            }
        }
        double[] nc = new double[q];
        double n = 0;
        for (int c = 0; c < q; c++) {
            for (int k = 0; k < q; k++) {
                nc[c] += o[c][k];
            }
            n += nc[c];
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < q; c++) {
            for (int k = 0; k < q; k++) {
                double d = delta2(level, values, nc, c, k);
                observed += o[c][k] * d;
                expected += nc[c] * nc[k] * d;
            }
        }
        if (expected == 0) {
            return observed == 0 ? 1.0 : null;
        }
        return 1.0 - (n - 1) * observed / expected;
    }

    /** Number of units with at least two values (the units α is computed on). */
    public static int pairableUnits(List<? extends List<Integer>> units) {
        int count = 0;
        for (List<Integer> unit : units) {
            if (countValues(unit) >= 2) {
                count++;
            }
        }
        return count;
    }

    private static int countValues(List<Integer> unit) {
        int m = 0;
        for (Integer v : unit) {
            if (v != null) {
                m++;
            }
        }
        return m;
    }

    /** Squared difference between the c-th and k-th smallest values. */
    private static double delta2(Level level, int[] values, double[] nc, int c, int k) {
        if (c == k) {
            return 0;
        }
        switch (level) {
            case nominal:
                return 1;
            case interval:
                double d = values[c] - values[k];
                return d * d;
            case ordinal:
                int lo = Math.min(c, k);
                int hi = Math.max(c, k);
                double sum = 0;
                for (int g = lo; g <= hi; g++) {
                    sum += nc[g];
                }
                sum -= (nc[c] + nc[k]) / 2.0;
                return sum * sum;
            default:
                throw new IllegalArgumentException(String.valueOf(level));
        }
    }
}
