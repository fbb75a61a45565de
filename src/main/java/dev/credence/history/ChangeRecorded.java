package dev.credence.history;

/**
 * Fired by {@link HistoryService#record} for every entry, so derived state of this instance (the search index)
 * can observe it after the transaction commits. Other instances learn of the same change from the change_log row.
 */
public record ChangeRecorded(String entityType, Long entityId, Long projectId, Long documentId) {
}
