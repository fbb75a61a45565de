package dev.credence.history;

/**
 * Fired by {@link HistoryService#record} for the first entry of each transaction (it carries that entry), so
 * derived state of this instance (the search index) can observe after commit that the change log grew and read
 * it. Other instances learn of the same change from the change_log rows.
 */
public record ChangeRecorded(String entityType, Long entityId, Long projectId, Long documentId) {
}
