package dev.credence.review.adjudication;

import dev.credence.review.matching.ClaimAlignment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Groups the source mentions (or the cues) of several layers into <em>items</em>, as {@link ClaimAlignment}
 * does for claims: marks whose spans overlap (transitively) form one item. An item is <em>agreed</em> when
 * every reviewer layer holds exactly one mark in it, all on the same span with the same value (a mention's
 * source, a cue's class).
 *
 * <p>Pure values, no database.
 */
public final class SpanItems {
    private SpanItems() {
    }

    /** One mention or cue as compared; {@code value} is what must match (source id, cue class), may be null. */
    public record Mark(long id, long layerId, int start, int end, String exact, String value, String label) {
    }

    /** Marks whose spans overlap, in text order. */
    public record Item(int start, int end, List<Mark> versions) {
        public List<Mark> of(long layerId) {
            return versions.stream().filter(v -> v.layerId == layerId).toList();
        }

        /** Every layer holds exactly one mark here, all with the first one's span and value. */
        public boolean agreed(Collection<Long> layerIds) {
            if (layerIds.isEmpty() || versions.size() != layerIds.size()) {
                return false;
            }
            Mark first = versions.get(0);
            for (Long id : layerIds) {
                List<Mark> mine = of(id);
                if (mine.size() != 1) {
                    return false;
                }
                Mark m = mine.get(0);
                if (m.start != first.start || m.end != first.end || !Objects.equals(m.value, first.value)) {
                    return false;
                }
            }
            return true;
        }

        /** True when the versions do not all share one span (shown as a difference). */
        public boolean spansDiffer() {
            return versions.stream().anyMatch(v -> v.start != versions.get(0).start || v.end != versions.get(0).end);
        }

        /** True when the versions do not all share one value. */
        public boolean valuesDiffer() {
            return versions.stream().anyMatch(v -> !Objects.equals(v.value, versions.get(0).value));
        }
    }

    /** Overlapping marks as items, in text order (a sweep over the spans sorted by start). */
    public static List<Item> cluster(Collection<Mark> marks) {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingInt(Mark::start).thenComparingInt(Mark::end).thenComparingLong(Mark::layerId)
                .thenComparingLong(Mark::id));
        List<Item> out = new ArrayList<>();
        List<Mark> current = new ArrayList<>();
        int start = 0;
        int end = -1;
        for (Mark m : sorted) {
            if (!current.isEmpty() && m.start >= end) {
                out.add(new Item(start, end, List.copyOf(current)));
                current.clear();
            }
            if (current.isEmpty()) {
                start = m.start;
                end = m.end;
            }
            current.add(m);
            end = Math.max(end, m.end);
        }
        if (!current.isEmpty()) {
            out.add(new Item(start, end, List.copyOf(current)));
        }
        return out;
    }
}
