package dev.credence.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ReliabilityTest {
    @Test
    void wordsOfEachGrade() {
        assertEquals("Completely reliable", Reliability.sentenceOf("A"));
        assertEquals("Not usually reliable", Reliability.sentenceOf("D"));
        assertEquals("Reliability cannot be judged", Reliability.sentenceOf("F"));
        assertEquals("usually reliable", Reliability.B.words());
        assertEquals("rel-e", Reliability.E.css());
    }

    @Test
    void onlyUpperCaseLettersAToF() {
        assertNull(Reliability.sentenceOf("G"));
        assertNull(Reliability.sentenceOf("a"));
        assertNull(Reliability.sentenceOf(""));
        assertNull(Reliability.sentenceOf(null));
        assertNull(Reliability.of("AB"));
        assertEquals(Reliability.C, Reliability.of("C"));
    }
}
