package dev.credence.source;

import dev.credence.account.User;
import dev.credence.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Searching the registry: the source list of the registry page and {@code GET /api/v1/sources}. */
@ApplicationScoped
public class SourceSearch {
    @Inject
    EntityManager em;
    @Inject
    AttributedClaims attributed;

    /**
     * Sources whose name or an alias contains {@code q} (case-insensitive), of the given type (null: any),
     * by name; one page, with each row's aliases, claim count and latest grade in the viewer's projects.
     */
    public Page<SourceRow> search(String q, SourceType type, int page, int size, User viewer) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(s.name) like :q escape '\\' or exists (select a.id from SourceAlias a"
                    + " where a.source = s and lower(a.alias) like :q escape '\\'))");
            params.put("q", "%" + likeEscape(q.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (type != null) {
            where.append(" and s.type = :type");
            params.put("type", type);
        }
        var count = em.createQuery("select count(s) from Source s" + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        int current = Page.clamp(page, total, size);
        var query = em.createQuery("select s from Source s left join fetch s.parent" + where
                + " order by lower(s.name), s.id", Source.class);
        params.forEach(query::setParameter);
        List<Source> sources = query.setFirstResult(current * size).setMaxResults(size).getResultList();
        return new Page<>(rows(sources, viewer), total, current, size);
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Rows for a page of sources: three queries for the whole page (aliases, claim counts, grades), none per row. */
    private List<SourceRow> rows(List<Source> sources, User viewer) {
        if (sources.isEmpty()) {
            return List.of();
        }
        List<Long> ids = sources.stream().map(s -> s.id).toList();
        Map<Long, List<String>> aliases = new HashMap<>();
        em.createQuery("select a from SourceAlias a where a.source.id in :ids order by lower(a.alias)", SourceAlias.class)
                .setParameter("ids", ids).getResultList()
                .forEach(a -> aliases.computeIfAbsent(a.source.id, k -> new ArrayList<>()).add(a.alias));
        Map<Long, Long> counts = attributed.countsBySource(ids, viewer);
        Map<Long, String> latest = new HashMap<>();
        em.createQuery("select g from SourceGrade g where g.source.id in :ids and " + SourceGrades.GRADE_VISIBLE
                + " order by g.gradedAt desc, g.id desc", SourceGrade.class)
                .setParameter("ids", ids).setParameter("me", viewer).getResultList()
                .forEach(g -> latest.putIfAbsent(g.source.id, g.grade));
        return sources.stream().map(s -> new SourceRow(s, aliases.getOrDefault(s.id, List.of()),
                counts.getOrDefault(s.id, 0L), latest.get(s.id))).toList();
    }
}
