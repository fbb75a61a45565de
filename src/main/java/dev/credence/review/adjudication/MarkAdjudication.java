package dev.credence.review.adjudication;

import dev.credence.account.User;
import dev.credence.annotation.AnnotationHistory;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.MarkService;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.Mention;
import dev.credence.document.Document;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adjudication of source mentions and cues: the reviewers' marks clustered into items ({@link SpanItems}) beside
 * the claim items of {@link AdjudicationService}, and the gold writes that settle them.
 */
@ApplicationScoped
public class MarkAdjudication {
    @Inject
    AdjudicationService adjudication;
    @Inject
    MarkService layerMarks;
    @Inject
    GoldCopy copies;
    @Inject
    AnnotationHistory history;


    /** Which kind of span a {@link MarkItem} holds. */
    public enum MarkKind { mention, cue }

    /** A cluster of overlapping reviewer mentions (or cues) and the gold marks in it. */
    public record MarkItem(MarkKind kind, SpanItems.Item item, boolean agreed, List<SpanItems.Mark> gold) {
    }

    /** The document's mention items, then its cue items, each in text order. */
    public List<MarkItem> items(Document doc) {
        return adjudication.gold(doc).map(g -> items(doc, g)).orElse(List.of());
    }

    List<MarkItem> items(Document doc, Layer gold) {
        List<Layer> reviewers = adjudication.reviewerLayers(doc);
        List<Long> layerIds = reviewers.stream().map(l -> l.id).toList();
        List<MarkItem> out = new ArrayList<>();
        for (MarkKind kind : MarkKind.values()) {
            List<SpanItems.Mark> marks = new ArrayList<>();
            for (Layer l : reviewers) {
                marks.addAll(marks(kind, l));
            }
            List<SpanItems.Mark> inGold = marks(kind, gold);
            List<SpanItems.Mark> placed = new ArrayList<>();
            List<MarkItem> ofKind = new ArrayList<>();
            for (SpanItems.Item item : SpanItems.cluster(marks)) {
                List<SpanItems.Mark> g = inGold.stream().filter(m -> m.start() < item.end() && item.start() < m.end())
                        .filter(m -> !placed.contains(m)).toList();
                placed.addAll(g);
                ofKind.add(new MarkItem(kind, item, item.agreed(layerIds), g));
            }
            for (SpanItems.Mark g : inGold) {
                if (!placed.contains(g)) {
                    ofKind.add(new MarkItem(kind, new SpanItems.Item(g.start(), g.end(), List.of()), false, List.of(g)));
                }
            }
            ofKind.sort(java.util.Comparator.comparingInt(i -> i.item().start()));
            out.addAll(ofKind);
        }
        return out;
    }

    /**
     * A layer's marks of one kind. Several claims' hops may each have created a mention of the same span and
     * source in one layer: those count once (the first), as one reviewer's one decision.
     */
    private List<SpanItems.Mark> marks(MarkKind kind, Layer l) {
        List<SpanItems.Mark> all = new ArrayList<>();
        if (kind == MarkKind.mention) {
            for (Mention m : layerMarks.mentions(l)) {
                if (!m.orphaned) {
                    all.add(new SpanItems.Mark(m.id, l.id, m.start, m.end, m.exact,
                            m.source == null ? null : String.valueOf(m.source.id),
                            m.source == null ? "no source" : m.source.name));
                }
            }
        } else {
            for (Cue c : layerMarks.cues(l)) {
                if (!c.orphaned) {
                    String cls = c.cueClass;
                    all.add(new SpanItems.Mark(c.id, l.id, c.start, c.end, c.exact, cls,
                            cls == null ? "unclassified" : cls.replace('_', ' ')));
                }
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        return all.stream().filter(m -> seen.add(m.start() + ":" + m.end() + ":" + m.value())).toList();
    }

    /**
     * Copies a reviewer's mention or cue into gold, replacing the gold marks of that kind overlapping it;
     * gold hops that pointed at a replaced mark point at the copy.
     */
    @Transactional
    public Long acceptMark(Document doc, User user, MarkKind kind, Long reviewerMarkId) {
        Layer gold = adjudication.editableGold(doc, user);
        Layer from = kind == MarkKind.mention ? Mention.<Mention>findByIdOptional(reviewerMarkId).map(m -> m.layer)
                .orElse(null) : Cue.<Cue>findByIdOptional(reviewerMarkId).map(c -> c.layer).orElse(null);
        if (reviewerMarkId == null || from == null || from.kind != LayerKind.reviewer
                || !from.document.id.equals(doc.id)) {
            throw new NotFoundException("No reviewer " + kind + " " + reviewerMarkId + " on document " + doc.id);
        }
        return copy(kind, reviewerMarkId, gold, user);
    }

    /** Removes a gold mention or cue; gold hops that pointed at it lose only that link. */
    @Transactional
    public void removeGoldMark(Document doc, User user, MarkKind kind, Long goldMarkId) {
        Layer gold = adjudication.editableGold(doc, user);
        if (kind == MarkKind.mention) {
            Mention m = goldMarkId == null ? null : Mention.findById(goldMarkId);
            if (m == null || !m.layer.id.equals(gold.id)) {
                throw new NotFoundException("No gold mention " + goldMarkId + " on document " + doc.id);
            }
            layerMarks.remove(m, null, user);
        } else {
            Cue c = goldMarkId == null ? null : Cue.findById(goldMarkId);
            if (c == null || !c.layer.id.equals(gold.id)) {
                throw new NotFoundException("No gold cue " + goldMarkId + " on document " + doc.id);
            }
            layerMarks.remove(c, null, user);
        }
    }

    Long copy(MarkKind kind, Long reviewerMarkId, Layer gold, User user) {
        if (kind == MarkKind.mention) {
            Mention from = Mention.findById(reviewerMarkId);
            Mention copy = copies.mention(from, gold, user);
            for (Mention g : Mention.<Mention>list("layer.id = ?1 and start < ?2 and end > ?3 and orphaned = false",
                    gold.id, from.end, from.start)) {
                if (!g.id.equals(copy.id)) {
                    layerMarks.remove(g, copy, user);
                }
            }
            return copy.id;
        }
        Cue from = Cue.findById(reviewerMarkId);
        Cue existing = Cue.<Cue>find("layer.id = ?1 and start = ?2 and end = ?3", gold.id, from.start, from.end)
                .firstResult();
        if (existing != null && existing.cueClass != from.cueClass) {
            var before = AnnotationHistory.snapshot(existing);
            existing.cueClass = from.cueClass; // same span, the other reviewer's class
            history.cueUpdated(user, existing, before);
        }
        Cue copy = copies.cue(from, gold, user);
        for (Cue g : Cue.<Cue>list("layer.id = ?1 and start < ?2 and end > ?3 and orphaned = false", gold.id,
                from.end, from.start)) {
            if (!g.id.equals(copy.id)) {
                layerMarks.remove(g, copy, user);
            }
        }
        return copy.id;
    }
}
