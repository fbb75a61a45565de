package dev.credence.exchange.backup;

import dev.credence.account.User;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.project.ProjectRole;
import dev.credence.source.Source;
import dev.credence.source.SourceGrade;
import dev.credence.source.SourceInput;
import dev.credence.source.SourceAdoption;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ClientErrorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
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
    private final SourceAdoption adoption;
    private final BackupArchive archive;
    private final User caller;

    private final RestoredIds ids;
    private final AnnotationRestore annotations;
    private final SuggestionRestore suggestions;
    private long rows;

    final List<String> usersCreated = new ArrayList<>();
    final List<String> usersFound = new ArrayList<>();
    int sourcesCreated;
    int sourcesMerged;
    final List<String> warnings = new ArrayList<>();
    String projectName;

    ProjectRestore(EntityManager em, SourceAdoption adoption, BackupArchive archive, User caller) {
        this.em = em;
        this.adoption = adoption;
        this.archive = archive;
        this.caller = caller;
        this.ids = new RestoredIds(em);
        this.annotations = new AnnotationRestore(em, ids);
        this.suggestions = new SuggestionRestore(em, ids);
    }

    /** Restores every entry; returns the new project's id. */
    long run() {
        each(BackupFormat.USERS, this::user);
        each(BackupFormat.PROJECT, this::project);
        if (ids.projectId == 0) {
            throw new BackupException(BackupFormat.PROJECT + ": no project row");
        }
        each(BackupFormat.MEMBERS, this::member);
        ensureCallerManages();
        each(BackupFormat.LABEL_SCHEMA, this::labelValue);
        Map<Long, Long> parents = new HashMap<>();
        each(BackupFormat.SOURCES, row -> source(row, parents));
        parents.forEach((child, parent) -> {
            Long target = ids.sources.get(parent);
            if (target == null || !adoption.adoptParent(em.find(Source.class, ids.sources.get(child)),
                    em.find(Source.class, target))) {
                warnings.add("source #" + child + ": parent #" + parent + " not set");
            }
        });
        each(BackupFormat.SOURCE_GRADES, this::grade);
        each(BackupFormat.DOCUMENTS, annotations::document);
        each(BackupFormat.DOCUMENT_REVISIONS, annotations::revision);
        each(BackupFormat.LAYERS, annotations::layer);
        each(BackupFormat.MENTIONS, annotations::mention);
        each(BackupFormat.CUES, annotations::cue);
        each(BackupFormat.CLAIMS, annotations::claim);
        each(BackupFormat.HOPS, annotations::hop);
        each(BackupFormat.COMMENTS, annotations::comment);
        each(BackupFormat.CLAIM_LINKS, annotations::claimLink);
        each(BackupFormat.SUGGESTIONS, suggestions::suggestion);
        each(BackupFormat.SUGGESTION_MODELS, suggestions::suggestionModel);
        HistoryRemap history = new HistoryRemap(ids.projectId, ids.users, ids.documents, Map.of("claim", ids.claims,
                "mention", ids.mentions, "cue", ids.cues, "layer", ids.layers, "source", ids.sources, "source_grade",
                ids.grades, "claim_link", ids.links, "document", ids.documents, dev.credence.annotation.schema.LabelSchemaService.HISTORY_TYPE,
                Map.of(ids.archivedProjectId, ids.projectId)));
        each(BackupFormat.HISTORY, row -> history.restore(row).persist());
        em.flush();
        return ids.projectId;
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

    /** Users are matched by username; a missing one is created with role user and a password nobody knows. */
    private void user(BackupRow row) {
        String username = row.text("username");
        if (!USERNAME.matcher(username).matches()) {
            throw row.error("username", "2–64 letters, digits, '.', '_' or '-'");
        }
        var existing = User.findByUsername(username);
        if (existing.isPresent()) {
            ids.users.put(username, existing.get().id);
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
        ids.users.put(username, u.id);
        usersCreated.add(username);
    }

    private void project(BackupRow row) {
        if (ids.projectId != 0) {
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
        p.createdBy = ids.userRef(row, "createdBy", false);
        p.createdAt = row.instant("createdAt");
        p.version = row.id("version");
        p.persist();
        ids.projectId = p.id;
        ids.archivedProjectId = row.id("id");
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

    private void member(BackupRow row) {
        Membership m = new Membership();
        m.project = ids.project();
        m.user = ids.userRef(row, "username", true);
        m.role = row.enumeration("role", ProjectRole.class);
        m.persist();
    }

    /** The admin who restores manages the project: restored users may have no password yet. */
    private void ensureCallerManages() {
        em.flush();
        Project p = em.find(Project.class, ids.projectId);
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

    private void source(BackupRow row, Map<Long, Long> parents) {
        long id = row.id("id");
        SourceAdoption.Adopted adopted = adoption.adopt(new SourceInput(row.text("name"), row.text("type"),
                row.optText("country"), null, null, row.optText("url"), row.optText("sameAs"), row.optText("description"),
                row.texts("aliases")), row.instant("createdAt"), ids.optionalUser(row.optText("createdBy")));
        ids.sources.put(id, adopted.source().id);
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

    private void grade(BackupRow row) {
        SourceGrade g = new SourceGrade();
        g.source = ids.sourceRef(row, "sourceId", true);
        g.project = ids.project();
        g.grade = row.text("grade");
        if (!g.grade.matches("[A-F]")) {
            throw row.error("grade", "'" + g.grade + "' is not one of A, B, C, D, E, F");
        }
        g.rationale = row.optText("rationale");
        g.gradedBy = ids.userRef(row, "gradedBy", true);
        g.gradedAt = row.instant("gradedAt");
        g.persist();
        ids.grades.put(row.id("id"), g.id);
    }

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    private void labelValue(BackupRow row) {
        var v = new dev.credence.annotation.schema.LabelValue();
        v.project = ids.project();
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

}
