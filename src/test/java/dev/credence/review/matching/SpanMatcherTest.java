package dev.credence.review.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.credence.review.agreement.SpanScore;
import dev.credence.review.matching.SpanMatcher.Match;
import dev.credence.review.matching.SpanMatcher.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanMatcherTest {

    static Range r(int start, int end) {
        return new Range(start, end);
    }

    @Test
    void jaccardOfRanges() {
        assertEquals(1.0, SpanMatcher.jaccard(r(0, 10), r(0, 10)));
        assertEquals(0.0, SpanMatcher.jaccard(r(0, 10), r(10, 20)));
        assertEquals(0.5, SpanMatcher.jaccard(r(0, 10), r(0, 5)));
        assertEquals(5.0 / 15, SpanMatcher.jaccard(r(0, 10), r(5, 15)), 1e-12);
    }

    @Test
    void exactNeedsSameStartAndEnd() {
        List<Match> m = SpanMatcher.exact(List.of(r(0, 10), r(20, 30)), List.of(r(20, 30), r(0, 9)));
        assertEquals(List.of(new Match(1, 0, 1.0)), m);
    }

    @Test
    void overlapAtExactlyHalfMatchesAndJustBelowDoesNot() {
        // |∩| = 5, |∪| = 10 → 0.5 (inclusive threshold)
        assertEquals(1, SpanMatcher.overlap(List.of(r(0, 10)), List.of(r(5, 10))).size());
        // |∩| = 5, |∪| = 11 → 0.4545…
        assertEquals(0, SpanMatcher.overlap(List.of(r(0, 11)), List.of(r(6, 11))).size());
        // 10 of 20 → 0.5
        assertEquals(1, SpanMatcher.overlap(List.of(r(0, 15)), List.of(r(5, 20))).size());
    }

    @Test
    void oneToOneTakesTheBestPairFirst() {
        // candidate 0 overlaps both reference spans; it goes to the better one (ref 1, Jaccard 0.9)
        List<Range> ref = List.of(r(0, 12), r(2, 12));
        List<Range> cand = List.of(r(3, 12), r(0, 11));
        List<Match> m = SpanMatcher.overlap(ref, cand);
        assertEquals(2, m.size());
        assertEquals(new Match(0, 1, 11.0 / 12), m.get(0));
        assertEquals(new Match(1, 0, 0.9), m.get(1));
    }

    @Test
    void oneToOneLeavesTheSecondClaimantUnmatched() {
        // two identical reference spans, one candidate: only one match
        List<Match> m = SpanMatcher.overlap(List.of(r(0, 10), r(0, 10)), List.of(r(0, 10)));
        assertEquals(List.of(new Match(0, 0, 1.0)), m);
    }

    @Test
    void tiesAreBrokenByPosition() {
        // ref (0,10) and (10,20), cand (5,15): both 5/15 < 0.5 → no match
        assertEquals(0, SpanMatcher.overlap(List.of(r(0, 10), r(10, 20)), List.of(r(5, 15))).size());
        // ref (0,8) and (2,10), cand (1,9): both 7/9; the earlier reference span wins
        List<Match> m = SpanMatcher.overlap(List.of(r(2, 10), r(0, 8)), List.of(r(1, 9)));
        assertEquals(List.of(new Match(1, 0, 7.0 / 9)), m);
    }

    @Test
    void optimalFindsThePairsGreedyMisses() {
        // ref [0,10) and [2,12); cand [1,10) and [0,6):
        //   J(ref0, cand0) = 0.9, J(ref0, cand1) = 0.6, J(ref1, cand0) = 8/11, J(ref1, cand1) = 1/3
        // greedy takes the best pair (0.9) first and is left with nothing else: 1 match;
        // the optimal assignment pairs ref0–cand1 and ref1–cand0: 2 matches
        List<Range> ref = List.of(r(0, 10), r(2, 12));
        List<Range> cand = List.of(r(1, 10), r(0, 6));
        assertEquals(List.of(new Match(0, 0, 0.9)), SpanMatcher.greedy(ref, cand, SpanMatcher.OVERLAP_THRESHOLD));
        assertEquals(List.of(new Match(0, 1, 0.6), new Match(1, 0, 8.0 / 11)), SpanMatcher.overlap(ref, cand));
    }

    @Test
    void moreMatchesBeatAHigherTotalJaccardOfFewer() {
        // one perfect pair (J 1) against two weaker ones (J 0.5 each): the two pairs win
        List<Range> ref = List.of(r(0, 10), r(0, 20));
        List<Range> cand = List.of(r(0, 10), r(5, 10));
        // J(ref0,cand0)=1, J(ref0,cand1)=0.5, J(ref1,cand0)=0.5, J(ref1,cand1)=0.25
        assertEquals(List.of(new Match(0, 1, 0.5), new Match(1, 0, 0.5)), SpanMatcher.overlap(ref, cand));
    }

    @Test
    void separateGroupsAreSolvedApart() {
        List<Range> ref = List.of(r(100, 110), r(0, 10), r(2, 12), r(50, 60));
        List<Range> cand = List.of(r(0, 6), r(1, 10), r(100, 110), r(70, 80));
        assertEquals(List.of(new Match(0, 2, 1.0), new Match(1, 0, 0.6), new Match(2, 1, 8.0 / 11)),
                SpanMatcher.overlap(ref, cand));
    }

    @Test
    void scores() {
        SpanScore s = SpanScore.of(4, 5, 3);
        assertEquals(0.6, s.precision(), 1e-12);
        assertEquals(0.75, s.recall(), 1e-12);
        assertEquals(2 * 0.6 * 0.75 / 1.35, s.f1(), 1e-12);
        SpanScore empty = SpanScore.of(0, 0, 0);
        assertNull(empty.precision());
        assertNull(empty.f1());
        assertEquals(0.0, SpanScore.of(3, 0, 0).f1());
    }
}
