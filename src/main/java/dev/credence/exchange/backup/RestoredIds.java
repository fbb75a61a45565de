package dev.credence.exchange.backup;

import dev.credence.account.User;
import dev.credence.project.Project;
import dev.credence.source.Source;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;

/**
 * What a restore has written so far: every archived id mapped to the id its row got here, and the look-ups that turn
 * an archived reference in a row into a reference to the restored row (or a row error when the archive lacks it).
 */
final class RestoredIds {
    private final EntityManager em;
    final Map<String, Long> users = new HashMap<>();
    final Map<Long, Long> sources = new HashMap<>();
    final Map<Long, Long> grades = new HashMap<>();
    final Map<Long, Long> documents = new HashMap<>();
    /** Archived document id → its text's length in code points, to check span offsets without holding texts. */
    final Map<Long, Integer> documentLength = new HashMap<>();
    final Map<Long, Long> layers = new HashMap<>();
    final Map<Long, Long> layerDocument = new HashMap<>();
    final Map<Long, Long> mentions = new HashMap<>();
    final Map<Long, Long> cues = new HashMap<>();
    final Map<Long, Long> claims = new HashMap<>();
    final Map<Long, Long> links = new HashMap<>();
    final Map<Long, Long> comments = new HashMap<>();
    long projectId;
    long archivedProjectId;

    RestoredIds(EntityManager em) {
        this.em = em;
    }

    User userRef(BackupRow row, String field, boolean required) {
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

    Project project() {
        return em.getReference(Project.class, projectId);
    }

    /** A creator that is not a restored user is not an error: registry entries outlive their creators. */
    User optionalUser(String username) {
        Long id = username == null ? null : users.get(username);
        return id == null ? null : em.getReference(User.class, id);
    }

    Source sourceRef(BackupRow row, String field, boolean required) {
        Long id = lookup(row, field, sources, "source ", BackupFormat.SOURCES, required);
        return id == null ? null : em.getReference(Source.class, id);
    }

    Long mapped(BackupRow row, String field, Map<Long, Long> map, String entry, boolean required) {
        return lookup(row, field, map, "", entry, required);
    }

    /** The new id of the archived id in {@code field}; null when optional and absent; a row error when not restored. */
    private static Long lookup(BackupRow row, String field, Map<Long, Long> map, String what, String entry,
            boolean required) {
        Long archived = required ? Long.valueOf(row.id(field)) : row.optId(field);
        if (archived == null) {
            return null;
        }
        Long id = map.get(archived);
        if (id == null) {
            throw row.error(field, what + archived + " is not in " + entry);
        }
        return id;
    }
}
