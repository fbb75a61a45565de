package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BioTaggerTest {
    // Tokens of "Kite 's crew told us 🐉 ." at code points: [0,4) [4,6) [7,11) [12,16) [17,19) [20,21) [21,22)
    static final int[] STARTS = { 0, 4, 7, 12, 17, 20, 21 };
    static final int[] ENDS = { 4, 6, 11, 16, 19, 21, 22 };

    private static String[] tag(BioTagger.Span... spans) {
        return BioTagger.tag(STARTS, ENDS, List.of(spans), "X");
    }

    @Test
    void firstTokenBeginsTheRestContinue() {
        assertArrayEquals(new String[] { "O", "O", "B-X", "I-X", "I-X", "O", "O" }, tag(new BioTagger.Span(7, 19)));
    }

    @Test
    void noSpansIsAllOutside() {
        assertArrayEquals(new String[] { "O", "O", "O", "O", "O", "O", "O" }, tag());
    }

    @Test
    void aSpanBeginningOrEndingInsideATokenTakesTheWholeToken() {
        assertArrayEquals(new String[] { "B-X", "I-X", "O", "O", "O", "O", "O" }, tag(new BioTagger.Span(2, 5)));
        assertArrayEquals(new String[] { "O", "O", "B-X", "O", "O", "O", "O" }, tag(new BioTagger.Span(10, 11)));
    }

    @Test
    void whitespaceOnlyOverlapTagsNothing() {
        assertArrayEquals(new String[] { "O", "O", "O", "O", "O", "O", "O" }, tag(new BioTagger.Span(11, 12)));
    }

    @Test
    void adjacentSpansEachBegin() {
        assertArrayEquals(new String[] { "B-X", "I-X", "B-X", "I-X", "O", "O", "O" },
                tag(new BioTagger.Span(7, 16), new BioTagger.Span(0, 6)));
    }

    @Test
    void theEarlierSpanKeepsASharedToken() {
        // Both spans touch token 1 ("'s"): the first keeps it, the second begins at its first free token.
        assertArrayEquals(new String[] { "B-X", "I-X", "B-X", "I-X", "O", "O", "O" },
                tag(new BioTagger.Span(0, 5), new BioTagger.Span(5, 16)));
    }

    @Test
    void aSpanInsideALongerOneIsNotInTheColumn() {
        assertArrayEquals(new String[] { "B-X", "I-X", "I-X", "I-X", "O", "O", "O" },
                tag(new BioTagger.Span(7, 11), new BioTagger.Span(0, 16)));
        assertArrayEquals(new String[] { "B-X", "I-X", "I-X", "O", "O", "O", "O" },
                tag(new BioTagger.Span(0, 11), new BioTagger.Span(0, 4)), "equal starts: the longer first");
    }

    @Test
    void crossingSpansSplitAtTheFirstFreeToken() {
        assertArrayEquals(new String[] { "O", "B-X", "I-X", "I-X", "B-X", "I-X", "O" },
                tag(new BioTagger.Span(12, 21), new BioTagger.Span(4, 16)));
    }

    @Test
    void emojiTokenIsOneCodePoint() {
        assertArrayEquals(new String[] { "O", "O", "O", "O", "O", "B-X", "O" }, tag(new BioTagger.Span(20, 21)));
    }
}
