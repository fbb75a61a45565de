package dev.credence.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CredibilityTest {
    @Test
    void wordsOfEachGrade() {
        assertEquals("Confirmed by other sources", Credibility.sentenceOf(1));
        assertEquals("Improbable", Credibility.sentenceOf(5));
        assertEquals("Truth cannot be judged", Credibility.sentenceOf(6));
        assertEquals("probably true", Credibility.of(2).words());
        assertEquals(4, Credibility.DOUBTFUL.value());
    }

    @Test
    void nothingOutsideOneToSix() {
        assertNull(Credibility.sentenceOf(0));
        assertNull(Credibility.sentenceOf(7));
        assertNull(Credibility.sentenceOf(null));
        assertNull(Credibility.of(-1));
    }

    @Test
    void valuesInOrder() {
        for (Credibility c : Credibility.values()) {
            assertEquals(c, Credibility.of(c.value()));
        }
    }
}
