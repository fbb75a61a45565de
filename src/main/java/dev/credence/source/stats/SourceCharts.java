package dev.credence.source.stats;

import dev.credence.source.stats.SourceStatistics.GradeCount;
import dev.credence.source.stats.SourceStatistics.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the source page's charts (inline SVG, drawn by templates/Sources/show.html): bars of grade
 * counts and a monthly chart. Numbers only, in SVG user units; the template writes the markup. Every chart also
 * comes as a table on the page, and every bar says its grade in words, not by colour alone.
 */
public final class SourceCharts {
    public static final int WIDTH = 640;
    static final int ROW = 26;
    static final int LABEL = 230;
    static final int BAR_SPACE = 330;
    public static final int MONTH_HEIGHT = 220;
    static final int MONTH_LEFT = 40;
    static final int MONTH_BOTTOM = 30;
    static final int MONTH_TOP = 12;

    private SourceCharts() {
    }

    /** One horizontal bar: the grade's label, its bar and its count. */
    public record Bar(String grade, Integer number, String words, String label, String css, long count, String share, int y,
            int textY, double width, double countX) {
    }

    /** A chart of grade counts: its id, title, what it counts, {@code kind} "cred" or "rel", bars, height, summary. */
    public record Bars(String id, String title, String unit, String kind, List<Bar> bars, int height, String summary) {
        public boolean credibility() {
            return "cred".equals(kind);
        }
    }

    /**
     * Horizontal bars, longest = the largest count. {@code kind}: "cred" or "rel" (the badge colour classes);
     * {@code unit}: what is counted ("claims", "hops").
     */
    public static Bars bars(String id, String title, List<GradeCount> counts, String kind, String unit) {
        String what = unit;
        long max = counts.stream().mapToLong(GradeCount::count).max().orElse(0);
        long total = counts.stream().mapToLong(GradeCount::count).sum();
        List<Bar> out = new ArrayList<>();
        int y = 4;
        GradeCount top = null;
        for (GradeCount c : counts) {
            double w = max == 0 ? 0 : BAR_SPACE * (double) c.count() / max;
            String css = c.grade() == null ? "ungraded" : kind + "-" + c.grade().toLowerCase(Locale.ROOT);
            String label = (c.grade() == null ? "–" : c.grade()) + " " + c.words();
            Integer number = "cred".equals(kind) && c.grade() != null ? Integer.valueOf(c.grade()) : null;
            out.add(new Bar(c.grade(), number, c.words(), label, css, c.count(), percent(c.count(), total), y,
                    y + ROW / 2 + 5, round(w), round(LABEL + w + 6)));
            if (c.count() > 0 && (top == null || c.count() > top.count())) {
                top = c;
            }
            y += ROW;
        }
        String summary = total == 0 ? "No " + what + " yet."
                : String.format(Locale.ROOT, "%,d %s; most often %s %s (%s).", total, what,
                        top.grade() == null ? "not graded" : top.grade(), top.grade() == null ? "" : top.words(),
                        percent(top.count(), total)).replace("  ", " ");
        return new Bars(id, title, unit, kind, out, y + 4, summary);
    }

    /** A month: its bar (all claims), the points of the two lines, and a label every few months. */
    public record MonthMark(String month, long claims, long corroborated, long contradicted, double x, double width,
            double barY, double barHeight, double center, double corroboratedY, double contradictedY, String tick) {
        public double squareX() {
            return round(center - 3);
        }

        public double squareY() {
            return round(contradictedY - 3);
        }
    }

    public record Monthly(List<MonthMark> months, String corroboratedLine, String contradictedLine, long max, double maxY,
            double baseY, int height, int width, String summary) {
        public double maxLabelY() {
            return maxY + 4;
        }

        public double tickY() {
            return baseY + 16;
        }
    }

    public static Monthly monthly(List<Month> months) {
        int n = Math.max(1, months.size());
        double plot = WIDTH - MONTH_LEFT - 8;
        double step = plot / n;
        double base = MONTH_HEIGHT - MONTH_BOTTOM;
        double span = base - MONTH_TOP;
        long max = Math.max(1, months.stream().mapToLong(Month::claims).max().orElse(1));
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        List<MonthMark> marks = new ArrayList<>();
        StringBuilder corroborated = new StringBuilder();
        StringBuilder contradicted = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            Month m = months.get(i);
            double x = MONTH_LEFT + i * step;
            double h = span * m.claims() / max;
            double center = x + step / 2;
            double cy = base - span * m.independentlyCorroborated() / max;
            double ky = base - span * m.contradicted() / max;
            corroborated.append(corroborated.length() == 0 ? "" : " ").append(round(center)).append(',').append(round(cy));
            contradicted.append(contradicted.length() == 0 ? "" : " ").append(round(center)).append(',').append(round(ky));
            marks.add(new MonthMark(m.month().toString(), m.claims(), m.independentlyCorroborated(), m.contradicted(),
                    round(x + step * 0.12), round(step * 0.76), round(base - h), round(h), round(center), round(cy), round(ky),
                    i % every == 0 ? m.month().toString() : null));
        }
        long claims = months.stream().mapToLong(Month::claims).sum();
        long corr = months.stream().mapToLong(Month::independentlyCorroborated).sum();
        long contra = months.stream().mapToLong(Month::contradicted).sum();
        String summary = months.isEmpty() ? "No dated claims yet."
                : String.format(Locale.ROOT, "%s to %s: %,d claims, %,d independently corroborated (%s), %,d contradicted (%s).",
                        months.get(0).month(), months.get(months.size() - 1).month(), claims, corr, percent(corr, claims),
                        contra, percent(contra, claims));
        return new Monthly(marks, corroborated.toString(), contradicted.toString(), max, MONTH_TOP, base, MONTH_HEIGHT,
                WIDTH, summary);
    }

    static String percent(long part, long total) {
        if (total == 0) {
            return "0%";
        }
        double p = 100.0 * part / total;
        return p > 0 && p < 1 ? "<1%" : String.format(Locale.ROOT, "%.0f%%", p);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
