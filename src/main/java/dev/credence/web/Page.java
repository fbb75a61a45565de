package dev.credence.web;

import java.util.List;

/**
 * One page of a list: the items, how many there are in all, the zero-based page (already clamped to the pages
 * that exist) and the page size. The one paging record (sources, attributed claims, history); the pager of a
 * page reads {@code pages}, {@code hasPrevious} and {@code hasNext}.
 */
public record Page<T>(List<T> items, long total, int page, int size) {
    public int pages() {
        return pages(total, size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    /** How many pages {@code total} items fill, at least one (an empty list is one empty page). */
    public static int pages(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** Clamps a requested page to [0, last page]. */
    public static int clamp(int requested, long total, int size) {
        return Math.max(0, Math.min(requested, pages(total, size) - 1));
    }
}
