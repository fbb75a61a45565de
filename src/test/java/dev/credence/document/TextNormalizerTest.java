package dev.credence.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void crlfAndLoneCrBecomeLf() {
        assertEquals("one\ntwo\nthree\n\nfour", TextNormalizer.normalize("one\r\ntwo\rthree\r\n\r\nfour"));
    }

    @Test
    void decomposedAccentIsComposed() {
        String decomposed = "Cafe\u0301 owners";
        String normalized = TextNormalizer.normalize(decomposed);
        assertEquals("Caf\u00e9 owners", normalized);
        assertEquals(11, TextNormalizer.codePointLength(normalized));
        assertEquals(12, TextNormalizer.codePointLength(decomposed));
    }

    @Test
    void byteOrderMarkAndTrailingWhitespaceGoLeadingWhitespaceStays() {
        assertEquals("  Indented first line\nsecond", TextNormalizer.normalize("\uFEFF  Indented first line\nsecond \n\t\n"));
    }

    @Test
    void innerWhitespaceIsKeptExactly() {
        String text = "a  b\t c\n\n\n d";
        assertEquals(text, TextNormalizer.normalize(text));
    }

    @Test
    void emojiAndCjkCountAsOneCodePointEach() {
        String text = "Kestrel \uD83D\uDD75\uFE0F said 网络攻击 \uD83D\uDE80";
        // 🕵 is a surrogate pair (2 UTF-16 units) plus a variation selector; 🚀 is a surrogate pair.
        assertEquals(24, text.length());
        assertEquals(22, TextNormalizer.codePointLength(TextNormalizer.normalize(text)));
        assertEquals(4, TextNormalizer.codePointLength("网络攻击"));
    }

    @Test
    void sha256IsOfTheNormalizedText() {
        String a = TextNormalizer.normalize("Cafe\u0301\r\nopen ");
        String b = TextNormalizer.normalize("Caf\u00e9\nopen");
        assertEquals(TextNormalizer.sha256(a), TextNormalizer.sha256(b));
        assertEquals(64, TextNormalizer.sha256(a).length());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TextNormalizer.sha256(""));
        assertNotEquals(TextNormalizer.sha256("a"), TextNormalizer.sha256("b"));
    }

    @Test
    void truncateNeverSplitsASurrogatePair() {
        assertEquals("ab", TextNormalizer.truncate("ab\uD83D\uDE80", 3));
        assertEquals("abc", TextNormalizer.truncate("abc", 3));
    }
}
