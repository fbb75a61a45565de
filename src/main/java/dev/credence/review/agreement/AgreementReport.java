package dev.credence.review.agreement;

import java.util.List;

/**
 * Inter-reviewer agreement of a project (or one document), as served by the API
 * and shown on the agreement page. Undefined figures are {@code null}.
 * Definitions: docs/agreement.md.
 */
public record AgreementReport(
        Long project,
        Long document,
        /** documents with at least one submitted reviewer layer */
        int documents,
        /** of those, documents with two or more submitted reviewer layers (the only ones that can agree) */
        int comparedDocuments,
        List<String> reviewers,
        Alpha credibility,
        Alpha reliability,
        Alpha sourceType,
        Alpha relation,
        List<Pair> pairs,
        List<DocumentRow> byDocument) {

    /** Krippendorff's α of one property over the units (clusters of matched claims). */
    public record Alpha(Double alpha, String level, int units, int values) {
    }

    /**
     * Agreement of one pair of reviewers, pooled over the documents both submitted.
     * {@code a} is the reference and {@code b} the candidate: precision = matched / claims of b,
     * recall = matched / claims of a (swap them and P and R swap; F1 does not change).
     */
    public record Pair(String a, String b, int documents, int claimsA, int claimsB,
            int matched, Double spanPrecision, Double spanRecall, Double spanF1,
            int exactMatched, Double exactPrecision, Double exactRecall, Double exactF1,
            Double kappa, Double reliabilityKappa) {
    }

    /** One document: how many reviewers submitted, how many claims, and its own figures. */
    public record DocumentRow(Long id, String title, int reviewers, int claims, int units,
            Double spanF1, Double credibilityAlpha, Double reliabilityAlpha) {
    }
}
