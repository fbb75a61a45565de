package dev.credence.history;

import java.util.List;

/** A log entry with the fields it changed, for pages and the API. */
public record HistoryEntry(ChangeLogEntry entry, List<FieldChange> changes) {
    /** What the entry is about, in words: "claim 12", "layer 3". */
    public String subject() {
        return entry.entityType.replace('_', ' ') + " " + entry.entityId;
    }
}
