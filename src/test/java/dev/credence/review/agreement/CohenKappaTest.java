package dev.credence.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.credence.review.agreement.CohenKappa.Rating;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohenKappaTest {

    static List<Rating<String>> table(int yesYes, int yesNo, int noYes, int noNo) {
        List<Rating<String>> r = new ArrayList<>();
        for (int i = 0; i < yesYes; i++) r.add(new Rating<>("yes", "yes"));
        for (int i = 0; i < yesNo; i++) r.add(new Rating<>("yes", "no"));
        for (int i = 0; i < noYes; i++) r.add(new Rating<>("no", "yes"));
        for (int i = 0; i < noNo; i++) r.add(new Rating<>("no", "no"));
        return r;
    }

    @Test
    void handComputedTable() {
        // 50 items, [[20,5],[10,15]]: po = 35/50 = 0.70; a says yes 25/50, b says yes 30/50:
        // pe = 0.5·0.6 + 0.5·0.4 = 0.50; κ = (0.70 − 0.50) / (1 − 0.50) = 0.40
        assertEquals(0.40, CohenKappa.compute(table(20, 5, 10, 15)), 1e-12);
    }

    @Test
    void allSameCategoryOnBothSidesIsPerfect() {
        assertEquals(1.0, CohenKappa.compute(table(7, 0, 0, 0)));
    }

    @Test
    void oneRaterConstantGivesZero() {
        // a always yes, b mixed: po = pe = 0.6 → κ = 0
        assertEquals(0.0, CohenKappa.compute(table(6, 4, 0, 0)), 1e-12);
    }

    @Test
    void missingValuesAreSkippedAndNoItemsIsUndefined() {
        List<Rating<Integer>> r = new ArrayList<>();
        r.add(new Rating<>(1, null));
        assertNull(CohenKappa.compute(r));
        r.add(new Rating<>(2, 2));
        r.add(new Rating<>(3, 3));
        assertEquals(1.0, CohenKappa.compute(r), 1e-12);
    }
}
