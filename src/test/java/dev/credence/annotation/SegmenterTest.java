package dev.credence.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.annotation.Segmenter.Mark;
import dev.credence.annotation.Segmenter.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private static String shape(List<Segment> segs) {
        return segs.stream().map(s -> s.startCp() + "-" + s.endCp() + "[" + s.text() + "]c" + s.claimIds()
                + (s.mentionIds().isEmpty() ? "" : "m" + s.mentionIds()) + (s.cueIds().isEmpty() ? "" : "u" + s.cueIds()))
                .collect(Collectors.joining(" "));
    }

    private static void assertCoversText(String text, List<Segment> segs) {
        assertEquals(text, segs.stream().map(Segment::text).collect(Collectors.joining()));
        for (int i = 1; i < segs.size(); i++) {
            assertEquals(segs.get(i - 1).endCp(), segs.get(i).startCp());
        }
    }

    @Test
    void emptyTextHasNoSegments() {
        assertEquals(List.of(), Segmenter.segments("", List.of(Mark.claim(1, 0, 3))));
    }

    @Test
    void noMarksIsOneSegment() {
        List<Segment> segs = Segmenter.segments("plain text", List.of());
        assertEquals("0-10[plain text]c[]", shape(segs));
        assertEquals("seg", segs.get(0).cls());
    }

    @Test
    void nestedSpans() {
        String text = "Officials said the fleet grew.";
        List<Segment> segs = Segmenter.segments(text, List.of(Mark.claim(1, 0, 30), Mark.claim(2, 15, 29)));
        assertEquals("0-15[Officials said ]c[1] 15-29[the fleet grew]c[1, 2] 29-30[.]c[1]", shape(segs));
        assertEquals("seg c2", segs.get(1).cls());
        assertEquals("1 2", segs.get(1).claims());
        assertCoversText(text, segs);
    }

    @Test
    void overlappingSpansOfDifferentKinds() {
        String text = "abcdefghij";
        List<Segment> segs = Segmenter.segments(text,
                List.of(Mark.claim(1, 2, 6), Mark.mention(7, 4, 8), Mark.cue(9, 5, 10)));
        assertEquals("0-2[ab]c[] 2-4[cd]c[1] 4-5[e]c[1]m[7] 5-6[f]c[1]m[7]u[9] 6-8[gh]c[]m[7]u[9] 8-10[ij]c[]u[9]",
                shape(segs));
        assertEquals("seg c1 m u", segs.get(3).cls());
        assertCoversText(text, segs);
    }

    @Test
    void identicalSpansAreListedTogether() {
        List<Segment> segs = Segmenter.segments("abcdef", List.of(Mark.claim(5, 1, 4), Mark.claim(3, 1, 4)));
        assertEquals("0-1[a]c[] 1-4[bcd]c[3, 5] 4-6[ef]c[]", shape(segs));
        assertEquals("seg c2", segs.get(1).cls());
    }

    @Test
    void adjacentSpansDoNotMerge() {
        List<Segment> segs = Segmenter.segments("abcdef", List.of(Mark.claim(1, 0, 3), Mark.claim(2, 3, 6)));
        assertEquals("0-3[abc]c[1] 3-6[def]c[2]", shape(segs));
    }

    @Test
    void spansAtStartAndEndAndOutOfRangeAreClamped() {
        List<Segment> segs = Segmenter.segments("abcdef",
                List.of(Mark.claim(1, 0, 2), Mark.cue(2, 4, 6), Mark.mention(3, 5, 99), Mark.claim(4, 3, 3)));
        assertEquals("0-2[ab]c[1] 2-4[cd]c[] 4-5[e]c[]u[2] 5-6[f]c[]m[3]u[2]", shape(segs));
    }

    @Test
    void emojiAndCjkCountAsOneCodePointEach() {
        // "🛰️" is U+1F6F0 (a surrogate pair) + U+FE0F; CJK ideographs are one code point (one UTF-16 unit).
        String text = "Satellite 🛰️ 北京 report: ships moved.";
        int start = text.codePointCount(0, text.indexOf("ships"));
        int end = start + "ships moved".length();
        List<Segment> segs = Segmenter.segments(text, List.of(Mark.claim(1, start, end), Mark.mention(2, 13, 15)));
        assertEquals(14 + 0, text.codePointCount(0, text.indexOf("京")));
        assertEquals("北京", segs.get(1).text());
        Segment claim = segs.stream().filter(s -> !s.claimIds().isEmpty()).findFirst().orElseThrow();
        assertEquals("ships moved", claim.text());
        assertEquals(start, claim.startCp());
        assertCoversText(text, segs);
    }

    @Test
    void surrogatePairAtSpanEdges() {
        String text = "😀x😀";
        List<Segment> segs = Segmenter.segments(text, List.of(Mark.claim(1, 0, 1), Mark.claim(2, 2, 3)));
        assertEquals("0-1[😀]c[1] 1-2[x]c[] 2-3[😀]c[2]", shape(segs));
    }

    @Test
    void paragraphBreaksStayInText() {
        String text = "One.\n\nTwo.";
        List<Segment> segs = Segmenter.segments(text, List.of(Mark.claim(1, 0, 10)));
        assertEquals("One.\n\nTwo.", segs.get(0).text());
    }

    @Test
    void thousandSpansAreLinearInOutput() {
        StringBuilder sb = new StringBuilder();
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int s = sb.length();
            sb.append("Claim number ").append(i).append(" was reported. ");
            marks.add(Mark.claim(i, s, sb.length() - 1));
            marks.add(Mark.mention(10_000 + i, s, s + 5));
        }
        List<Segment> segs = Segmenter.segments(sb.toString(), marks);
        assertCoversText(sb.toString(), segs);
        long claimSegments = segs.stream().filter(s -> !s.claimIds().isEmpty()).count();
        assertEquals(2000, claimSegments);
        assertTrue(segs.size() <= 3001);
    }
}
