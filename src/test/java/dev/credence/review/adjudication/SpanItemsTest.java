package dev.credence.review.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanItemsTest {
    static SpanItems.Mark m(long id, long layer, int start, int end, String value) {
        return new SpanItems.Mark(id, layer, start, end, "x", value, value);
    }

    @Test
    void overlappingMarksFormOneItemTouchingOnesDoNot() {
        List<SpanItems.Item> items = SpanItems.cluster(List.of(m(1, 10, 0, 5, "a"), m(2, 11, 3, 8, "a"),
                m(3, 10, 8, 12, "b")));
        assertEquals(2, items.size());
        assertEquals(0, items.get(0).start());
        assertEquals(8, items.get(0).end());
        assertEquals(List.of(3L), items.get(1).versions().stream().map(SpanItems.Mark::id).toList());
    }

    @Test
    void agreedNeedsEveryLayerOnceSameSpanSameValue() {
        List<Long> layers = List.of(10L, 11L);
        assertTrue(SpanItems.cluster(List.of(m(1, 10, 0, 5, "a"), m(2, 11, 0, 5, "a"))).get(0).agreed(layers));
        SpanItems.Item otherValue = SpanItems.cluster(List.of(m(1, 10, 0, 5, "a"), m(2, 11, 0, 5, "b"))).get(0);
        assertFalse(otherValue.agreed(layers));
        assertTrue(otherValue.valuesDiffer());
        assertFalse(otherValue.spansDiffer());
        SpanItems.Item otherSpan = SpanItems.cluster(List.of(m(1, 10, 0, 5, "a"), m(2, 11, 0, 6, "a"))).get(0);
        assertFalse(otherSpan.agreed(layers));
        assertTrue(otherSpan.spansDiffer());
        assertFalse(SpanItems.cluster(List.of(m(1, 10, 0, 5, "a"))).get(0).agreed(layers), "one layer marked nothing");
        assertFalse(SpanItems.cluster(List.of(m(1, 10, 0, 5, null), m(2, 11, 0, 5, "a"))).get(0).agreed(layers));
        assertTrue(SpanItems.cluster(List.of(m(1, 10, 0, 5, null), m(2, 11, 0, 5, null))).get(0).agreed(layers),
                "two mentions with no source linked agree");
    }
}
