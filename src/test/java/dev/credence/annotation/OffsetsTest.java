package dev.credence.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OffsetsTest {
    // 👍🏽 = U+1F44D U+1F3FD (2 code points, 4 UTF-16 units); 🇹🇼 = two regional indicators (2 cp, 4 units).
    static final String THUMBS = "\uD83D\uDC4D\uD83C\uDFFD";
    static final String FLAG = "\uD83C\uDDF9\uD83C\uDDFC";

    @Test
    void asciiIsIdentity() {
        String t = "Xinhua said the drills ended.";
        assertEquals(t.length(), Offsets.length(t));
        assertEquals(7, Offsets.toUtf16(t, 7));
        assertEquals(7, Offsets.toCodePoint(t, 7));
        assertEquals("said", Offsets.slice(t, 7, 11));
    }

    @Test
    void emojiAndFlagsCountAsTwoCodePointsEach() {
        String t = "ok " + THUMBS + " " + FLAG + " Taipei";
        assertEquals(2, Offsets.length(THUMBS));
        assertEquals(2, Offsets.length(FLAG));
        assertEquals(3 + 2 + 1 + 2 + 7, Offsets.length(t));
        assertEquals(3 + 4 + 1 + 4 + 7, t.length());
        // "Taipei" starts at code point 9 but UTF-16 index 13
        assertEquals(13, Offsets.toUtf16(t, 9));
        assertEquals(9, Offsets.toCodePoint(t, 13));
        assertEquals("Taipei", Offsets.slice(t, 9, 15));
        assertEquals(THUMBS, Offsets.slice(t, 3, 5));
        assertEquals(FLAG, Offsets.slice(t, 6, 8));
        // half a flag is one regional indicator, still a whole code point
        assertEquals("\uD83C\uDDF9", Offsets.slice(t, 6, 7));
    }

    @Test
    void cjkIsOneCodePointPerCharacter() {
        String t = "台湾 said TeamT5";
        assertEquals(14, Offsets.length(t));
        assertEquals("台湾", Offsets.slice(t, 0, 2));
        assertEquals("TeamT5", Offsets.slice(t, 8, 14));
        // a CJK Extension B character lives outside the BMP: 1 code point, 2 UTF-16 units
        String ext = "\uD840\uDC0B台";
        assertEquals(2, Offsets.length(ext));
        assertEquals("台", Offsets.slice(ext, 1, 2));
    }

    @Test
    void combiningMarksStaySeparateCodePoints() {
        // q + U+0301 has no precomposed form, so NFC keeps 2 code points
        String q = Normalizer.normalize("q\u0301", Normalizer.Form.NFC);
        assertEquals(2, Offsets.length(q));
        // e + U+0301 composes to é under NFC: stored text has 1 code point
        String e = Normalizer.normalize("caf" + "e\u0301", Normalizer.Form.NFC);
        assertEquals(4, Offsets.length(e));
        assertEquals("é", Offsets.slice(e, 3, 4));
        String t = "x" + q + "y";
        assertEquals("y", Offsets.slice(t, 3, 4));
        assertEquals("\u0301", Offsets.slice(t, 2, 3));
    }

    @Test
    void surrogatePairsAtTheBoundaries() {
        String t = THUMBS + "mid" + FLAG;
        assertEquals(7, Offsets.length(t));
        assertEquals(THUMBS.substring(0, 2), Offsets.slice(t, 0, 1));
        assertEquals(FLAG, Offsets.slice(t, 5, 7));
        assertEquals(t, Offsets.slice(t, 0, 7));
        assertEquals(t.length(), Offsets.toUtf16(t, 7));
        assertEquals(7, Offsets.toCodePoint(t, t.length()));
        // a UTF-16 index inside a pair rounds down to the pair's start
        assertEquals(0, Offsets.toCodePoint(t, 1));
        assertEquals(1, Offsets.toCodePoint(t, 2));
        assertEquals(5, Offsets.toCodePoint(t, 8));
        assertEquals(6, Offsets.toCodePoint(t, 9));
        var index = Offsets.CodePointIndex.of(t);
        for (int i = 0; i <= t.length(); i++) {
            assertEquals(Offsets.toCodePoint(t, i), index.toCodePoint(i), "utf16 " + i);
        }
        Offsets.Context c = Offsets.context(t, 2, 5);
        assertEquals("mid", c.exact());
        assertEquals(THUMBS, c.prefix());
        assertEquals(FLAG, c.suffix());
    }

    @Test
    void contextKeeps32CodePointsEachSide() {
        String before = "😀".repeat(40);
        String after = "台".repeat(40);
        String t = before + "CLAIM" + after;
        Offsets.Context c = Offsets.context(t, 40, 45);
        assertEquals("CLAIM", c.exact());
        assertEquals("😀".repeat(32), c.prefix());
        assertEquals("台".repeat(32), c.suffix());
        Offsets.Context edge = Offsets.context("ab", 0, 2);
        assertEquals("", edge.prefix());
        assertEquals("", edge.suffix());
    }

    @Test
    void crlfTextNormalizedToLfHasLfOffsets() {
        String arrived = "Line one 👍🏽\r\nTeamT5 told POLITICO.\r\n";
        String stored = Normalizer.normalize(arrived.replace("\r\n", "\n"), Normalizer.Form.NFC);
        int start = Offsets.toCodePoint(stored, stored.indexOf("TeamT5"));
        // "Line one " (9) + 👍🏽 (2) + \n (1) = 12: the CR is not counted
        assertEquals(12, start);
        assertEquals("TeamT5", Offsets.slice(stored, start, start + 6));
        assertEquals(13, Offsets.toCodePoint(arrived, arrived.indexOf("TeamT5")), "the raw CRLF text would be off by one");
    }

    @Test
    void outOfRangeIsRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> Offsets.toUtf16("abc", 4));
        assertThrows(IndexOutOfBoundsException.class, () -> Offsets.toUtf16("abc", -1));
        assertThrows(IndexOutOfBoundsException.class, () -> Offsets.toCodePoint("abc", 4));
        assertThrows(IndexOutOfBoundsException.class, () -> Offsets.slice("abc", 2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Offsets.slice(THUMBS, 0, 3));
    }

    @Test
    void propertySliceAndContextRoundTrip() {
        String[] alphabet = {"a", "b", " ", "\n", "台", "湾", THUMBS, FLAG, "q\u0301", "😀", "é", "\uD840\uDC0B"};
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(120);
            for (int i = 0; i < pieces; i++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String t = sb.toString();
            var index = Offsets.CodePointIndex.of(t);
            int n = index.length();
            assertEquals(t.codePoints().count(), n);
            for (int k = 0; k < 20; k++) {
                int a = random.nextInt(n + 1);
                int b = random.nextInt(n + 1);
                int start = Math.min(a, b);
                int end = Math.max(a, b);
                Offsets.Context c = index.context(start, end);
                assertEquals(end - start, Offsets.length(c.exact()));
                assertEquals(Offsets.slice(t, start, end), c.exact());
                assertEquals(Math.min(32, start), Offsets.length(c.prefix()));
                assertEquals(Math.min(32, n - end), Offsets.length(c.suffix()));
                // the span is found again from its context
                String anchored = c.prefix() + c.exact() + c.suffix();
                int at = index.toUtf16(start - Offsets.length(c.prefix()));
                assertTrue(t.startsWith(anchored, at));
                // cp -> utf16 -> cp is the identity
                assertEquals(start, index.toCodePoint(index.toUtf16(start)));
                assertEquals(Offsets.toUtf16(t, end), index.toUtf16(end));
            }
        }
    }

    @Test
    void indexHandlesManySpansOnALargeText() {
        String paragraph = "According to 台湾 officials 👍🏽, the drills 🇹🇼 ended early.\n";
        String t = paragraph.repeat(600); // ~ 36k UTF-16 units
        var index = Offsets.CodePointIndex.of(t);
        int n = index.length();
        int spans = 0;
        for (int start = 0; start + 10 <= n; start += 7) {
            Offsets.Context c = index.context(start, start + 10);
            assertEquals(10, Offsets.length(c.exact()));
            spans++;
        }
        assertTrue(spans > 1000);
    }
}
