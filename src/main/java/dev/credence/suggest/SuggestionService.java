package dev.credence.suggest;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationService;
import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimInput;
import dev.credence.annotation.CueClass;
import dev.credence.annotation.HopInput;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.SpanInput;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import dev.credence.nlp.EnglishModels;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceGrade;
import dev.credence.source.SourceType;
import dev.credence.suggest.Suggested.Hop;
import dev.credence.suggest.Suggested.Range;
import dev.credence.web.ConflictException;
import dev.credence.web.JsonConfig;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Suggestions in a reviewer's own layer: made on first use for the document's current revision (from the text, the
 * registry and the project's learned model, if any: never from another reviewer's layer), listed without the ones
 * already marked as claims, accepted (a real claim through {@link AnnotationService#createClaim}, so validation and
 * history are the annotation path's) or rejected.
 */
@ApplicationScoped
public class SuggestionService {
    public static final String RULES = "rules-v1";
    private static final Set<String> UNNAMED = Set.of("experts", "analysts", "researchers", "economists", "traders",
            "monitors", "scientists", "specialists");
    private static final Set<String> OFFICIALS = Set.of("official", "officials", "diplomat", "diplomats", "people",
            "person", "source", "sources", "spokesperson", "spokesman", "spokeswoman");

    @Inject
    EntityManager em;
    @Inject
    EnglishModels models;
    @Inject
    AnnotationService annotations;
    @Inject
    DocumentAccess documents;
    @Inject
    SuggestionTraining training;
    @Inject
    Suggesters suggesters;

    /** Edits a reviewer makes while accepting; every field optional. */
    public record Edits(Integer start, Integer end, Long sourceId, String sourceName, String sourceType, String kind,
            String stance, Integer credibility, Boolean checkWorthy, String reliability) {
        public static final Edits NONE = new Edits(null, null, null, null, null, null, null, null, null, null);
    }

    /** The caller's own layer on the document: suggestions are made and shown only there, never in another's. */
    public Optional<Layer> ownLayer(Document doc, User user) {
        return annotations.findLayer(doc, user);
    }

    /** The caller's open suggestions on the document (404 unless a member); none while the caller has no layer there. */
    public List<Suggestion> open(Long documentId, User user) {
        return ownLayer(documents.require(documentId), user).map(this::open).orElse(List.of());
    }

    /** {@link #refresh(Layer)} of the caller's own layer on the document (404 unless a member); none without a layer. */
    public List<Suggestion> refresh(Long documentId, User user) {
        return ownLayer(documents.require(documentId), user).map(this::refresh).orElse(List.of());
    }

    /** The open suggestions of the layer, made first if the layer has none for the current revision. */
    @Transactional
    public List<Suggestion> open(Layer layer) {
        Layer l = Layer.findById(layer.id);
        Document d = l.document;
        long existing = Suggestion.count("layer = ?1 and documentRevision = ?2", l, d.revision);
        if (existing == 0) {
            generate(l);
        }
        List<Suggestion> open = Suggestion.list("layer = ?1 and documentRevision = ?2 and state = ?3 order by claimStart, id",
                l, d.revision, Suggestion.OPEN);
        List<Claim> claims = Claim.list("layer = ?1 and orphaned = false", l);
        return open.stream().filter(s -> claims.stream().noneMatch(c -> SuggestionQuality
                .overlaps(new Range(c.start, c.end), new Range(s.claimStart, s.claimEnd)))).toList();
    }

    /** Throws away the layer's open suggestions and makes them again (new registry entries, a new model). */
    @Transactional
    public List<Suggestion> refresh(Layer layer) {
        Layer l = Layer.findById(layer.id);
        Suggestion.delete("layer = ?1 and state = ?2", l, Suggestion.OPEN);
        em.flush();
        generate(l);
        return open(l);
    }

    private void generate(Layer l) {
        Document d = l.document;
        AttributionSuggester suggester = suggesters.create();
        Optional<SuggestionModel> learned = SuggestionModel.latest(d.project);
        List<Suggested> found;
        String modelName;
        if (learned.isPresent()) {
            MaxentModel m = SuggestionLearner.read(learned.get().modelData);
            found = SuggestionLearner.rescore(m, suggester.candidates(d.text));
            modelName = learned.get().name;
        } else {
            found = suggester.suggest(d.text);
            modelName = RULES;
        }
        // already decided on this revision: not proposed again
        List<Suggestion> decided = Suggestion.list("layer = ?1 and documentRevision = ?2 and state <> ?3", l,
                d.revision, Suggestion.OPEN);
        dev.credence.annotation.Offsets.CodePointIndex text = dev.credence.annotation.Offsets.CodePointIndex.of(d.text);
        Instant now = Instant.now();
        for (Suggested s : found) {
            if (decided.stream().anyMatch(x -> x.claimStart == s.claim().start() && x.claimEnd == s.claim().end())) {
                continue;
            }
            Suggestion row = new Suggestion();
            row.layer = l;
            row.documentRevision = d.revision;
            row.claimStart = s.claim().start();
            row.claimEnd = s.claim().end();
            row.claimExact = clip(text.slice(s.claim().start(), s.claim().end()), 4000);
            if (s.cue() != null) {
                row.cueStart = s.cue().start();
                row.cueEnd = s.cue().end();
                row.cueExact = clip(text.slice(s.cue().start(), s.cue().end()), 400);
                row.cueClass = s.cueClass();
            }
            if (s.source() != null) {
                row.sourceStart = s.source().start();
                row.sourceEnd = s.source().end();
                row.sourceExact = clip(text.slice(s.source().start(), s.source().end()), 1000);
            }
            row.sourceName = s.sourceName() == null ? null : clip(s.sourceName(), 300);
            row.registrySource = s.registrySourceId() == null ? null : Source.findById(s.registrySourceId());
            row.sourceType = row.registrySource != null ? row.registrySource.type.name() : guessType(s);
            row.hopsJson = json(s.hops());
            row.features = clip(String.join(" ", s.features()), 2000);
            row.score = s.score();
            row.model = modelName;
            row.state = Suggestion.OPEN;
            row.createdAt = now;
            row.persist();
        }
    }

    /** A default type for a source the registry does not know, for the reviewer to confirm. */
    static String guessType(Suggested s) {
        return guessType(s.sourceName());
    }

    static String guessType(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String last = lower.substring(lower.lastIndexOf(' ') + 1);
        if (CueLexicon.DOCUMENT_NOUNS.contains(last)) {
            return SourceType.leaked_document.name();
        }
        if (UNNAMED.contains(last)) {
            return SourceType.unnamed_experts.name();
        }
        if (OFFICIALS.contains(last)) {
            return SourceType.anonymous_official.name();
        }
        return null;
    }

    // ------------------------------------------------------------------ decisions

    /** The suggestion, if it is in the caller's own reviewer layer; 404 otherwise (other layers are not named). */
    public Suggestion require(Long id, User user) {
        Suggestion s = id == null ? null : Suggestion.findById(id);
        if (s == null || s.layer.owner == null || !Objects.equals(s.layer.owner.id, user.id)) {
            throw new NotFoundException("No suggestion " + id);
        }
        documents.require(s.layer.document.id); // and still a member of the document's project
        return s;
    }

    /** Creates the claim (with cue, source mention and chain) the suggestion proposes, with the reviewer's edits. */
    @Transactional
    public Claim accept(Long id, User user, Edits edits) {
        Suggestion s = require(id, user);
        decidable(s);
        Edits e = edits == null ? Edits.NONE : edits;
        List<Hop> hops = hops(s);
        List<HopInput> inputs = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            Hop h = hops.get(i);
            boolean main = h.mention() != null && s.sourceStart != null && h.mention().start() == s.sourceStart
                    && h.mention().end() == s.sourceEnd;
            Long sourceId = h.registrySourceId();
            String name = h.name();
            String type = h.sourceType() != null ? h.sourceType() : main ? s.sourceType : null;
            if (main && (e.sourceId() != null || e.sourceName() != null)) {
                sourceId = e.sourceId();
                name = e.sourceName();
            }
            if (main && e.sourceType() != null) {
                type = e.sourceType();
            }
            if (sourceId == null && type == null && !main) {
                // a hop the rules added: an outlet told or handed a document ("told POLITICO"), a cited originator
                type = guessType(name);
                if (type == null && ("reports".equals(h.relation()) || "leaked_via".equals(h.relation()))) {
                    type = SourceType.independent_media.name();
                }
            }
            if (sourceId == null && type == null && !registryHas(name)) {
                throw new UnprocessableException("attribution[" + i + "].source.type: '" + name
                        + "' is not in the registry yet; choose its type (one of " + List.of(SourceType.values()) + ")");
            }
            inputs.add(new HopInput(sourceId, sourceId == null ? name : null, sourceId == null ? type : null, null,
                    span(h.mention()), null, span(h.cue()), h.relation(),
                    main ? e.reliability() : null));
        }
        int start = e.start() != null ? e.start() : s.claimStart;
        int end = e.end() != null ? e.end() : s.claimEnd;
        Claim c = annotations.createClaim(s.layer.document, user, new ClaimInput(start, end, e.kind(), e.stance(),
                e.checkWorthy(), e.credibility(), null, null, inputs));
        for (AttributionHop h : c.hops) {
            if (h.cue != null && h.cue.cueClass == null) {
                CueClass guessed = cueClass(h.cue.exact, s);
                h.cue.cueClass = guessed == null ? null : guessed.name();
            }
        }
        s.state = Suggestion.ACCEPTED;
        s.claimId = c.id;
        s.decidedAt = Instant.now();
        training.request(s.layer.document.project.id);
        return c;
    }

    @Transactional
    public void reject(Long id, User user) {
        Suggestion s = require(id, user);
        decidable(s);
        s.state = Suggestion.REJECTED;
        s.decidedAt = Instant.now();
        training.request(s.layer.document.project.id);
    }

    private static void decidable(Suggestion s) {
        if (!Suggestion.OPEN.equals(s.state)) {
            throw new ConflictException("suggestion " + s.id + " was already " + s.state);
        }
        if (s.layer.state == LayerState.submitted) {
            throw new ConflictException("layer submitted; reopen it first");
        }
        if (s.documentRevision != s.layer.document.revision) {
            throw new ConflictException("the document's text was corrected since this suggestion was made; reload");
        }
    }

    private boolean registryHas(String name) {
        return name != null && !em.createQuery("select k.id from SourceKey k where k.nameKey = ?1")
                .setParameter(1, dev.credence.source.SourceNames.key(name)).setMaxResults(1).getResultList().isEmpty();
    }

    private static CueClass cueClass(String exact, Suggestion s) {
        String lower = exact.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("citing") || lower.startsWith("according")) {
            return CueClass.citation;
        }
        if (CueLexicon.LEAK_VERBS.contains(lower.split(" ")[0])) {
            return CueClass.leak;
        }
        try {
            return s.cueClass == null ? null : CueClass.valueOf(s.cueClass);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static SpanInput span(Range r) {
        return r == null ? null : new SpanInput(r.start(), r.end());
    }

    // ------------------------------------------------------------------ reading

    public static List<Hop> hops(Suggestion s) {
        try {
            return JsonConfig.MAPPER.readValue(s.hopsJson, new TypeReference<List<Hop>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("suggestion " + s.id + ": unreadable hops", e);
        }
    }

    /** The chain outlet first, as readers say it. */
    public static List<String> chain(Suggestion s) {
        List<Hop> hops = hops(s);
        List<String> out = new ArrayList<>();
        for (int i = hops.size() - 1; i >= 0; i--) {
            out.add(hops.get(i).name());
        }
        return out;
    }

    /** The last reliability grade of the source in this project, or null. */
    public static String lastGrade(Source source, Project project) {
        if (source == null) {
            return null;
        }
        return SourceGrade.<SourceGrade>find("source = ?1 and project = ?2 order by gradedAt desc, id desc", source, project)
                .firstResultOptional().map(g -> g.grade).orElse(null);
    }

    private static String json(List<Hop> hops) {
        try {
            return JsonConfig.MAPPER.writeValueAsString(hops);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, s.offsetByCodePoints(0, Math.min(max - 1, s.codePointCount(0, s.length()) - 1)));
    }
}
