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
import dev.credence.document.ArticleInput;
import dev.credence.document.ArticleValidator;
import dev.credence.document.Document;
import dev.credence.document.DocumentService;
import dev.credence.document.ImportResult;
import dev.credence.project.Membership;
import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceNames;
import dev.credence.source.SourceService;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports an annotation file (native JSONL, doccano, Label Studio) as documents plus layers: the
 * whole file in one transaction, so any error leaves nothing stored. Documents go through
 * {@link DocumentService#importAll} like every other article import (same normalization, checks and
 * duplicate rule); a record whose text the project already holds is reported and its annotations are
 * not imported.
 */
@ApplicationScoped
public class AnnotationImportService {
    private static final int MAX_SHORT_SPAN = 4000;
    private static final int MAX_RATIONALE = 4000;
    public static final String AS_EXPORTED = "as-exported";

    @Inject
    DocumentService documents;
    @Inject
    LabelSchemaService schemas;
    @Inject
    SourceService sources;
    @Inject
    dev.credence.annotation.AnnotationHistory annotationHistory;
    @Inject
    dev.credence.history.HistoryService history;

    /** Where the annotations go: the file's own owners (native only), one member's layer, or gold. */
    public record Target(String username, boolean gold, boolean asExported) {
        /**
         * {@code layer=} as given: {@code gold}, {@code as-exported} (native JSONL's default) or a username.
         * Label Studio and doccano files name no reviewer, so they need one.
         */
        public static Target parse(String layer, AnnotationImportFormat format) {
            String l = layer == null ? "" : layer.strip();
            if (l.isEmpty()) {
                if (format == AnnotationImportFormat.jsonl) {
                    return new Target(null, false, true);
                }
                throw new UnprocessableException("layer: required for " + format + ": the username of the project "
                        + "member whose layer receives the annotations, or gold");
            }
            if (l.equalsIgnoreCase("gold")) {
                return new Target(null, true, false);
            }
            if (l.equalsIgnoreCase(AS_EXPORTED)) {
                if (format != AnnotationImportFormat.jsonl) {
                    throw new UnprocessableException("layer: as-exported is for native JSONL, whose layers name "
                            + "their owners; give a username or gold");
                }
                return new Target(null, false, true);
            }
            return new Target(l, false, false);
        }
    }

    /** What the file holds, before anything is stored: for the preview page and the preview API. */
    public record Preview(AnnotationImportFormat format, int documents, int duplicates, int regions, int links,
            LabelMapping.Census census, Map<String, String> proposed, List<String> unmapped, int predictions,
            List<String> notes, LabelSchema schema) {
    }

    /** Reads and checks the file, proposes a mapping; stores nothing. Errors as for {@link #importFile}. */
    public Preview preview(Project project, AnnotationImportFormat format, byte[] content, String file,
            LabelMapping mapping) {
        if (!format.mapped) {
            List<ImportDraft> drafts = NativeJsonlReader.read(content, file);
            int spans = drafts.stream().flatMap(d -> d.layers().stream())
                    .mapToInt(l -> l.claims().size() + l.mentions().size() + l.cues().size()).sum();
            int hops = drafts.stream().flatMap(d -> d.layers().stream()).flatMap(l -> l.claims().stream())
                    .mapToInt(c -> c.hops().size()).sum();
            return new Preview(format, drafts.size(), duplicates(project, drafts.stream().map(ImportDraft::article)
                    .toList()), spans, hops, new LabelMapping.Census(Map.of(), Map.of(), Map.of()), Map.of(), List.of(),
                    0, List.of(), schemas.of(project));
        }
        List<LabeledTask> tasks = read(format, content, file);
        mapping = mapping.against(schemas.of(project));
        LabelMapping.Census census = LabelMapping.Census.of(tasks);
        Map<String, String> proposed = new LinkedHashMap<>();
        propose(census.spans().keySet(), LabelMapping.Use.span, mapping, proposed);
        propose(census.choices().keySet(), LabelMapping.Use.choice, mapping, proposed);
        propose(census.relations().keySet(), LabelMapping.Use.relation, mapping, proposed);
        return new Preview(format, tasks.size(), duplicates(project, tasks.stream().map(LabeledTask::article).toList()),
                tasks.stream().mapToInt(t -> t.regions().size()).sum(),
                tasks.stream().mapToInt(t -> t.links().size()).sum(), census, proposed, mapping.unmapped(census),
                (int) tasks.stream().filter(LabeledTask::predictions).count(),
                tasks.stream().flatMap(t -> t.notes().stream()).toList(), mapping.schema());
    }

    private static void propose(Set<String> labels, LabelMapping.Use use, LabelMapping mapping,
            Map<String, String> out) {
        for (String label : labels) {
            LabelTarget t = mapping.targetOf(label, use);
            out.put(use + "\u0000" + label, LabelMapping.fits(t, use) ? t.toString() : null);
        }
    }

