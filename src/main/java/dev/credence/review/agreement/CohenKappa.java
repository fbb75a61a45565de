package dev.credence.review.agreement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cohen's κ for two raters on nominal categories:
 * κ = (p_o − p_e) / (1 − p_e), where p_o is the share of items on which the
 * raters agree and p_e = Σ_k p_a(k)·p_b(k) the agreement expected from each
 * rater's own category frequencies.
 */
public final class CohenKappa {
    private CohenKappa() {
    }

    /** One item rated by both raters. */
    public record Rating<T>(T a, T b) {
    }

    /**
     * κ over the items that both raters rated (pairs with a null value are
     * skipped). Returns null when no item remains. When both raters used a
     * single, identical category throughout (p_e = 1), κ is 0/0; we report 1.0
     * if they agree on every item (perfect agreement), which is the common
     * convention in annotation tools, and null otherwise (cannot happen).
     */
    public static <T> Double compute(List<Rating<T>> ratings) {
        Map<T, Integer> countA = new HashMap<>();
        Map<T, Integer> countB = new HashMap<>();
        int n = 0;
        int agree = 0;
        for (Rating<T> r : ratings) {
            if (r.a() == null || r.b() == null) {
                continue;
            }
            n++;
            if (Objects.equals(r.a(), r.b())) {
                agree++;
            }
            countA.merge(r.a(), 1, Integer::sum);
            countB.merge(r.b(), 1, Integer::sum);
        }
        if (n == 0) {
            return null;
        }
        double po = (double) agree / n;
        double pe = 0;
        for (Map.Entry<T, Integer> e : countA.entrySet()) {
            Integer b = countB.get(e.getKey());
            if (b != null) {
                pe += ((double) e.getValue() / n) * ((double) b / n);
            }
        }
        if (1.0 - pe < 1e-12) {
            return po >= 1.0 - 1e-12 ? 1.0 : null;
        }
        return (po - pe) / (1.0 - pe);
    }
}
