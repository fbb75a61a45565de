package dev.credence.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Keeps a set of spans free of overlaps the way doccano's importer does when a project does not allow
 * overlapping spans: by start offset (ties: the longer first), each span is kept when it starts at or
 * after the end of the last one kept. Writing exactly what doccano would keep means the file says
 * what the project will hold (and no relation points at a span the importer would drop).
 */
final class NonOverlapping {
    private NonOverlapping() {
    }

    static <T> List<T> keep(List<T> spans, ToIntFunction<T> start, ToIntFunction<T> end) {
        List<T> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(start).thenComparing(Comparator.comparingInt(end).reversed()));
        List<T> kept = new ArrayList<>();
        int lastEnd = Integer.MIN_VALUE;
        for (T span : sorted) {
            if (start.applyAsInt(span) >= lastEnd) {
                kept.add(span);
                lastEnd = end.applyAsInt(span);
            }
        }
        return kept;
    }
}
