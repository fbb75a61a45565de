package dev.credence.review.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Aligns the claims of several layers of one document into <em>items</em>: clusters of claims whose spans
 * overlap (transitively). An item is <em>agreed</em> when every reviewer layer holds exactly one claim in it,
 * all with matching spans (Jaccard ≥ 0.5 with the first layer's span, {@link SpanMatcher}) and the same kind,
 * stance, credibility and
 * attribution chain (same sources in the same order, same relations, same reliability grades).
 *
 * <p>Pure values, no database: the adjudication service, its page and the export's per-item agreement all
 * use it.
 */
public final class ClaimAlignment {
    private ClaimAlignment() {
    }

    /** One hop as compared: the source by id, the relation and the reliability grade (null = not graded). */
    public record HopKey(long sourceId, String relation, String reliability) {
    }

    /** One claim as compared. {@code layerId} tells whose version it is. */
    public record Version(long claimId, long layerId, int start, int end, String kind, String stance,
            Integer credibility, List<HopKey> hops) {
        boolean sameSpan(Version o) {
            return start == o.start && end == o.end;
        }
    }

    /** The fields the side-by-side view compares. */
    public enum Field { span, kind, stance, credibility, attribution }

    /** Claims whose spans overlap, in text order; {@code start}/{@code end} cover all of them. */
    public record Cluster(int start, int end, List<Version> versions) {
        /** The versions of one layer (usually zero or one). */
        public List<Version> of(long layerId) {
            return versions.stream().filter(v -> v.layerId == layerId).toList();
        }

        /** How many of the given layers hold at least one claim in this item. */
        public int matched(Collection<Long> layerIds) {
            int n = 0;
            for (Long id : layerIds) {
                if (!of(id).isEmpty()) {
                    n++;
                }
            }
            return n;
        }

        /** Agreed: each layer holds exactly one claim here, spans match (Jaccard ≥ 0.5), all other fields equal. */
        public boolean agreed(Collection<Long> layerIds) {
            if (layerIds.isEmpty()) {
                return false;
            }
            Version first = null;
            for (Long id : layerIds) {
                List<Version> mine = of(id);
                if (mine.size() != 1) {
                    return false;
                }
                if (first == null) {
                    first = mine.get(0);
                } else {
                    Version other = mine.get(0);
                    Set<Field> differs = differences(List.of(first, other));
                    differs.remove(Field.span);
                    if (!differs.isEmpty() || SpanMatcher.jaccard(new SpanMatcher.Range(first.start, first.end),
                            new SpanMatcher.Range(other.start, other.end)) < SpanMatcher.OVERLAP_THRESHOLD) {
                        return false;
                    }
                }
            }
            return versions.size() == layerIds.size();
        }
    }

    /** The fields on which the versions do not all agree (empty for one version or none). */
    public static Set<Field> differences(List<Version> versions) {
        Set<Field> out = new LinkedHashSet<>();
        for (int i = 1; i < versions.size(); i++) {
            Version a = versions.get(0);
            Version b = versions.get(i);
            if (!a.sameSpan(b)) {
                out.add(Field.span);
            }
            if (!Objects.equals(a.kind, b.kind)) {
                out.add(Field.kind);
            }
            if (!Objects.equals(a.stance, b.stance)) {
                out.add(Field.stance);
            }
            if (!Objects.equals(a.credibility, b.credibility)) {
                out.add(Field.credibility);
            }
            if (!Objects.equals(a.hops, b.hops)) {
                out.add(Field.attribution);
            }
        }
        return out;
    }

    /** Overlapping claims as items, in text order (a sweep over the spans sorted by start). */
    public static List<Cluster> cluster(Collection<Version> claims) {
        List<Version> sorted = new ArrayList<>(claims);
        sorted.sort(Comparator.comparingInt(Version::start).thenComparingInt(Version::end)
                .thenComparingLong(Version::layerId).thenComparingLong(Version::claimId));
        List<Cluster> out = new ArrayList<>();
        List<Version> current = new ArrayList<>();
        int start = 0;
        int end = -1;
        for (Version v : sorted) {
            if (!current.isEmpty() && v.start >= end) {
                out.add(new Cluster(start, end, List.copyOf(current)));
                current.clear();
            }
            if (current.isEmpty()) {
                start = v.start;
                end = v.end;
            }
            current.add(v);
            end = Math.max(end, v.end);
        }
        if (!current.isEmpty()) {
            out.add(new Cluster(start, end, List.copyOf(current)));
        }
        return out;
    }
}
