package dev.credence.exchange.backup;

import dev.credence.account.User;
import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimComment;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Mention;
import dev.credence.annotation.Span;
import dev.credence.document.Document;
import dev.credence.document.DocumentRevision;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.project.ProjectRole;
import dev.credence.source.Source;
import dev.credence.source.SourceGrade;
import dev.credence.source.SourceInput;
import dev.credence.source.SourceService;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ClientErrorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One restore of a verified archive as a new project, inside the caller's transaction: entries in
 * BackupFormat.ENTRIES order, every archived id mapped to the id the row gets here (the maps are all it keeps;
 * the persistence context is cleared every {@link #CLEAR_EVERY} rows). Any problem throws, and the caller's
 * transaction rolls everything back.
 */
final class ProjectRestore {
    static final int CLEAR_EVERY = 500;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final SourceService registry;
    private final BackupArchive archive;
    private final User caller;

    private final Map<String, Long> users = new HashMap<>();
    private final Map<Long, Long> sources = new HashMap<>();
    private final Map<Long, Long> grades = new HashMap<>();
    private final Map<Long, Long> documents = new HashMap<>();
    /** Archived document id → its text's length in code points, to check span offsets without holding texts. */
    private final Map<Long, Integer> documentLength = new HashMap<>();
    private final Map<Long, Long> layers = new HashMap<>();
    private final Map<Long, Long> layerDocument = new HashMap<>();
    private final Map<Long, Long> mentions = new HashMap<>();
    private final Map<Long, Long> cues = new HashMap<>();
    private final Map<Long, Long> claims = new HashMap<>();
    private final Map<Long, Long> links = new HashMap<>();
    private final Map<Long, Long> comments = new HashMap<>();
    private long projectId;
    private long archivedProjectId;
    private long rows;

    final List<String> usersCreated = new ArrayList<>();
    final List<String> usersFound = new ArrayList<>();
    int sourcesCreated;
    int sourcesMerged;
    final List<String> warnings = new ArrayList<>();
    String projectName;

    ProjectRestore(EntityManager em, SourceService registry, BackupArchive archive, User caller) {
        this.em = em;
        this.registry = registry;
        this.archive = archive;
        this.caller = caller;
    }

    /** Restores every entry; returns the new project's id. */
    long run() {
        each(BackupFormat.USERS, this::user);
        each(BackupFormat.PROJECT, this::project);
        if (projectId == 0) {
            throw new BackupException(BackupFormat.PROJECT + ": no project row");
        }
        each(BackupFormat.MEMBERS, this::member);
        ensureCallerManages();
        each(BackupFormat.LABEL_SCHEMA, this::labelValue);
        Map<Long, Long> parents = new HashMap<>();
        each(BackupFormat.SOURCES, row -> source(row, parents));
        parents.forEach((child, parent) -> {
            Long target = sources.get(parent);
            if (target == null || !registry.adoptParent(em.find(Source.class, sources.get(child)),
                    em.find(Source.class, target))) {
                warnings.add("source #" + child + ": parent #" + parent + " not set");
            }
        });
        each(BackupFormat.SOURCE_GRADES, this::grade);
        each(BackupFormat.DOCUMENTS, this::document);
        each(BackupFormat.DOCUMENT_REVISIONS, this::revision);
        each(BackupFormat.LAYERS, this::layer);
        each(BackupFormat.MENTIONS, this::mention);
        each(BackupFormat.CUES, this::cue);
        each(BackupFormat.CLAIMS, this::claim);
        each(BackupFormat.HOPS, this::hop);
        each(BackupFormat.COMMENTS, this::comment);
        each(BackupFormat.CLAIM_LINKS, this::claimLink);
        each(BackupFormat.SUGGESTIONS, this::suggestion);
        each(BackupFormat.SUGGESTION_MODELS, this::suggestionModel);
        HistoryRemap history = new HistoryRemap(projectId, users, documents, Map.of("claim", claims, "mention", mentions,
                "cue", cues, "layer", layers, "source", sources, "source_grade", grades, "claim_link", links,
                "document", documents, dev.credence.annotation.schema.LabelSchemaService.HISTORY_TYPE,
                Map.of(archivedProjectId, projectId)));
        each(BackupFormat.HISTORY, row -> history.restore(row).persist());
        em.flush();
        return projectId;
    }

    private void each(String entry, Consumer<BackupRow> restore) {
        try {
            archive.rows(entry, row -> {
                try {
                    restore.accept(row);
                } catch (BackupException e) {
                    throw e;
                } catch (ClientErrorException e) {
                    throw row.error(null, e.getMessage());
                }
                if (++rows % CLEAR_EVERY == 0) {
                    em.flush();
                    em.clear();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- users, project, members

    /** Users are matched by username; a missing one is created with role user and a password nobody knows. */
    private void user(BackupRow row) {
        String username = row.text("username");
        if (!USERNAME.matcher(username).matches()) {
            throw row.error("username", "2–64 letters, digits, '.', '_' or '-'");
        }
        var existing = User.findByUsername(username);
        if (existing.isPresent()) {
            users.put(username, existing.get().id);
            usersFound.add(username);
            return;
        }
        User u = new User();
        u.username = username;
        u.displayName = row.text("displayName");
        if (u.displayName.isBlank() || u.displayName.length() > 200) {
            throw row.error("displayName", "1–200 characters");
        }
        u.role = User.USER; // never admin: an archive does not grant instance rights
        u.createdAt = row.instant("createdAt");
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        u.passwordHash = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(secret));
        u.persist();
        users.put(username, u.id);
        usersCreated.add(username);
    }

    private User userRef(BackupRow row, String field, boolean required) {
        String username = required ? row.text(field) : row.optText(field);
        if (username == null) {
            return null;
        }
        Long id = users.get(username);
        if (id == null) {
            throw row.error(field, "'" + username + "' is not in " + BackupFormat.USERS);
        }
        return em.getReference(User.class, id);
    }

    private void project(BackupRow row) {
        if (projectId != 0) {
            throw row.error(null, "a backup holds one project");
        }
        Project p = new Project();
        p.name = freeName(row.text("name"));
        p.description = row.optText("description");
        p.guidelines = row.optText("guidelines");
        p.reviewersPerDocument = row.integer("reviewersPerDocument");
        if (p.reviewersPerDocument < 1 || p.reviewersPerDocument > 10) {
            throw row.error("reviewersPerDocument", "1–10");
        }
        p.createdBy = userRef(row, "createdBy", false);
        p.createdAt = row.instant("createdAt");
        p.version = row.id("version");
        p.persist();
        projectId = p.id;
        archivedProjectId = row.id("id");
        projectName = p.name;
    }

    /** The archived name, or "name (restored)", "name (restored 2)", … when a project already has it. */
    static String freeName(String name) {
        String base = name.strip();
        String candidate = base;
        for (int n = 1; Project.count("name", candidate) > 0; n++) {
            String suffix = n == 1 ? " (restored)" : " (restored " + n + ")";
            candidate = (base.length() + suffix.length() > 200 ? base.substring(0, 200 - suffix.length()) : base) + suffix;
        }
        return candidate;
    }

    private Project project() {
        return em.getReference(Project.class, projectId);
    }

    private void member(BackupRow row) {
        Membership m = new Membership();
        m.project = project();
        m.user = userRef(row, "username", true);
        m.role = row.enumeration("role", ProjectRole.class);
        m.persist();
    }

    /** The admin who restores manages the project: restored users may have no password yet. */
    private void ensureCallerManages() {
        em.flush();
        Project p = em.find(Project.class, projectId);
        User me = em.find(User.class, caller.id);
        Membership m = Membership.of(p, me).orElse(null);
        if (m == null) {
            m = new Membership();
            m.project = p;
            m.user = me;
            m.role = ProjectRole.manager;
            m.persist();
            warnings.add(caller.username + " (who restored it) added as manager");
        } else if (m.role != ProjectRole.manager) {
            warnings.add(caller.username + " kept the archived role " + m.role);
        }
    }

    // ---- registry

    private void source(BackupRow row, Map<Long, Long> parents) {
        long id = row.id("id");
        SourceService.Adopted adopted = registry.adopt(new SourceInput(row.text("name"), row.text("type"),
                row.optText("country"), null, null, row.optText("url"), row.optText("sameAs"), row.optText("description"),
                row.texts("aliases")), row.instant("createdAt"), optionalUser(row.optText("createdBy")));
        sources.put(id, adopted.source().id);
        if (adopted.created()) {
            sourcesCreated++;
            Long parent = row.optId("parentId");
            if (parent != null) {
                parents.put(id, parent);
            }
            adopted.droppedAliases().forEach(a -> warnings.add("source '" + adopted.source().name + "': alias '" + a
                    + "' already names another source"));
        } else {
            sourcesMerged++;
        }
    }

    /** A creator that is not a restored user is not an error: registry entries outlive their creators. */
    private User optionalUser(String username) {
        Long id = username == null ? null : users.get(username);
        return id == null ? null : em.getReference(User.class, id);
    }

    private Source sourceRef(BackupRow row, String field, boolean required) {
        Long archived = required ? Long.valueOf(row.id(field)) : row.optId(field);
        if (archived == null) {
            return null;
        }
        Long id = sources.get(archived);
        if (id == null) {
            throw row.error(field, "source " + archived + " is not in " + BackupFormat.SOURCES);
        }
        return em.getReference(Source.class, id);
    }

    private void grade(BackupRow row) {
        SourceGrade g = new SourceGrade();
        g.source = sourceRef(row, "sourceId", true);
        g.project = project();
        g.grade = row.text("grade");
        if (!g.grade.matches("[A-F]")) {
            throw row.error("grade", "'" + g.grade + "' is not one of A, B, C, D, E, F");
        }
        g.rationale = row.optText("rationale");
        g.gradedBy = userRef(row, "gradedBy", true);
        g.gradedAt = row.instant("gradedAt");
        g.persist();
        grades.put(row.id("id"), g.id);
    }

    // ---- documents and annotations

    private void document(BackupRow row) {
        Document d = new Document();
        d.project = project();
        d.title = row.text("title");
        d.url = row.optText("url");
        d.publisher = row.optText("publisher");
        d.publishedAt = row.optDate("publishedAt");
        d.text = row.text("text", "textSha256", "lengthCp");
        d.textSha256 = row.text("textSha256");
        d.lengthCp = row.integer("lengthCp");
        d.revision = row.integer("revision");
        d.createdBy = userRef(row, "createdBy", false);
        d.createdAt = row.instant("createdAt");
        d.persist();
        long id = row.id("id");
        documents.put(id, d.id);
        documentLength.put(id, d.lengthCp);
    }

    private Long mapped(BackupRow row, String field, Map<Long, Long> map, String entry, boolean required) {
        Long archived = required ? Long.valueOf(row.id(field)) : row.optId(field);
        if (archived == null) {
            return null;
        }
        Long id = map.get(archived);
        if (id == null) {
            throw row.error(field, archived + " is not in " + entry);
        }
        return id;
    }

    private void revision(BackupRow row) {
        DocumentRevision r = new DocumentRevision();
        r.document = em.getReference(Document.class, mapped(row, "documentId", documents, BackupFormat.DOCUMENTS, true));
        r.revision = row.integer("revision");
        r.text = row.text("text", "textSha256", "lengthCp");
        r.textSha256 = row.text("textSha256");
        r.lengthCp = row.integer("lengthCp");
        r.createdBy = userRef(row, "createdBy", false);
        r.createdAt = row.instant("createdAt");
        r.persist();
    }

    private void layer(BackupRow row) {
        Layer l = new Layer();
        long document = row.id("documentId");
        l.document = em.getReference(Document.class, mapped(row, "documentId", documents, BackupFormat.DOCUMENTS, true));
        l.kind = row.enumeration("kind", LayerKind.class);
        l.owner = userRef(row, "owner", l.kind == LayerKind.reviewer);
        if (l.kind == LayerKind.gold && l.owner != null) {
            throw row.error("owner", "a gold layer has no owner");
        }
        l.state = row.enumeration("state", LayerState.class);
        l.updatedAt = row.instant("updatedAt");
        l.version = row.id("version");
        l.persist();
        layers.put(row.id("id"), l.id);
        layerDocument.put(row.id("id"), document);
    }

    /** Sets a span's fields and layer; the offsets must lie inside the document's text. */
    private Layer span(BackupRow row, Span span) {
        long layer = row.id("layerId");
        Long target = mapped(row, "layerId", layers, BackupFormat.LAYERS, true);
        span.start = row.integer("start");
        span.end = row.integer("end");
        // An orphaned span (re-anchoring could not place it) keeps the offsets of an older revision.
        Boolean orphaned = row.optBoolean("orphaned");
        span.orphaned = orphaned != null && orphaned;
        span.orphanedRevision = span.orphaned ? row.optInteger("orphanedRevision") : null;
        int length = span.orphaned ? Integer.MAX_VALUE : documentLength.get(layerDocument.get(layer));
        if (span.start < 0 || span.start >= span.end || span.end > length) {
            throw row.error("end", "span " + span.start + "–" + span.end + " is not inside the text (0–" + length + ")");
        }
        span.exact = row.text("exact");
        span.prefix = row.text("prefix");
        span.suffix = row.text("suffix");
        return em.getReference(Layer.class, target);
    }

    private void mention(BackupRow row) {
        Mention m = new Mention();
        m.layer = span(row, m);
        m.source = sourceRef(row, "sourceId", false);
        m.createdAt = row.instant("createdAt");
        m.persist();
        mentions.put(row.id("id"), m.id);
    }

    private void cue(BackupRow row) {
        Cue c = new Cue();
        c.layer = span(row, c);
        c.cueClass = row.optText("cueClass");
        c.createdAt = row.instant("createdAt");
        c.persist();
        cues.put(row.id("id"), c.id);
    }

    private void claim(BackupRow row) {
        Claim c = new Claim();
        c.layer = span(row, c);
        c.kind = row.optText("kind");
        c.stance = row.optText("stance");
        c.checkWorthy = row.optBoolean("checkWorthy");
        c.credibility = row.optInteger("credibility");
        if (c.credibility != null && (c.credibility < 1 || c.credibility > 6)) {
            throw row.error("credibility", c.credibility + " is not 1–6");
        }
        c.rationale = row.optText("rationale");
        c.evidenceUrl = row.optText("evidenceUrl");
        c.createdAt = row.instant("createdAt");
        c.updatedAt = row.instant("updatedAt");
        c.version = row.id("version");
        c.persist();
        claims.put(row.id("id"), c.id);
    }

    private void hop(BackupRow row) {
        AttributionHop h = new AttributionHop();
        h.claim = em.getReference(Claim.class, mapped(row, "claimId", claims, BackupFormat.CLAIMS, true));
        h.position = row.integer("position");
        h.source = sourceRef(row, "sourceId", true);
        Long mention = mapped(row, "mentionId", mentions, BackupFormat.MENTIONS, false);
        h.mention = mention == null ? null : em.getReference(Mention.class, mention);
        Long cue = mapped(row, "cueId", cues, BackupFormat.CUES, false);
        h.cue = cue == null ? null : em.getReference(Cue.class, cue);
        h.relation = row.text("relation");
        h.reliability = row.optText("reliability");
        if (h.reliability != null && !h.reliability.matches("[A-F]")) {
            throw row.error("reliability", "'" + h.reliability + "' is not one of A, B, C, D, E, F");
        }
        h.persist();
    }

    private void comment(BackupRow row) {
        ClaimComment c = new ClaimComment();
        c.claim = em.getReference(Claim.class, mapped(row, "claimId", claims, BackupFormat.CLAIMS, true));
        Long parent = mapped(row, "parentId", comments, BackupFormat.COMMENTS + " (earlier lines)", false);
        c.parent = parent == null ? null : em.getReference(ClaimComment.class, parent);
        c.author = userRef(row, "author", true);
        c.body = row.text("body");
        if (c.body.length() > ClaimComment.MAX_BODY) {
            throw row.error("body", "longer than " + ClaimComment.MAX_BODY + " characters");
        }
        c.createdAt = row.instant("createdAt");
        c.persist();
        comments.put(row.id("id"), c.id);
    }

    // ---- label schema, suggestions and models

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    private void labelValue(BackupRow row) {
        var v = new dev.credence.annotation.schema.LabelValue();
        v.project = project();
        v.field = row.enumeration("field", dev.credence.annotation.schema.LabelField.class);
        v.position = row.integer("position");
        v.name = row.text("name");
        if (!SCHEMA_NAME.matcher(v.name).matches()) {
            throw row.error("name", "1–32 lower-case letters, digits or '_', starting with a letter");
        }
        if (v.field == dev.credence.annotation.schema.LabelField.sourceType
                && dev.credence.source.SourceType.parse(v.name) == null) {
            throw row.error("name", "'" + v.name + "' is not a source type");
        }
        v.label = row.text("label");
        if (v.label.isBlank() || v.label.length() > 64) {
            throw row.error("label", "1–64 characters");
        }
        v.hotkey = row.optText("hotkey");
        if (v.hotkey != null && v.hotkey.length() != 1) {
            throw row.error("hotkey", "one character");
        }
        v.colour = row.text("colour");
        if (!COLOUR.matcher(v.colour).matches()) {
            throw row.error("colour", "#rrggbb");
        }
        v.persist();
    }

    private void suggestion(BackupRow row) {
        var s = new dev.credence.suggest.Suggestion();
        s.layer = em.getReference(Layer.class, mapped(row, "layerId", layers, BackupFormat.LAYERS, true));
        s.documentRevision = row.integer("documentRevision");
        s.claimStart = row.integer("claimStart");
        s.claimEnd = row.integer("claimEnd");
        s.claimExact = row.text("claimExact");
        s.cueStart = row.optInteger("cueStart");
        s.cueEnd = row.optInteger("cueEnd");
        s.cueExact = row.optText("cueExact");
        s.cueClass = row.optText("cueClass");
        s.sourceStart = row.optInteger("sourceStart");
        s.sourceEnd = row.optInteger("sourceEnd");
        s.sourceExact = row.optText("sourceExact");
        s.sourceName = row.optText("sourceName");
        s.registrySource = sourceRef(row, "registrySourceId", false);
        s.sourceType = row.optText("sourceType");
        s.hopsJson = suggestedHops(row);
        s.features = row.text("features");
        s.score = row.number("score");
        s.model = row.text("model");
        s.state = row.text("state");
        if (!List.of(dev.credence.suggest.Suggestion.OPEN, dev.credence.suggest.Suggestion.ACCEPTED,
                dev.credence.suggest.Suggestion.REJECTED).contains(s.state)) {
            throw row.error("state", "'" + s.state + "' is not open, accepted or rejected");
        }
        Long claim = row.optId("claimId");
        // The claim an acceptance made may have been deleted since (no foreign key): then none.
        s.claimId = claim == null ? null : claims.get(claim);
        s.decidedAt = row.optInstant("decidedAt");
        s.createdAt = row.instant("createdAt");
        s.persist();
    }

    /** The suggestion's hops with each registry source id mapped (null for a source the archive does not hold). */
    private String suggestedHops(BackupRow row) {
        String json = row.text("hops");
        try {
            com.fasterxml.jackson.databind.JsonNode tree = BackupArchive.JSON.readTree(json);
            if (!tree.isArray()) {
                throw row.error("hops", "expected a JSON array");
            }
            for (com.fasterxml.jackson.databind.JsonNode hop : tree) {
                if (hop.isObject() && hop.get("registrySourceId") != null && hop.get("registrySourceId").isIntegralNumber()) {
                    Long mappedId = sources.get(hop.get("registrySourceId").longValue());
                    if (mappedId == null) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) hop).putNull("registrySourceId");
                    } else {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) hop).put("registrySourceId", mappedId);
                    }
                }
            }
            return BackupArchive.JSON.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw row.error("hops", "not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private void suggestionModel(BackupRow row) {
        var m = new dev.credence.suggest.SuggestionModel();
        m.project = project();
        m.name = row.text("name");
        m.modelData = row.text("modelData");
        try {
            Base64.getDecoder().decode(m.modelData);
        } catch (IllegalArgumentException e) {
            throw row.error("modelData", "not base64");
        }
        m.trainedAt = row.instant("trainedAt");
        m.trainingEvents = row.integer("trainingEvents");
        m.trainingDocuments = row.integer("trainingDocuments");
        m.heldoutDocuments = row.integer("heldoutDocuments");
        m.qualityJson = row.text("quality");
        m.persist();
    }

    private void claimLink(BackupRow row) {
        var l = new dev.credence.corroboration.ClaimLink();
        l.project = em.getReference(Project.class, projectId);
        l.claim = em.getReference(Claim.class, mapped(row, "claimId", claims, BackupFormat.CLAIMS, true));
        l.target = em.getReference(Claim.class, mapped(row, "targetClaimId", claims, BackupFormat.CLAIMS, true));
        if (l.claim.id.equals(l.target.id)) {
            throw row.error("targetClaimId", "a claim cannot be linked to itself");
        }
        l.relation = row.enumeration("relation", dev.credence.corroboration.LinkRelation.class);
        l.origin = row.enumeration("origin", dev.credence.corroboration.LinkOrigin.class);
        l.note = row.optText("note");
        if (l.note != null && l.note.length() > dev.credence.corroboration.ClaimLink.MAX_NOTE) {
            throw row.error("note", "longer than " + dev.credence.corroboration.ClaimLink.MAX_NOTE + " characters");
        }
        l.createdBy = userRef(row, "createdBy", false);
        l.createdAt = row.instant("createdAt");
        l.persist();
        links.put(row.id("id"), l.id);
    }
}
