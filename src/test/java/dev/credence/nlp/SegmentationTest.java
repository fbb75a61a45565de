package dev.credence.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.annotation.Offsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SegmentationTest {
    static final String TEXT = "Lanternfish Says 🐉 Group Hit 14 Agencies\n"
            + "Researchers at Lanternfish told the Harbor Ledger that the group breached 14 agencies. "
            + "The ministry called it 谣言, said Rene\u0301e Caldero\u0301n (a spokeswoman).\n\n"
            + "Emoji 👍🏽 and flags 🇹🇼 stay whole; so does q\u0301.\u00a0Done.\n";

    static EnglishModels models;

    @BeforeAll
    static void load() {
        models = new EnglishModels();
    }

    @Test
    void tokensAreCodePointSlicesWithoutWhitespace() {
        List<Segmentation.Sentence> sentences = models.segmentation().sentences(TEXT);
        Offsets.CodePointIndex index = Offsets.CodePointIndex.of(TEXT);
        int previousEnd = 0;
        for (Segmentation.Sentence s : sentences) {
            assertFalse(s.tokens().isEmpty());
            for (Segmentation.Token t : s.tokens()) {
                assertEquals(t.text(), index.slice(t.start(), t.end()), "token at " + t.start());
                assertTrue(t.start() >= previousEnd && t.end() > t.start(), "in order, not overlapping: " + t);
                assertTrue(t.text().codePoints().noneMatch(Segmentation::isSpace), "no whitespace in " + t);
                previousEnd = t.end();
            }
        }
    }

    @Test
    void aSentenceNeverCrossesALineBreak() {
        List<Segmentation.Sentence> sentences = models.segmentation().sentences(TEXT);
        Offsets.CodePointIndex index = Offsets.CodePointIndex.of(TEXT);
        for (Segmentation.Sentence s : sentences) {
            assertFalse(index.slice(s.start(), s.end()).contains("\n"), index.slice(s.start(), s.end()));
        }
        assertEquals("Lanternfish Says 🐉 Group Hit 14 Agencies", index.slice(sentences.get(0).start(),
                sentences.get(0).end()), "the headline is a sentence of its own");
        assertTrue(sentences.size() >= 4, "headline, two sentences in the paragraph, the last line: " + sentences);
    }

    @Test
    void charactersStayWhole() {
        List<String> tokens = models.segmentation().sentences(TEXT).stream()
                .flatMap(s -> s.tokens().stream()).map(Segmentation.Token::text).toList();
        assertTrue(tokens.contains("🐉"), tokens.toString());
        assertTrue(tokens.contains("谣言"), tokens.toString());
        assertTrue(tokens.contains("Rene\u0301e"), tokens.toString());
        assertTrue(tokens.contains("Caldero\u0301n"), tokens.toString());
        assertTrue(tokens.contains("👍🏽"), tokens.toString());
        assertTrue(tokens.contains("🇹🇼"), tokens.toString());
        assertTrue(tokens.stream().noneMatch(t -> Character.isLowSurrogate(t.charAt(0))
                || Character.isHighSurrogate(t.charAt(t.length() - 1))), "no cut surrogate pair: " + tokens);
        assertTrue(tokens.stream().noneMatch(t -> Character.getType(t.codePointAt(0)) == Character.NON_SPACING_MARK),
                "no token starts with a combining accent: " + tokens);
    }

    @Test
    void emojiOffsetsAreCodePoints() {
        Segmentation.Token dragon = models.segmentation().sentences(TEXT).get(0).tokens().stream()
                .filter(t -> t.text().equals("🐉")).findFirst().orElseThrow();
        assertEquals(17, dragon.start());
        assertEquals(18, dragon.end(), "one code point, two UTF-16 units");
        Segmentation.Token group = models.segmentation().sentences(TEXT).get(0).tokens().get(3);
        assertEquals("Group", group.text());
        assertEquals(19, group.start());
    }

    @Test
    void blankTextHasNoSentences() {
        assertTrue(models.segmentation().sentences("").isEmpty());
        assertTrue(models.segmentation().sentences(" \n\n\t \n").isEmpty());
    }
}
