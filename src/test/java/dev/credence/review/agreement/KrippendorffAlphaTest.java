package dev.credence.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.credence.review.agreement.KrippendorffAlpha.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {
    static final Integer X = null;

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C:
     * 4 observers × 12 units with missing values. Rows are observers A–D.
     */
    static final Integer[][] OBSERVERS = {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, X, X, X},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, X, 3},
            {X, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, X},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, X},
    };

    static List<List<Integer>> units(Integer[][] observers) {
        List<List<Integer>> units = new ArrayList<>();
        for (int u = 0; u < observers[0].length; u++) {
            List<Integer> unit = new ArrayList<>();
            for (Integer[] row : observers) {
                unit.add(row[u]);
            }
            units.add(unit);
        }
        return units;
    }

    @Test
    void referenceExampleNominal() {
        assertEquals(0.743, KrippendorffAlpha.compute(units(OBSERVERS), Level.nominal), 0.0005);
    }

    @Test
    void referenceExampleOrdinal() {
        assertEquals(0.815, KrippendorffAlpha.compute(units(OBSERVERS), Level.ordinal), 0.0005);
    }

    @Test
    void referenceExampleInterval() {
        assertEquals(0.849, KrippendorffAlpha.compute(units(OBSERVERS), Level.interval), 0.0005);
    }

    @Test
    void unitWithOneValueIsNotPairable() {
        assertEquals(11, KrippendorffAlpha.pairableUnits(units(OBSERVERS)));
        // dropping unit 12 (a single value) changes nothing
        List<List<Integer>> eleven = units(OBSERVERS).subList(0, 11);
        assertEquals(KrippendorffAlpha.compute(units(OBSERVERS), Level.ordinal),
                KrippendorffAlpha.compute(eleven, Level.ordinal), 1e-12);
    }

    @Test
    void perfectAgreementIsOne() {
        List<List<Integer>> units = List.of(List.of(1, 1), Arrays.asList(3, 3, X), List.of(5, 5, 5));
        for (Level level : Level.values()) {
            assertEquals(1.0, KrippendorffAlpha.compute(units, level), 1e-12, level.name());
        }
    }

    @Test
    void noVariationCountsAsPerfectAgreement() {
        assertEquals(1.0, KrippendorffAlpha.compute(List.of(List.of(2, 2), List.of(2, 2)), Level.ordinal));
    }

    @Test
    void noPairableUnitIsUndefined() {
        assertNull(KrippendorffAlpha.compute(List.of(Arrays.asList(1, X), Arrays.asList(X, 4)), Level.nominal));
        assertNull(KrippendorffAlpha.compute(List.of(), Level.ordinal));
        assertEquals(0, KrippendorffAlpha.pairableUnits(List.of(Arrays.asList(1, X))));
    }

    @Test
    void systematicDisagreementIsBelowZero() {
        // two observers always disagree: α < 0
        Double alpha = KrippendorffAlpha.compute(List.of(List.of(1, 2), List.of(2, 1)), Level.nominal);
        assertEquals(-0.5, alpha, 1e-12);
    }
}
