package dev.credence.source.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.source.stats.SourceStatistics.GradeCount;
import dev.credence.source.stats.SourceStatistics.Month;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceChartsTest {
    @Test
    void barsAreScaledToTheLargestCountAndSayTheirGradeInWords() {
        var chart = SourceCharts.bars("c", "Credibility", List.of(new GradeCount("1", "confirmed by other sources", 10),
                new GradeCount("2", "probably true", 5), new GradeCount(null, "not graded", 0)), "cred", "claims");
        assertEquals(330.0, chart.bars().get(0).width());
        assertEquals(165.0, chart.bars().get(1).width());
        assertEquals(0.0, chart.bars().get(2).width());
        assertEquals("cred-1", chart.bars().get(0).css());
        assertEquals("ungraded", chart.bars().get(2).css());
        assertEquals("1 confirmed by other sources", chart.bars().get(0).label());
        assertEquals(1, chart.bars().get(0).number());
        assertNull(chart.bars().get(2).number());
        assertEquals("67%", chart.bars().get(0).share());
        assertEquals("15 claims; most often 1 confirmed by other sources (67%).", chart.summary());
        assertEquals(26, chart.bars().get(1).y() - chart.bars().get(0).y());
    }

    @Test
    void noCountsSayNothingYet() {
        var chart = SourceCharts.bars("r", "Reliability", List.of(new GradeCount("A", "completely reliable", 0)), "rel", "hops");
        assertEquals("No hops yet.", chart.summary());
        assertEquals(0.0, chart.bars().get(0).width());
    }

    @Test
    void monthsShareTheAxisAndTheLinesFollowTheCounts() {
        var m = SourceCharts.monthly(List.of(new Month("2026-01", 10, 5, 0), new Month("2026-02", 0, 0, 0),
                new Month("2026-03", 4, 4, 2)));
        assertEquals(3, m.months().size());
        assertEquals(10, m.max());
        var jan = m.months().get(0);
        assertEquals(m.baseY() - jan.barHeight(), jan.barY(), 0.11);
        assertEquals(m.baseY() - m.maxY(), jan.barHeight(), 0.11, "the largest month is full height");
        assertEquals(0.0, m.months().get(1).barHeight());
        assertEquals(3, m.corroboratedLine().split(" ").length);
        assertEquals("2026-01", jan.tick());
        assertTrue(m.summary().contains("14 claims, 9 independently corroborated (64%), 2 contradicted (14%)"), m.summary());
        assertEquals("No dated claims yet.", SourceCharts.monthly(List.of()).summary());
    }

    @Test
    void percentagesBelowOneAreNotRoundedToZero() {
        assertEquals("<1%", SourceCharts.percent(1, 1000));
        assertEquals("0%", SourceCharts.percent(0, 0));
        assertEquals("100%", SourceCharts.percent(3, 3));
    }
}
