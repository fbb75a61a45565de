package dev.credence.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeCursorTest {
    @Test
    void idsSkippedByAnOpenTransactionAreAwaitedUntilTheyCommit() {
        ChangeCursor c = new ChangeCursor(10);
        c.read(List.of(11L, 14L), 1_000);
        assertEquals(14, c.seen());
        assertEquals(List.of(12L, 13L), c.gaps());
        c.read(List.of(13L), 2_000); // 13 committed late
        assertEquals(List.of(12L), c.gaps());
        assertEquals(14, c.seen());
    }

    @Test
    void aGapIsGivenUpAfterTheWait() {
        ChangeCursor c = new ChangeCursor(0);
        c.read(List.of(2L), 1_000);
        c.read(List.of(5L), 5_000);
        assertEquals(List.of(1L, 3L, 4L), c.gaps());
        assertEquals(1, c.expire(7_000, 5_000)); // 1 waited 6 s
        assertEquals(List.of(3L, 4L), c.gaps());
        assertEquals(0, c.expire(7_000, 5_000));
    }

    @Test
    void nothingReadChangesNothing() {
        ChangeCursor c = new ChangeCursor(7);
        c.read(List.of(), 1);
        assertEquals(7, c.seen());
        assertEquals(List.of(), c.gaps());
    }

    @Test
    void aResetKeepsWhatWasAwaitedAndAddsTheMissingBelowTheNewPosition() {
        ChangeCursor c = new ChangeCursor(0);
        c.read(List.of(3L), 1);
        c.reset(100, List.of(98L, 150L), 2);
        assertEquals(100, c.seen());
        assertEquals(List.of(1L, 2L, 98L), c.gaps());
    }

    @Test
    void tooManyGapsDropTheOldest() {
        ChangeCursor c = new ChangeCursor(0);
        c.read(List.of((long) ChangeCursor.MAX_GAPS + 10), 1);
        assertEquals(ChangeCursor.MAX_GAPS, c.gaps().size());
        assertEquals(10L, c.gaps().get(0));
    }
}
