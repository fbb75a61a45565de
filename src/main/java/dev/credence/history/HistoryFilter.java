package dev.credence.history;

import java.time.Instant;

/** Which entries of a project's history to show: by person (user id) and time range [from, to); nulls mean any. */
public record HistoryFilter(Long projectId, Long userId, Instant from, Instant to) {
}
