package dev.credence.exchange;

import dev.credence.annotation.ClaimKind;
import dev.credence.annotation.CueClass;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Relation;
import dev.credence.annotation.Stance;
import dev.credence.source.SourceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a project for export in pages of documents (keyset on document id), each page
 * with a constant number of queries (documents, layers, claims, hops, mentions, cues),
 * all scalar projections. Memory holds one page at a time, whatever the project size.
 * Callers run it inside a transaction.
 */
@ApplicationScoped
public class ExportReader {
    /** Documents per page: texts are usually 5–25 kB, so a page stays within a few MB. */
    public static final int DEFAULT_BATCH = 100;

    @Inject
    EntityManager em;

    /** Calls {@code page} with each page of documents, in document id order. */
    public void forEachPage(ExportScope scope, int batchSize, Consumer<List<ExportRows.Document>> page) {
        long lastId = 0;
        while (true) {
            List<ExportRows.Document> documents = documents(scope.projectId(), lastId, batchSize);
            if (documents.isEmpty()) {
                return;
            }
            fill(scope, documents);
            page.accept(documents);
            lastId = documents.get(documents.size() - 1).id();
            em.clear();
            if (documents.size() < batchSize) {
                return;
            }
        }
    }

    /** The longest attribution chain among the exported claims (0 when there are none). */
    public int maxHopCount(ExportScope scope) {
        Query q = em.createQuery("select count(h) from AttributionHop h join h.claim c join c.layer l"
                + " where l.document.project.id = :project" + layerFilter(scope)
                + " group by c.id order by count(h) desc");
        bind(q, scope).setParameter("project", scope.projectId()).setMaxResults(1);
        List<?> rows = q.getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    private List<ExportRows.Document> documents(long projectId, long afterId, int batchSize) {
        List<?> rows = em.createQuery("select d.id, d.title, d.url, d.publisher, d.publishedAt, d.textSha256, d.text"
                + " from Document d where d.project.id = :project and d.id > :after order by d.id")
                .setParameter("project", projectId).setParameter("after", afterId)
                .setMaxResults(batchSize).getResultList();
        List<ExportRows.Document> documents = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            documents.add(new ExportRows.Document(id(r[0]), (String) r[1], (String) r[2], (String) r[3],
                    (LocalDate) r[4], (String) r[5], (String) r[6], new ArrayList<>()));
        }
        return documents;
    }

    private void fill(ExportScope scope, List<ExportRows.Document> documents) {
        Map<Long, ExportRows.Document> byId = new HashMap<>();
        for (ExportRows.Document d : documents) {
            byId.put(d.id(), d);
        }
        Query layerQuery = em.createQuery("select l.id, l.document.id, l.kind, l.state, o.username, o.displayName"
                + " from Layer l left join l.owner o where l.document.id in (:documents)" + layerFilter(scope)
                + " order by l.document.id, l.kind, o.username, l.id");
        List<?> layerRows = bind(layerQuery, scope).setParameter("documents", byId.keySet()).getResultList();
        if (layerRows.isEmpty()) {
            return;
        }
        Map<Long, ExportRows.Layer> layers = new HashMap<>();
        for (Object row : layerRows) {
            Object[] r = (Object[]) row;
            ExportRows.Layer layer = new ExportRows.Layer(id(r[0]), id(r[1]), (LayerKind) r[2], (LayerState) r[3],
                    (String) r[4], (String) r[5], new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            layers.put(layer.id(), layer);
            byId.get(layer.documentId()).layers().add(layer);
        }

        Map<Long, ExportRows.Claim> claims = new HashMap<>();
        for (Object row : em.createQuery("select c.id, c.layer.id, c.start, c.end, c.exact, c.prefix, c.suffix,"
                + " c.kind, c.stance, c.checkWorthy, c.credibility, c.rationale, c.evidenceUrl"
                + " from Claim c where c.layer.id in (:layers) order by c.layer.id, c.start, c.end, c.id")
                .setParameter("layers", layers.keySet()).getResultList()) {
            Object[] r = (Object[]) row;
            ExportRows.Claim claim = new ExportRows.Claim(id(r[0]), id(r[1]), (Integer) r[2], (Integer) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (ClaimKind) r[7], (Stance) r[8], (Boolean) r[9],
                    (Integer) r[10], (String) r[11], (String) r[12], new ArrayList<>());
            claims.put(claim.id(), claim);
            layers.get(claim.layerId()).claims().add(claim);
        }

        if (!claims.isEmpty()) {
            for (Object row : em.createQuery("select h.claim.id, h.position, s.id, s.name, s.type, s.country,"
                    + " m.id, m.start, m.end, m.exact, cu.id, cu.start, cu.end, cu.exact, cu.cueClass,"
                    + " h.relation, h.reliability"
                    + " from AttributionHop h join h.source s left join h.mention m left join h.cue cu"
                    + " where h.claim.layer.id in (:layers) order by h.claim.id, h.position")
                    .setParameter("layers", layers.keySet()).getResultList()) {
                Object[] r = (Object[]) row;
                ExportRows.SpanRef mention = r[6] == null ? null
                        : new ExportRows.SpanRef(id(r[6]), (Integer) r[7], (Integer) r[8], (String) r[9]);
                ExportRows.CueRef cue = r[10] == null ? null
                        : new ExportRows.CueRef(id(r[10]), (Integer) r[11], (Integer) r[12], (String) r[13],
                                (CueClass) r[14]);
                ExportRows.Hop hop = new ExportRows.Hop(id(r[0]), (Integer) r[1], id(r[2]), (String) r[3],
                        (SourceType) r[4], (String) r[5], mention, cue, (Relation) r[15], (String) r[16]);
                claims.get(hop.claimId()).hops().add(hop);
            }
        }

        for (Object row : em.createQuery("select m.id, m.layer.id, m.start, m.end, m.exact, m.prefix, m.suffix,"
                + " s.id, s.name from Mention m left join m.source s where m.layer.id in (:layers)"
                + " order by m.layer.id, m.start, m.end, m.id")
                .setParameter("layers", layers.keySet()).getResultList()) {
            Object[] r = (Object[]) row;
            ExportRows.Mention mention = new ExportRows.Mention(id(r[0]), id(r[1]), (Integer) r[2], (Integer) r[3],
                    (String) r[4], (String) r[5], (String) r[6], r[7] == null ? null : id(r[7]), (String) r[8]);
            layers.get(mention.layerId()).mentions().add(mention);
        }

        for (Object row : em.createQuery("select c.id, c.layer.id, c.start, c.end, c.exact, c.prefix, c.suffix,"
                + " c.cueClass from Cue c where c.layer.id in (:layers) order by c.layer.id, c.start, c.end, c.id")
                .setParameter("layers", layers.keySet()).getResultList()) {
            Object[] r = (Object[]) row;
            ExportRows.Cue cue = new ExportRows.Cue(id(r[0]), id(r[1]), (Integer) r[2], (Integer) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (CueClass) r[7]);
            layers.get(cue.layerId()).cues().add(cue);
        }
    }

    /** Restricts a query with alias {@code l} for Layer to the scope's layers. */
    private static String layerFilter(ExportScope scope) {
        return (scope.ownerId() != null ? " and l.owner.id = :owner" : "")
                + (scope.goldOnly() ? " and l.kind = :gold" : "");
    }

    private static Query bind(Query q, ExportScope scope) {
        if (scope.ownerId() != null) {
            q.setParameter("owner", scope.ownerId());
        }
        if (scope.goldOnly()) {
            q.setParameter("gold", LayerKind.gold);
        }
        return q;
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }
}
