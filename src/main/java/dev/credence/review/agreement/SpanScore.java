package dev.credence.review.agreement;

/**
 * Precision, recall and F1 of a candidate layer's spans against a reference
 * layer's: precision = matched / |candidate|, recall = matched / |reference|,
 * F1 = 2PR / (P + R). A ratio with a zero denominator is undefined ({@code null}).
 */
public record SpanScore(int reference, int candidate, int matched, Double precision, Double recall, Double f1) {

    public static SpanScore of(int reference, int candidate, int matched) {
        Double p = candidate == 0 ? null : (double) matched / candidate;
        Double r = reference == 0 ? null : (double) matched / reference;
        Double f;
        if (reference + candidate == 0) {
            f = null;
        } else {
            // 2PR/(P+R) written as 2m/(|a|+|b|): defined when one side is empty (then 0)
            f = 2.0 * matched / (reference + candidate);
        }
        return new SpanScore(reference, candidate, matched, p, r, f);
    }

    /** Sum of counts, for micro-averaging over documents. */
    public SpanScore plus(SpanScore other) {
        return of(reference + other.reference, candidate + other.candidate, matched + other.matched);
    }
}
