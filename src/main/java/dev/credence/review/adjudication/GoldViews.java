package dev.credence.review.adjudication;

import dev.credence.annotation.Layer;
import dev.credence.review.matching.ClaimAlignment;
import java.util.List;

/**
 * JSON shapes of the adjudication API. The routes ({@code /api/v1/documents/{id}/gold}) live in ClaimApi:
 * RESTEasy Reactive matches the longest class path first, and a second resource class under
 * {@code /api/v1/documents} hid ClaimApi's {@code documents/{id}/claims} routes.
 */
public final class GoldViews {
    private GoldViews() {
    }

    public record StartView(Long layerId, String state, int merged, int disagreements) {
        public static StartView of(Layer gold, int merged, int disagreements) {
            return new StartView(gold.id, gold.state.name(), merged, disagreements);
        }
    }

    public record ItemView(int index, int start, int end, boolean agreed, List<Long> reviewerClaims,
            List<Long> goldClaims, List<String> differs) {
    }

    /** A mention or cue item: {@code kind} mention|cue, the reviewers' marks and the gold ones in it. */
    public record MarkView(String kind, int start, int end, boolean agreed, List<Long> reviewerMarks,
            List<Long> goldMarks) {
    }

    /** {@code open}: items of every kind with nothing in gold (finishing then needs confirm=true). */
    public record GoldView(Long layerId, String state, List<ItemView> items, List<MarkView> marks, long open) {
        public static GoldView of(Layer gold, List<AdjudicationService.Item> items,
                List<MarkAdjudication.MarkItem> marks) {
            List<MarkView> markViews = marks.stream().map(m -> new MarkView(m.kind().name(), m.item().start(),
                    m.item().end(), m.agreed(), m.item().versions().stream().map(SpanItems.Mark::id).toList(),
                    m.gold().stream().map(SpanItems.Mark::id).toList())).toList();
            long open = items.stream().filter(i -> i.gold().isEmpty()).count()
                    + marks.stream().filter(m -> m.gold().isEmpty()).count();
            return new GoldView(gold.id, gold.state.name(), items.stream().map(i -> new ItemView(i.index(),
                    i.cluster().start(), i.cluster().end(), i.agreed(),
                    i.cluster().versions().stream().map(ClaimAlignment.Version::claimId).toList(),
                    i.gold().stream().map(c -> c.id).toList(), i.differs().stream().map(Enum::name).toList()))
                    .toList(), markViews, open);
        }
    }
}
