package dev.credence.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.credence.annotation.Relation;
import dev.credence.review.agreement.AgreementCalculator.DocumentClaims;
import dev.credence.review.agreement.AgreementCalculator.Judgement;
import dev.credence.source.SourceType;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AgreementCalculatorTest {

    static Judgement j(int start, int end, Integer credibility, String reliability) {
        return new Judgement(start, end, credibility, reliability, SourceType.think_tank, "reports");
    }

    static DocumentClaims doc(long id, Object... reviewerAndClaims) {
        TreeMap<String, List<Judgement>> byReviewer = new TreeMap<>();
        for (int i = 0; i < reviewerAndClaims.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Judgement> claims = (List<Judgement>) reviewerAndClaims[i + 1];
            byReviewer.put((String) reviewerAndClaims[i], claims);
        }
        return new DocumentClaims(id, "doc " + id, byReviewer);
    }

    @Test
    void optimalMatchingGivesTheAgreementGreedyGetsWrong() {
        // both reviewers marked two claims that pair up crosswise (see SpanMatcherTest): greedy would
        // match one pair (F1 0.5, κ over one rating); the optimal assignment matches both (F1 1)
        AgreementReport r = AgreementCalculator.compute(1L, null, List.of(doc(1,
                "ann", List.of(j(0, 10, 2, "B"), j(2, 12, 4, "D")),
                "ben", List.of(j(1, 10, 4, "D"), j(0, 6, 2, "B")))));
        assertEquals(2, r.pairs().get(0).matched());
        assertEquals(1.0, r.pairs().get(0).spanF1(), 1e-12);
        assertEquals(1.0, r.pairs().get(0).kappa(), 1e-12);
        assertEquals(1.0, r.credibility().alpha(), 1e-12);
    }

    @Test
    void cannotBeJudgedIsMissingForOrdinalScales() {
        assertNull(AgreementCalculator.credibilityOrdinal(6));
        assertNull(AgreementCalculator.credibilityOrdinal(null));
        assertEquals(5, AgreementCalculator.credibilityOrdinal(5));
        assertNull(AgreementCalculator.reliabilityOrdinal("F"));
        assertEquals(1, AgreementCalculator.reliabilityOrdinal("A"));
        assertEquals(5, AgreementCalculator.reliabilityOrdinal("E"));
    }

    @Test
    void sixAndFDropOutOfAlphaButStayCategoriesForKappa() {
        // three matched claims; on the third one reviewer says 6 / F
        AgreementReport r = AgreementCalculator.compute(1L, null, List.of(doc(1,
                "ann", List.of(j(0, 10, 2, "B"), j(20, 30, 4, "D"), j(40, 50, 3, "C")),
                "ben", List.of(j(0, 10, 2, "B"), j(20, 30, 4, "D"), j(40, 50, 6, "F")))));
        // α over the two units left: perfect
        assertEquals(2, r.credibility().units());
        assertEquals(1.0, r.credibility().alpha(), 1e-12);
        assertEquals(2, r.reliability().units());
        assertEquals(1.0, r.reliability().alpha(), 1e-12);
        // κ sees 3 vs 6 as a disagreement: po = 2/3, pe = (1/3·1/3)·2 = 2/9 → κ = (4/9)/(7/9) = 4/7
        assertEquals(4.0 / 7, r.pairs().get(0).kappa(), 1e-12);
        assertEquals(4.0 / 7, r.pairs().get(0).reliabilityKappa(), 1e-12);
    }

    @Test
    void unitsHoldAtMostOneClaimPerReviewer() {
        // Pairwise one-to-one matches: ann#0–ben 0.9, ann#1–carl 0.818, ben–carl 0.583 form a chain
        // ann#0–ben–carl–ann#1; merging best first, ben–carl would put two of ann's claims in one
        // unit, so it is skipped: units {ann#0, ben} and {ann#1, carl}.
        AgreementReport r = AgreementCalculator.compute(1L, null, List.of(doc(1,
                "ann", List.of(j(0, 10, 1, "A"), j(4, 14, 2, "B")),
                "ben", List.of(j(1, 10, 1, "A")),
                "carl", List.of(j(3, 13, 2, "B")))));
        assertEquals(2, r.credibility().units());
        assertEquals(4, r.credibility().values());
        assertEquals(1.0, r.credibility().alpha(), 1e-12);
        assertEquals(3, r.pairs().size());
        assertEquals(List.of("ann", "ben", "carl"), r.reviewers());
        assertEquals(1, r.pairs().get(2).matched(), "ben–carl still match as a pair");
    }

    @Test
    void pairsPoolCountsOverDocuments() {
        AgreementReport r = AgreementCalculator.compute(1L, null, List.of(
                doc(1, "ann", List.of(j(0, 10, 1, "A")), "ben", List.of(j(0, 10, 1, "A"))),
                doc(2, "ann", List.of(j(0, 10, 2, "B"), j(20, 30, 2, "B")), "ben", List.of()),
                doc(3, "ann", List.of(j(0, 5, 2, "B")))));
        assertEquals(3, r.documents());
        assertEquals(2, r.comparedDocuments());
        var p = r.pairs().get(0);
        assertEquals(2, p.documents());
        assertEquals(1, p.matched());
        assertEquals(1.0, p.spanPrecision(), 1e-12);
        assertEquals(1.0 / 3, p.spanRecall(), 1e-12);
        assertEquals(0.5, p.spanF1(), 1e-12);
        assertNull(r.byDocument().get(2).spanF1(), "one reviewer only");
        assertEquals(0.0, r.byDocument().get(1).spanF1(), 1e-12);
        // a single pairable unit without variation: α is 0/0, reported as perfect agreement
        assertEquals(1, r.credibility().units());
        assertEquals(1.0, r.credibility().alpha(), 1e-12);
    }
}
