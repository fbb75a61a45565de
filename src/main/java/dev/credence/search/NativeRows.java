package dev.credence.search;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/** The index's native SQL reads: rows and ids of a query, and the id lists it builds into {@code in (…)} clauses. */
final class NativeRows {
    static final int BATCH = 500;

    private final EntityManager em;

    NativeRows(EntityManager em) {
        this.em = em;
    }

    /** Detaches what the reads loaded, so a full build does not hold every text. */
    void clear() {
        em.clear();
    }

    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    @SuppressWarnings("unchecked")
    List<Long> ids(String sql) {
        List<Object> out = em.createNativeQuery(sql).getResultList();
        return out.stream().map(NativeRows::id).toList();
    }

    static long id(Object o) {
        return ((Number) o).longValue();
    }

    static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static String join(List<Long> ids) {
        StringBuilder sb = new StringBuilder();
        for (Long id : ids) {
            sb.append(sb.length() == 0 ? "" : ",").append(id.longValue());
        }
        return sb.toString();
    }

    static List<List<Long>> batches(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            out.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
        }
        return out;
    }
}
