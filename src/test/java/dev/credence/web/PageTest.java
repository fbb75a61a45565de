package dev.credence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {
    @Test
    void pagingClampsToExistingPages() {
        assertEquals(0, Page.clamp(-3, 10, 5));
        assertEquals(1, Page.clamp(9, 10, 5));
        assertEquals(0, Page.clamp(4, 0, 5));
        assertEquals(3, new Page<>(List.of(), 11, 0, 5).pages());
    }

    @Test
    void anEmptyListIsOnePage() {
        Page<String> empty = new Page<>(List.of(), 0, 0, 50);
        assertEquals(1, empty.pages());
        assertFalse(empty.hasPrevious());
        assertFalse(empty.hasNext());
    }

    @Test
    void previousAndNext() {
        Page<String> middle = new Page<>(List.of("x"), 30, 1, 10);
        assertTrue(middle.hasPrevious());
        assertTrue(middle.hasNext());
        assertFalse(new Page<>(List.of("x"), 30, 2, 10).hasNext());
    }
}
