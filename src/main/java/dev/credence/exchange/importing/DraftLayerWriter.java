package dev.credence.exchange.importing;

import dev.credence.account.User;
import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Mention;
import dev.credence.annotation.Offsets;
import dev.credence.annotation.Span;
import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.document.Document;
import dev.credence.source.Source;
import dev.credence.source.SourceNames;
import dev.credence.source.SourceService;
import dev.credence.web.HttpUrls;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the layers of one imported document's draft: spans mapped onto the stored (normalized) text, every value
 * checked against the project's label schema, hop sources found or created in the registry, each write recorded in
 * the history. Runs in the import's transaction, so a refused value leaves nothing stored.
 */
@ApplicationScoped
class DraftLayerWriter {
    private static final int MAX_SHORT_SPAN = 4000;
    private static final int MAX_RATIONALE = 4000;

    @Inject
    LabelSchemaService schemas;

    @Inject
    SourceService sources;

    @Inject
    dev.credence.annotation.AnnotationHistory annotationHistory;

    @Inject
    dev.credence.history.HistoryService history;
    /** What one import stored, counted for its result. */
    static final class Counts {
        int layers;
        int claims;
        int mentions;
        int cues;
        int hops;
    }

    void store(Document doc, ImportDraft draft, Map<String, User> owners, User user,
            Map<String, Source> sourceCache, Counts n) {
        if (draft.layers().isEmpty()) {
            return;
        }
        OffsetMap map = OffsetMap.of(draft.article().text(), doc.text, offsets(draft), draft.where());
        Offsets.CodePointIndex text = Offsets.CodePointIndex.of(doc.text);
        Instant now = Instant.now();
        // Every value must be one of this project's schema (docs/label-schema.md); others are refused with
        // their file, line and field, and the transaction stores nothing.
        LabelSchema schema = schemas.of(doc.project);
        for (ImportDraft.Layer l : draft.layers()) {
            Layer layer = new Layer();
            layer.document = doc;
            layer.owner = l.gold() ? null : owners.get(l.owner());
            layer.kind = l.gold() ? LayerKind.gold : LayerKind.reviewer;
            layer.state = l.state() == null ? LayerState.submitted : l.state();
            layer.updatedAt = now;
            layer.persist();
            // Recorded like a reviewer's writes, in this transaction: a refused file leaves no entry either.
            history.record(user, doc.project.id, doc.id, dev.credence.history.HistoryService.LAYER, layer.id,
                    dev.credence.history.ChangeAction.create, null, layerSnapshot(layer));
            n.layers++;
            Map<String, Mention> mentions = new HashMap<>();
            List<Mention> createdMentions = new ArrayList<>();
            for (ImportDraft.Mention m : l.mentions()) {
                Mention e = new Mention();
                e.layer = layer;
                span(e, text, map, m.start(), m.end(), m.where(), true);
                e.source = m.source() == null ? null : source(m.source(), null, m.where(), schema, user, sourceCache);
                e.createdAt = now;
                e.persist();
                mentions.put(m.key(), e);
                createdMentions.add(e);
                n.mentions++;
            }
            Map<String, Cue> cues = new HashMap<>();
            List<Cue> createdCues = new ArrayList<>();
            for (ImportDraft.Cue c : l.cues()) {
                Cue e = new Cue();
                e.layer = layer;
                span(e, text, map, c.start(), c.end(), c.where(), true);
                e.cueClass = schema.require(LabelField.cueClass, at(c.where()) + "cueClass",
                        c.cueClass());
                e.createdAt = now;
                e.persist();
                cues.put(c.key(), e);
                createdCues.add(e);
                n.cues++;
            }
            for (ImportDraft.Claim c : l.claims()) {
                Claim e = new Claim();
                e.layer = layer;
                span(e, text, map, c.start(), c.end(), c.where(), false);
                e.kind = schema.require(LabelField.kind, at(c.where()) + "kind", c.kind());
                e.stance = schema.require(LabelField.stance, at(c.where()) + "stance",
                        c.stance());
                e.checkWorthy = c.checkWorthy();
                e.credibility = c.credibility();
                e.rationale = c.rationale() == null || c.rationale().isBlank() ? null : c.rationale().strip();
                if (e.rationale != null && e.rationale.length() > MAX_RATIONALE) {
                    throw new UnprocessableException(at(c.where()) + "rationale: at most " + MAX_RATIONALE + " characters");
                }
                e.evidenceUrl = HttpUrls.require(c.evidenceUrl(), at(c.where()) + "evidenceUrl");
                e.createdAt = now;
                e.updatedAt = now;
                e.persist();
                n.claims++;
                if (c.hops().size() > dev.credence.annotation.AnnotationService.MAX_HOPS) {
                    throw new UnprocessableException(at(c.where()) + "attribution: at most "
                            + dev.credence.annotation.AnnotationService.MAX_HOPS + " hops");
                }
                for (int i = 0; i < c.hops().size(); i++) {
                    ImportDraft.Hop h = c.hops().get(i);
                    AttributionHop hop = new AttributionHop();
                    hop.claim = e;
                    hop.position = i;
                    hop.relation = h.relation() != null
                            ? schema.require(LabelField.relation, at(h.where()) + "relation", h.relation())
                            : i == 0 ? schema.first(LabelField.relation) : schema.second(LabelField.relation);
                    hop.reliability = h.reliability();
                    hop.mention = h.mentionKey() == null ? null : mentions.get(h.mentionKey());
                    hop.cue = h.cueKey() == null ? null : cues.get(h.cueKey());
                    hop.source = source(h.source(), h.where(), h.where(), schema, user, sourceCache);
                    if (hop.mention != null && hop.mention.source == null) {
                        hop.mention.source = hop.source;
                    }
                    hop.persist();
                    e.hops.add(hop);
                    n.hops++;
                }
                annotationHistory.claim(user, e, dev.credence.history.ChangeAction.create, null,
                        dev.credence.annotation.AnnotationHistory.snapshot(e));
            }
            // Mentions and cues last: a hop may have given a mention its source.
            for (Mention e : createdMentions) {
                annotationHistory.mention(user, e, dev.credence.history.ChangeAction.create);
            }
            for (Cue e : createdCues) {
                annotationHistory.cue(user, e, dev.credence.history.ChangeAction.create);
            }
        }
    }

