package dev.credence.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AdmiraltyTest {
    @Test
    void credibilityWording() {
        assertEquals("Confirmed by other sources", Admiralty.credibility(1));
        assertEquals("Improbable", Admiralty.credibility(5));
        assertEquals("Truth cannot be judged", Admiralty.credibility(6));
        assertNull(Admiralty.credibility(0));
        assertNull(Admiralty.credibility(7));
        assertNull(Admiralty.credibility(null));
    }

    @Test
    void reliabilityWording() {
        assertEquals("Completely reliable", Admiralty.reliability("A"));
        assertEquals("Not usually reliable", Admiralty.reliability("D"));
        assertEquals("Reliability cannot be judged", Admiralty.reliability("F"));
        assertNull(Admiralty.reliability("G"));
        assertNull(Admiralty.reliability("a"));
        assertNull(Admiralty.reliability(""));
        assertNull(Admiralty.reliability(null));
    }
}
