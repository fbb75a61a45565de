package dev.credence.history;

import java.util.List;

/** One page of history entries, newest first; {@code page} is zero-based and clamped to existing pages. */
public record HistoryPage(List<HistoryEntry> items, long total, int page, int size) {
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