    /** What a layer's creation records: its kind, owner and state (docs/history.md). */
    static Map<String, Object> layerSnapshot(Layer layer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", layer.kind.name());
        m.put("owner", layer.owner == null ? null : layer.owner.username);
        m.put("state", layer.state.name());
        return m;
    }

    /** Every start and end the draft uses, for the offset map. */
    private static int[] offsets(ImportDraft d) {
        List<Integer> all = new ArrayList<>();
        for (ImportDraft.Layer l : d.layers()) {
            l.claims().forEach(c -> {
                all.add(c.start());
                all.add(c.end());
            });
            l.mentions().forEach(m -> {
                all.add(m.start());
                all.add(m.end());
            });
            l.cues().forEach(c -> {
                all.add(c.start());
                all.add(c.end());
            });
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void span(Span s, Offsets.CodePointIndex text, OffsetMap map, int rawStart, int rawEnd,
            String where, boolean short_) {
        int start = map.map(rawStart);
        int end = map.map(rawEnd);
        if (start >= end) {
            throw new UnprocessableException(at(where) + "the span " + rawStart + ".." + rawEnd
                    + " is only white space at the end of the text, which is not stored");
        }
        Offsets.Context ctx = text.context(start, end);
        s.start = start;
        s.end = end;
        s.exact = ctx.exact();
        s.prefix = ctx.prefix();
        s.suffix = ctx.suffix();
        if (short_ && s.exact.length() > MAX_SHORT_SPAN) {
            throw new UnprocessableException(at(where) + "a source mention or cue is at most " + MAX_SHORT_SPAN
                    + " characters");
        }
    }

    /**
     * The registry source of that name (or alias); created when absent and the file gives its type.
     * {@code hopWhere} null: a mention's source, which may stay unlinked when it cannot be created.
     */
    private Source source(ImportDraft.Source s, String hopWhere, String where, LabelSchema schema, User user,
            Map<String, Source> cache) {
        String key = SourceNames.key(s.name());
        if (cache.containsKey(key)) {
            return cache.get(key);
        }
        Source found = sources.findByNameOrAlias(s.name()).orElse(null);
        if (found == null && s.type() != null) {
            if (!schema.has(LabelField.sourceType, s.type().name())) {
                throw new UnprocessableException(at(where) + "source.type: '" + s.type().name() + "' (of new source '"
                        + s.name() + "') is not one of this project's source types " + schema.names(LabelField.sourceType));
            }
            try {
                found = sources.findOrCreate(s.name(), s.type().name(), user);
            } catch (UnprocessableException e) {
                throw new UnprocessableException((hopWhere == null ? "" : at(hopWhere)) + e.getMessage());
            }
            if (s.country() != null && found.country == null) {
                found.country = s.country();
            }
        }
        if (found == null && hopWhere != null) {
            throw new UnprocessableException(at(hopWhere) + "source '" + s.name() + "' is not in the registry and its "
                    + "type is not known; map its label to mention:<source type>, or add the source first");
        }
        if (found != null) {
            cache.put(key, found);
        }
        return found;
    }


    /** "file line 3: claims[0]." stays; "file task 2: annotations[0].result[1]" gets ": " before the field. */
    static String at(String where) {
        return where.endsWith(".") ? where : where + ": ";
    }
}
