package dev.credence.exchange.importing;

import dev.credence.account.User;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.document.ArticleInput;
import dev.credence.document.ArticleValidator;
import dev.credence.document.Document;
import dev.credence.document.DocumentService;
import dev.credence.document.ImportResult;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    public static final String AS_EXPORTED = "as-exported";

    @Inject
    DocumentService documents;
    @Inject
    LabelSchemaService schemas;
    @Inject
    DraftLayerWriter layers;

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

        DraftLayerWriter.Counts n = new DraftLayerWriter.Counts();
        List<AnnotationImportResult.Duplicate> duplicates = new ArrayList<>();
        Map<String, Source> sourceCache = new HashMap<>();
        int next = 0;
        for (ImportDraft draft : drafts) {
            if (duplicate.containsKey(draft.article())) {
                duplicates.add(new AnnotationImportResult.Duplicate(draft.where(), duplicate.get(draft.article())));
                continue;
            }
            Document doc = stored.imported().get(next++);
            layers.store(doc, draft, owners, user, sourceCache, n);
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
