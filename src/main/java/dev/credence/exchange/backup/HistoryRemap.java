package dev.credence.exchange.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credence.history.ChangeAction;
import dev.credence.history.ChangeLogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A change-log row of the archive as an entry of the restored project: ids mapped to the restored rows (project,
 * document, entity by its type, user by username, and the sourceId/mentionId/cueId fields inside the snapshots).
 * An entity deleted before the backup has no restored row: its id becomes the negative of the archived one, which
 * no row ever has (identity columns count up from 1), so the entry never shows in a live entity's history yet
 * stays grouped with its siblings. A snapshot's sourceId of a source the project no longer uses becomes null
 * (the snapshot keeps the source's name).
 */
final class HistoryRemap {
    private final long projectId;
    private final Map<String, Long> users;
    private final Map<Long, Long> documents;
    /** Entity type (HistoryService.CLAIM, ...) → archived id → restored id. */
    private final Map<String, Map<Long, Long>> entities;
    /** Entity types whose id is the project's. */
    static final java.util.Set<String> PROJECT_ENTITIES = java.util.Set.of("label_schema", "project");

    HistoryRemap(long projectId, Map<String, Long> users, Map<Long, Long> documents,
            Map<String, Map<Long, Long>> entities) {
        this.projectId = projectId;
        this.users = users;
        this.documents = documents;
        this.entities = entities;
    }

    ChangeLogEntry restore(BackupRow row) {
        ChangeLogEntry e = new ChangeLogEntry();
        e.changedAt = row.instant("changedAt");
        e.username = row.optText("username");
        e.userId = e.username == null ? null : users.get(e.username);
        e.projectId = projectId;
        Long document = row.optId("documentId");
        e.documentId = document == null ? null : documents.getOrDefault(document, -document);
        e.entityType = row.text("entityType");
        Map<Long, Long> map = entities.get(e.entityType);
        if (PROJECT_ENTITIES.contains(e.entityType)) {
            map = Map.of(row.id("entityId"), projectId); // entries about the project itself (its label schema, a restore)
        }
        if (map == null) {
            throw row.error("entityType", "'" + e.entityType + "' is not one of " + entities.keySet());
        }
        long entity = row.id("entityId");
        e.entityId = map.getOrDefault(entity, -entity);
        e.action = row.enumeration("action", ChangeAction.class);
        e.before = snapshot(row, "before");
        e.after = snapshot(row, "after");
        return e;
    }

    private String snapshot(BackupRow row, String field) {
        String json = row.optText(field);
        if (json == null || !(json.contains("\"sourceId\"") || json.contains("\"mentionId\"") || json.contains("\"cueId\""))) {
            return json; // nothing to map: kept byte for byte
        }
        try {
            JsonNode tree = BackupArchive.JSON.readTree(json);
            remap(tree);
            return BackupArchive.JSON.writeValueAsString(tree);
        } catch (JsonProcessingException ex) {
            throw row.error(field, "not JSON (" + ex.getOriginalMessage() + ")");
        }
    }

    private void remap(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = object.get(name);
                String type = switch (name) {
                    case "sourceId" -> "source";
                    case "mentionId" -> "mention";
                    case "cueId" -> "cue";
                    default -> null;
                };
                if (type != null && v.isIntegralNumber()) {
                    long old = v.longValue();
                    Long target = entities.get(type).get(old);
                    if (target != null) {
                        object.put(name, target);
                    } else if (type.equals("source")) {
                        object.putNull(name);
                    } else {
                        object.put(name, -old);
                    }
                } else {
                    remap(v);
                }
            }
        } else if (node.isArray()) {
            node.forEach(this::remap);
        }
    }
}
