package dev.credence.exchange;

import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.LayerVisibility;
import dev.credence.source.SourceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a project for export in pages of documents (keyset on document id; at most
 * {@link #PAGE_CLAIMS} claims a page unless one document has more), each page with a fixed
 * number of queries (ids, a claim count, documents, layers, claims, mentions, cues, and one
 * link and one hop query per 1,000 claims), all scalar projections. Memory holds one page at
 * a time, whatever the project size.
 * Callers run it inside a transaction.
 */
@ApplicationScoped
public class ExportReader {
    /** Documents per page: texts are usually 5–25 kB, so a page stays within a few MB. */
    public static final int DEFAULT_BATCH = 100;
    /** Claim ids per hop query (well under PostgreSQL's 32,767 bind parameters). */
    static final int CLAIM_SLICE = 1000;
    /**
     * At most this many claims per page (but always one document): a page of 100 documents of 100 claims each
     * held ≈ 45 MB of rows and records, and at -Xmx256m the collector then took half of a 1,000,000-claim export.
     * Pages of ordinary documents (under 20 claims each) stay at {@link #DEFAULT_BATCH} documents.
     */
    public static final int PAGE_CLAIMS = 2000;

    @Inject
    EntityManager em;
    @Inject
    ExportAgreements agreements;

    /** Calls {@code page} with each page of documents, in document id order. */
    public void forEachPage(ExportScope scope, int batchSize, Consumer<List<ExportRows.Document>> page) {
        long lastId = 0;
        Map<Long, Long> claimCounts = new HashMap<>(); // of documents read ahead and not yet exported
        while (true) {
            // The page's ids first, then their rows: sorting only ids keeps the database's sort small. Asked for
            // whole rows in one query, H2 read every remaining document of the project (texts included) through
            // the project index and sorted them by id before the limit: out of memory at 10,000 documents.
            List<?> ids = em.createQuery("select d.id from Document d where d.project.id = :project and d.id > :after"
                    + " order by d.id").setParameter("project", scope.projectId()).setParameter("after", lastId)
                    .setMaxResults(batchSize).getResultList();
            if (ids.isEmpty()) {
                return;
            }
            List<?> pageIds = withinClaimBudget(ids, claimCounts);
            List<ExportRows.Document> documents = documents(pageIds);
            fill(scope, documents);
            page.accept(documents);
            lastId = id(pageIds.get(pageIds.size() - 1));
            em.clear(); // nothing should be managed (scalar rows), but a caller's entities must not pile up either
            if (ids.size() < batchSize && pageIds.size() == ids.size()) {
                return;
            }
        }
    }

    /**
     * The longest attribution chain among the exported claims (0 when there are none): the highest hop
     * position + 1 (a chain's positions are 0, 1, 2, ...). One plain aggregate: counting hops per claim
     * grouped a million claims in the database's memory and ran H2 out of it at -Xmx256m.
     */
    public int maxHopCount(ExportScope scope) {
        Query q = em.createQuery("select max(h.position) from AttributionHop h join h.claim c join c.layer l"
                + " where l.document.project.id = :project" + layerFilter(scope));
        Object max = bind(q, scope).setParameter("project", scope.projectId()).getSingleResult();
        return max == null ? 0 : ((Number) max).intValue() + 1;
    }

    /** The documents of {@code ids}, in id order, without their layers yet. */
    private List<ExportRows.Document> documents(List<?> ids) {
        List<?> rows = em.createQuery("select d.id, d.title, d.url, d.publisher, d.publishedAt, d.textSha256, d.revision, d.text"
                + " from Document d where d.id in (:ids) order by d.id").setParameter("ids", ids).getResultList();
        List<ExportRows.Document> documents = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            documents.add(new ExportRows.Document(id(r[0]), (String) r[1], (String) r[2], (String) r[3],
                    (LocalDate) r[4], (String) r[5], (Integer) r[6], (String) r[7], new ArrayList<>()));
        }
        return documents;
    }

    /**
     * The first of {@code ids} (in id order) whose claims add up to at most {@link #PAGE_CLAIMS}, and at least the
     * first one. The claims of documents not yet in {@code counts} are counted (all layers) in one grouped query;
     * those of the page are removed from it, the rest stay for the next page, so each document is counted once.
     */
    private List<?> withinClaimBudget(List<?> ids, Map<Long, Long> counts) {
        if (ids.size() == 1) {
            counts.clear();
            return ids;
        }
        List<Long> uncounted = new ArrayList<>();
        for (Object id : ids) {
            if (!counts.containsKey(id(id))) {
                uncounted.add(id(id));
            }
        }
        if (!uncounted.isEmpty()) {
            for (Long id : uncounted) {
                counts.put(id, 0L);
            }
            for (Object row : em.createQuery("select l.document.id, count(*) from Claim c join c.layer l"
                    + " where l.document.id in (:documents) group by l.document.id").setParameter("documents", uncounted)
                    .getResultList()) {
                Object[] r = (Object[]) row;
                counts.put(id(r[0]), id(r[1]));
            }
        }
        long claims = 0;
        int end = ids.size();
        for (int i = 0; i < ids.size(); i++) {
            claims += counts.getOrDefault(id(ids.get(i)), 0L);
            if (claims > PAGE_CLAIMS && i > 0) {
                end = i;
                break;
            }
        }
        for (int i = 0; i < end; i++) {
            counts.remove(id(ids.get(i)));
        }
        return ids.subList(0, end);
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
                + " c.kind, c.stance, c.checkWorthy, c.credibility, c.rationale, c.evidenceUrl, c.orphaned,"
                + " c.orphanedRevision"
                + " from Claim c where c.layer.id in (:layers) order by c.layer.id, c.start, c.end, c.id")
                .setParameter("layers", layers.keySet()).getResultList()) {
            Object[] r = (Object[]) row;
            ExportRows.Claim claim = new ExportRows.Claim(id(r[0]), id(r[1]), (Integer) r[2], (Integer) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (Boolean) r[9],
                    (Integer) r[10], (String) r[11], (String) r[12], new ArrayList<>());
            claims.put(claim.id(), claim);
            if (Boolean.TRUE.equals(r[13])) {
                // Offsets of an earlier revision: kept apart, so that no format reads them against this text.
                int revision = r[14] == null ? 0 : (Integer) r[14];
                layers.get(claim.layerId()).orphaned().add(new ExportRows.Orphan(claim, revision));
            } else {
                layers.get(claim.layerId()).claims().add(claim);
            }
        }
        // Links by claim id in slices, as the hops below: a page of 100 documents with many claims each would
        // otherwise bind one parameter per claim of the page (PostgreSQL's driver stops at 32,767).
        List<Long> linkedClaims = new ArrayList<>(claims.keySet());
        linkedClaims.sort(null);
        List<Object[]> linkRows = new ArrayList<>();
        for (int from = 0; from < linkedClaims.size(); from += CLAIM_SLICE) {
            List<Long> slice = linkedClaims.subList(from, Math.min(linkedClaims.size(), from + CLAIM_SLICE));
            for (Object row : em.createQuery("select l.id, l.claim.id, t.id, t.layer.document.id, l.relation, l.origin, l.note"
                    + " from dev.credence.corroboration.ClaimLink l join l.target t where l.claim.id in (:claims)"
                    + " order by l.claim.id, l.id").setParameter("claims", slice).getResultList()) {
                linkRows.add((Object[]) row);
            }
        }
        for (Object[] r : linkRows) {
            var relation = (dev.credence.corroboration.LinkRelation) r[4];
            var origin = (dev.credence.corroboration.LinkOrigin) r[5];
            claims.get(id(r[1])).links().add(new ExportRows.Link(id(r[0]), id(r[2]), id(r[3]), relation.name(),
                    origin.name(), (String) r[6], relation == dev.credence.corroboration.LinkRelation.corroborates
                            && origin == dev.credence.corroboration.LinkOrigin.independent));
        }

        for (Object row : em.createQuery("select m.id, m.layer.id, m.start, m.end, m.exact, m.prefix, m.suffix,"
                + " s.id, s.name from Mention m left join m.source s where m.layer.id in (:layers) and m.orphaned = false"
                + " order by m.layer.id, m.start, m.end, m.id")
                .setParameter("layers", layers.keySet()).getResultList()) {
            Object[] r = (Object[]) row;
            ExportRows.Mention mention = new ExportRows.Mention(id(r[0]), id(r[1]), (Integer) r[2], (Integer) r[3],
                    (String) r[4], (String) r[5], (String) r[6], r[7] == null ? null : id(r[7]), (String) r[8]);
            layers.get(mention.layerId()).mentions().add(mention);
        }

        for (Object row : em.createQuery("select c.id, c.layer.id, c.start, c.end, c.exact, c.prefix, c.suffix,"
                + " c.cueClass from Cue c where c.layer.id in (:layers) and c.orphaned = false order by c.layer.id, c.start, c.end, c.id")
                .setParameter("layers", layers.keySet()).getResultList()) {
            Object[] r = (Object[]) row;
            ExportRows.Cue cue = new ExportRows.Cue(id(r[0]), id(r[1]), (Integer) r[2], (Integer) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7]);
            layers.get(cue.layerId()).cues().add(cue);
        }

        // Hops by claim id, in slices: an IN list on the hop's own index (claim_id, position) stays
        // cheap on every database, where a join through claim.layer_id let H2 walk all hops in order.
        // Their mention and cue are the layer's own, read above: matched here, not joined again.
        List<Long> claimIds = new ArrayList<>(claims.keySet());
        List<Object[]> hopRows = new ArrayList<>();
        for (int from = 0; from < claimIds.size(); from += CLAIM_SLICE) {
            List<Long> slice = claimIds.subList(from, Math.min(claimIds.size(), from + CLAIM_SLICE));
            for (Object row : em.createQuery("select h.claim.id, h.position, s.id, s.name, s.type, s.country,"
                    + " h.mention.id, h.cue.id, h.relation, h.reliability"
                    + " from AttributionHop h join h.source s where h.claim.id in (:claims)")
                    .setParameter("claims", slice).getResultList()) {
                hopRows.add((Object[]) row);
            }
        }
        Map<Long, ExportRows.SpanRef> mentionRefs = new HashMap<>();
        Map<Long, ExportRows.CueRef> cueRefs = new HashMap<>();
        for (ExportRows.Layer layer : layers.values()) {
            for (ExportRows.Mention m : layer.mentions()) {
                mentionRefs.put(m.id(), new ExportRows.SpanRef(m.id(), m.start(), m.end(), m.exact()));
            }
            for (ExportRows.Cue cue : layer.cues()) {
                cueRefs.put(cue.id(), new ExportRows.CueRef(cue.id(), cue.start(), cue.end(), cue.exact(), cue.cueClass()));
            }
        }
        loadStrayRefs(hopRows, mentionRefs, cueRefs);
        for (Object[] r : hopRows) {
            ExportRows.Hop hop = new ExportRows.Hop(id(r[0]), (Integer) r[1], id(r[2]), (String) r[3],
                    (SourceType) r[4], (String) r[5], r[6] == null ? null : mentionRefs.get(id(r[6])),
                    r[7] == null ? null : cueRefs.get(id(r[7])), (String) r[8], (String) r[9]);
            claims.get(hop.claimId()).hops().add(hop);
        }
        for (ExportRows.Claim claim : claims.values()) {
            if (claim.hops().size() > 1) {
                claim.hops().sort(Comparator.comparingInt(ExportRows.Hop::position));
            }
        }
    }

    /** Per-item agreement for the claims of one page of documents ({@link ExportAgreements}). */
    public Map<Long, ExportRows.Agreement> agreements(List<ExportRows.Document> page) {
        return agreements.of(page);
    }

    /**
     * Creation and change times of the claims, mentions and cues of one page of documents, keyed
     * "claim:12", "mention:7", "cue:3" (three queries). Formats that carry them (W3C) ask for them per page.
     */
    public Map<String, ExportRows.Stamp> stamps(List<ExportRows.Document> page) {
        List<Long> layerIds = new ArrayList<>();
        for (ExportRows.Document d : page) {
            for (ExportRows.Layer l : d.layers()) {
                layerIds.add(l.id());
            }
        }
        Map<String, ExportRows.Stamp> out = new HashMap<>();
        if (layerIds.isEmpty()) {
            return out;
        }
        for (Object row : em.createQuery("select c.id, c.createdAt, c.updatedAt from Claim c where c.layer.id in (:layers)")
                .setParameter("layers", layerIds).getResultList()) {
            Object[] r = (Object[]) row;
            out.put("claim:" + id(r[0]), new ExportRows.Stamp((java.time.Instant) r[1], (java.time.Instant) r[2]));
        }
        for (String entity : List.of("Mention", "Cue")) {
            for (Object row : em.createQuery("select s.id, s.createdAt from " + entity + " s where s.layer.id in (:layers)")
                    .setParameter("layers", layerIds).getResultList()) {
                Object[] r = (Object[]) row;
                out.put(entity.toLowerCase(java.util.Locale.ROOT) + ":" + id(r[0]),
                        new ExportRows.Stamp((java.time.Instant) r[1], null));
            }
        }
        return out;
    }

    /** A hop pointing at a mention or cue of another layer (not expected, but not forbidden by the schema). */
    private void loadStrayRefs(List<Object[]> hopRows, Map<Long, ExportRows.SpanRef> mentionRefs,
            Map<Long, ExportRows.CueRef> cueRefs) {
        List<Long> mentions = new ArrayList<>();
        List<Long> cues = new ArrayList<>();
        for (Object[] r : hopRows) {
            if (r[6] != null && !mentionRefs.containsKey(id(r[6]))) {
                mentions.add(id(r[6]));
            }
            if (r[7] != null && !cueRefs.containsKey(id(r[7]))) {
                cues.add(id(r[7]));
            }
        }
        if (!mentions.isEmpty()) {
            for (Object row : em.createQuery("select m.id, m.start, m.end, m.exact from Mention m where m.id in (:ids)"
                    + " and m.orphaned = false")
                    .setParameter("ids", mentions).getResultList()) {
                Object[] r = (Object[]) row;
                mentionRefs.put(id(r[0]), new ExportRows.SpanRef(id(r[0]), (Integer) r[1], (Integer) r[2], (String) r[3]));
            }
        }
        if (!cues.isEmpty()) {
            for (Object row : em.createQuery("select c.id, c.start, c.end, c.exact, c.cueClass from Cue c where c.id in (:ids)"
                    + " and c.orphaned = false")
                    .setParameter("ids", cues).getResultList()) {
                Object[] r = (Object[]) row;
                cueRefs.put(id(r[0]), new ExportRows.CueRef(id(r[0]), (Integer) r[1], (Integer) r[2], (String) r[3],
                        (String) r[4]));
            }
        }
    }

    /** Restricts a query with alias {@code l} for Layer to the scope's layers. */
    private static String layerFilter(ExportScope scope) {
        return (scope.viewerId() != null ? " and " + LayerVisibility.jpql("l") : "")
                + (scope.goldOnly() ? " and l.kind = :gold" : "")
                + (scope.reviewersOnly() ? " and l.kind = :reviewer" : "");
    }

    private static Query bind(Query q, ExportScope scope) {
        if (scope.viewerId() != null) {
            LayerVisibility.bind(q, scope.viewerId());
        }
        if (scope.goldOnly()) {
            q.setParameter("gold", LayerKind.gold);
        }
        if (scope.reviewersOnly()) {
            q.setParameter("reviewer", LayerKind.reviewer);
        }
        return q;
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }
}
