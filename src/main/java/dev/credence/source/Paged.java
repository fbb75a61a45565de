package dev.credence.source;

import java.util.List;

/** One page of results; {@code page} is zero-based and already clamped to the existing pages. */
public record Paged<T>(List<T> items, long total, int page, int size) {
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    /** Clamps a requested page to [0, last page]. */
    static int clamp(int requested, long total, int size) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        return Math.max(0, Math.min(requested, pages - 1));
    }
}
