package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonOverlappingTest {
    record S(int start, int end) {
    }

    private static List<S> keep(S... spans) {
        return NonOverlapping.keep(List.of(spans), S::start, S::end);
    }

    @Test
    void keepsTheEarliestAndDropsWhatOverlapsIt() {
        assertEquals(List.of(new S(0, 10), new S(10, 12)), keep(new S(2, 5), new S(10, 12), new S(0, 10), new S(9, 11)));
    }

    @Test
    void onTheSameStartTheLongerWins() {
        assertEquals(List.of(new S(3, 9)), keep(new S(3, 4), new S(3, 9)));
    }

    @Test
    void touchingSpansDoNotOverlap() {
        assertEquals(List.of(new S(0, 2), new S(2, 4), new S(4, 5)), keep(new S(4, 5), new S(2, 4), new S(0, 2)));
    }

    @Test
    void nothingIn() {
        assertEquals(List.of(), keep());
    }
}
