package dev.credence.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far the index has read the change log, and which ids below that point it has not seen yet.
 *
 * <p>change_log ids come from an identity column: given out at insert, in insert order, but a transaction that
 * took id 10 may commit after one that took id 11. So having read up to 11, id 10 is a <em>gap</em>: it may still
 * commit (then it is read by id) or never (rolled back); a gap is given up after {@code gapWaitMillis}, longer than
 * the longest transaction may run. Pure bookkeeping, no database: {@link SearchIndex} feeds it the rows it read.
 */
final class ChangeCursor {
    /** More gaps than this and the oldest are given up (a large import rolled back leaves one per entry). */
    static final int MAX_GAPS = 20_000;

    private long seen;
    private final Map<Long, Long> gaps = new LinkedHashMap<>();

    ChangeCursor(long seen) {
        this.seen = seen;
    }

    long seen() {
        return seen;
    }

    /** Ids still awaited, oldest first. */
    List<Long> gaps() {
        return new ArrayList<>(gaps.keySet());
    }

    /**
     * Takes the ids just read (those above {@link #seen()} and any gap that has now committed): every id between
     * the old and the new highest that was not read becomes a gap, seen at {@code now}.
     */
    void read(Collection<Long> ids, long now) {
        long max = seen;
        java.util.Set<Long> got = new java.util.HashSet<>(ids);
        for (Long id : ids) {
            gaps.remove(id);
            max = Math.max(max, id);
        }
        for (long id = seen + 1; id < max; id++) {
            if (!got.contains(id)) {
                gaps.put(id, now);
            }
        }
        seen = max;
        while (gaps.size() > MAX_GAPS) {
            Iterator<Long> it = gaps.keySet().iterator();
            it.next();
            it.remove();
        }
    }

    /** Gives up gaps awaited longer than {@code waitMillis}; returns how many. */
    int expire(long now, long waitMillis) {
        int n = 0;
        for (Iterator<Map.Entry<Long, Long>> it = gaps.entrySet().iterator(); it.hasNext();) {
            if (now - it.next().getValue() > waitMillis) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    /** Starts over at {@code seen} (a full reconcile read everything up to it), awaiting {@code missing} below it. */
    void reset(long seen, Collection<Long> missing, long now) {
        this.seen = seen;
        for (Long id : missing) {
            if (id < seen) {
                gaps.putIfAbsent(id, now);
            }
        }
    }
}