    /**
     * Stores the file's documents and annotations, all or nothing.
     *
     * @param state the layers' state; null: submitted for annotations, in progress for Label Studio
     *              predictions (pre-annotations the reviewer checks, corrects and submits). Native JSONL keeps
     *              the file's states unless this is given.
     */
    @Transactional
    public AnnotationImportResult importFile(Project project, User user, AnnotationImportFormat format, byte[] content,
            String file, Target target, LabelMapping mapping, LayerState state) {
        List<ImportDraft> drafts;
        List<String> notes = new ArrayList<>();
        if (format.mapped) {
            List<LabeledTask> tasks = read(format, content, file);
            mapping = mapping.against(schemas.of(project));
            mapping.requireComplete(LabelMapping.Census.of(tasks));
            drafts = new ArrayList<>();
            for (LabeledTask t : tasks) {
                notes.addAll(t.notes());
                LayerState s = state != null ? state : t.predictions() ? LayerState.in_progress : LayerState.submitted;
                List<ImportDraft.Layer> layers = t.regions().isEmpty() && t.links().isEmpty() ? List.of()
                        : List.of(mapping.toLayer(t, target.username(), target.gold(), s));
                drafts.add(new ImportDraft(t.article(), t.where(), layers));
            }
        } else {
            drafts = retarget(NativeJsonlReader.read(content, file), target, state);
        }
        Map<String, User> owners = owners(project, drafts);
        // Every article is checked (and its text normalized) before the first write; then the documents.
        List<ArticleInput> articles = drafts.stream().map(ImportDraft::article).toList();
        articles.forEach(ArticleValidator::toDocument);
        ImportResult stored = documents.importAll(project, user, articles);
        IdentityHashMap<ArticleInput, Long> duplicate = new IdentityHashMap<>();
        stored.duplicates().forEach(d -> duplicate.put(d.input(), d.existingId()));

        Counter n = new Counter();
        List<AnnotationImportResult.Duplicate> duplicates = new ArrayList<>();
        Map<String, Source> sourceCache = new HashMap<>();
        int next = 0;
        for (ImportDraft draft : drafts) {
            if (duplicate.containsKey(draft.article())) {
                duplicates.add(new AnnotationImportResult.Duplicate(draft.where(), duplicate.get(draft.article())));
                continue;
            }
            Document doc = stored.imported().get(next++);
            store(doc, draft, owners, user, sourceCache, n);
        }
        return new AnnotationImportResult(format.name(), stored.imported().stream().map(d -> d.id).toList(),
                duplicates, n.layers, n.claims, n.mentions, n.cues, n.hops, notes);
    }

    private static List<LabeledTask> read(AnnotationImportFormat format, byte[] content, String file) {
        return format == AnnotationImportFormat.doccano ? DoccanoReader.read(content, file)
                : LabelStudioReader.read(content, file);
    }

    /** Native layers go to their own owners, or all to one target (then a document may have one layer only). */
    private static List<ImportDraft> retarget(List<ImportDraft> drafts, Target target, LayerState state) {
        List<ImportDraft> out = new ArrayList<>();
        for (ImportDraft d : drafts) {
            if (!target.asExported() && d.layers().size() > 1) {
                throw new UnprocessableException(d.where() + ": layers: " + d.layers().size() + " layers cannot all go "
                        + "into one layer (layer=" + (target.gold() ? "gold" : target.username())
                        + "); import with layer=as-exported");
            }
            List<ImportDraft.Layer> layers = new ArrayList<>();
            for (ImportDraft.Layer l : d.layers()) {
                String owner = target.asExported() ? l.owner() : target.username();
                boolean gold = target.asExported() ? l.gold() : target.gold();
                layers.add(new ImportDraft.Layer(gold ? null : owner, gold, state != null ? state : l.state(),
                        l.claims(), l.mentions(), l.cues()));
            }
            out.add(new ImportDraft(d.article(), d.where(), layers));
        }
        return out;
    }

    /** Each named owner must be a member of the project; a document has at most one layer per owner and one gold. */
    private static Map<String, User> owners(Project project, List<ImportDraft> drafts) {
        Map<String, User> owners = new HashMap<>();
        Project p = Project.findById(project.id);
        for (ImportDraft d : drafts) {
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < d.layers().size(); i++) {
                ImportDraft.Layer l = d.layers().get(i);
                String key = l.gold() ? "\u0000gold" : l.owner();
                if (!seen.add(key)) {
                    throw new UnprocessableException(d.where() + ": layers[" + i + "]: a second "
                            + (l.gold() ? "gold layer" : "layer of " + l.owner()) + " on one document");
                }
                if (l.gold() || owners.containsKey(l.owner())) {
                    continue;
                }
                User u = User.find("username", l.owner()).firstResult();
                if (u == null || Membership.of(p, u).isEmpty()) {
                    throw new UnprocessableException(d.where() + ": layers[" + i + "].owner: '" + l.owner()
                            + "' is not a member of this project; add them first");
                }
                owners.put(l.owner(), u);
            }
        }
        return owners;
    }

    private static final class Counter {
        int layers;
        int claims;
        int mentions;
        int cues;
        int hops;
    }

    private void store(Document doc, ImportDraft draft, Map<String, User> owners, User user,
            Map<String, Source> sourceCache, Counter n) {
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
                e.evidenceUrl = httpUrl(c.evidenceUrl(), c.where());
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

    private static String httpUrl(String url, String where) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && u.length() <= 2000) {
                return u;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new UnprocessableException(at(where) + "evidenceUrl: '" + u + "' is not an http(s) URL");
    }

    /** "file line 3: claims[0]." stays; "file task 2: annotations[0].result[1]" gets ": " before the field. */
    private static String at(String where) {
        return where.endsWith(".") ? where : where + ": ";
    }

    private static int duplicates(Project project, List<ArticleInput> articles) {
        List<String> hashes = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        int within = 0;
        for (ArticleInput a : articles) {
            String h = ArticleValidator.toDocument(a).textSha256;
            if (!seen.add(h)) {
                within++;
            } else {
                hashes.add(h);
            }
        }
        long existing = 0;
        for (int from = 0; from < hashes.size(); from += 500) {
            existing += Document.count("project.id = ?1 and textSha256 in ?2", project.id,
                    hashes.subList(from, Math.min(hashes.size(), from + 500)));
        }
        return (int) existing + within;
    }
}
