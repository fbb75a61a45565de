package dev.credence.review.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.review.matching.ClaimAlignment.Cluster;
import dev.credence.review.matching.ClaimAlignment.Field;
import dev.credence.review.matching.ClaimAlignment.HopKey;
import dev.credence.review.matching.ClaimAlignment.Version;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimAlignmentTest {
    static final List<HopKey> CHAIN = List.of(new HopKey(1, "asserts", "B"), new HopKey(2, "reports", "C"));

    static Version v(long id, long layer, int start, int end, Integer cred, List<HopKey> hops) {
        return new Version(id, layer, start, end, "event", "asserted", cred, hops);
    }

    @Test
    void overlappingClaimsFormOneItemAndSeparateOnesDoNot() {
        List<Cluster> items = ClaimAlignment.cluster(List.of(v(1, 10, 0, 10, 3, CHAIN), v(2, 20, 5, 15, 3, CHAIN),
                v(3, 10, 15, 20, 3, CHAIN), v(4, 20, 30, 40, 2, List.of())));
        assertEquals(3, items.size());
        assertEquals(0, items.get(0).start());
        assertEquals(15, items.get(0).end());
        assertEquals(2, items.get(0).versions().size());
        assertEquals(15, items.get(1).start(), "touching spans (end exclusive) are separate items");
        assertEquals(30, items.get(2).start());
    }

    @Test
    void agreedNeedsOneIdenticalClaimPerLayer() {
        List<Long> layers = List.of(10L, 20L);
        assertTrue(ClaimAlignment.cluster(List.of(v(1, 10, 0, 10, 3, CHAIN), v(2, 20, 0, 10, 3, CHAIN))).get(0)
                .agreed(layers));
        // a different grade on one hop
        List<HopKey> otherGrade = List.of(new HopKey(1, "asserts", "B"), new HopKey(2, "reports", "D"));
        Cluster grade = ClaimAlignment.cluster(List.of(v(1, 10, 0, 10, 3, CHAIN), v(2, 20, 0, 10, 3, otherGrade)))
                .get(0);
        assertFalse(grade.agreed(layers));
        assertEquals(Set.of(Field.attribution), ClaimAlignment.differences(grade.versions()));
        // sources in another order
        List<HopKey> reversed = List.of(new HopKey(2, "asserts", "B"), new HopKey(1, "reports", "C"));
        assertFalse(ClaimAlignment.cluster(List.of(v(1, 10, 0, 10, 3, CHAIN), v(2, 20, 0, 10, 3, reversed))).get(0)
                .agreed(layers));
        // span off by one: Jaccard 10/11 ≥ 0.5 still agrees, but the difference is reported
        Cluster span = ClaimAlignment.cluster(List.of(v(1, 10, 0, 10, 3, CHAIN), v(2, 20, 0, 11, 3, CHAIN))).get(0);
        assertTrue(span.agreed(layers));
        assertEquals(Set.of(Field.span), ClaimAlignment.differences(span.versions()));
        // overlapping by less than half: not agreed
        assertFalse(ClaimAlignment.cluster(List.of(v(1, 10, 0, 10, 3, CHAIN), v(2, 20, 6, 20, 3, CHAIN))).get(0)
                .agreed(layers));
        // credibility
        Cluster cred = ClaimAlignment.cluster(List.of(v(1, 10, 0, 10, 3, CHAIN), v(2, 20, 0, 10, 4, CHAIN))).get(0);
        assertEquals(Set.of(Field.credibility), ClaimAlignment.differences(cred.versions()));
        // only one of two reviewers marked it
        Cluster alone = ClaimAlignment.cluster(List.of(v(1, 10, 0, 10, 3, CHAIN))).get(0);
        assertFalse(alone.agreed(layers));
        assertEquals(1, alone.matched(layers));
        // two claims of one reviewer in the item
        assertFalse(ClaimAlignment.cluster(List.of(v(1, 10, 0, 10, 3, CHAIN), v(2, 20, 0, 10, 3, CHAIN),
                v(3, 20, 2, 5, 3, CHAIN))).get(0).agreed(layers));
    }

    @Test
    void aSingleReviewerAgreesWithThemself() {
        assertTrue(ClaimAlignment.cluster(List.of(v(1, 10, 0, 10, 3, CHAIN))).get(0).agreed(List.of(10L)));
        assertTrue(ClaimAlignment.cluster(List.of()).isEmpty());
    }
}
