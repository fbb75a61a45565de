package dev.credence.exchange;

import dev.credence.annotation.LayerKind;
import dev.credence.review.matching.ClaimAlignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The agreement columns of an export: what the reviewer layers say about each exported claim's item. */
@ApplicationScoped
class ExportAgreements {
    @Inject
    EntityManager em;

    /**
     * Per-item agreement for the claims of one page of documents: the reviewer layers' claims (with their
     * hops) are read for these documents only, clustered per document, and every exported claim is mapped
     * to the item it overlaps. Two queries per page plus one hop query per 1,000 reviewer claims.
     */
    public Map<Long, ExportRows.Agreement> of(List<ExportRows.Document> page) {
        Map<Long, ExportRows.Agreement> out = new HashMap<>();
        if (page.isEmpty()) {
            return out;
        }
        List<Long> docIds = page.stream().map(ExportRows.Document::id).toList();
        Map<Long, List<Long>> layersByDoc = new HashMap<>();
        for (Object row : em.createQuery("select l.id, l.document.id from Layer l where l.document.id in (:documents)"
                + " and l.kind = :reviewer").setParameter("documents", docIds)
                .setParameter("reviewer", LayerKind.reviewer).getResultList()) {
            Object[] r = (Object[]) row;
            layersByDoc.computeIfAbsent(id(r[1]), k -> new ArrayList<>()).add(id(r[0]));
        }
        Map<Long, Object[]> claimRows = new HashMap<>();
        Map<Long, List<ClaimAlignment.HopKey>> hopsOf = new HashMap<>();
        List<Long> layerIds = layersByDoc.values().stream().flatMap(List::stream).toList();
        if (!layerIds.isEmpty()) {
            for (Object row : em.createQuery("select c.id, c.layer.id, c.start, c.end, c.kind, c.stance, c.credibility,"
                    + " c.layer.document.id from Claim c where c.layer.id in (:layers) and c.orphaned = false")
                    .setParameter("layers", layerIds).getResultList()) {
                Object[] r = (Object[]) row;
                claimRows.put(id(r[0]), r);
            }
            List<Long> claimIds = new ArrayList<>(claimRows.keySet());
            List<Object[]> hopRows = new ArrayList<>();
            for (int from = 0; from < claimIds.size(); from += ExportReader.CLAIM_SLICE) {
                List<Long> slice = claimIds.subList(from, Math.min(claimIds.size(), from + ExportReader.CLAIM_SLICE));
                for (Object row : em.createQuery("select h.claim.id, h.position, h.source.id, h.relation, h.reliability"
                        + " from AttributionHop h where h.claim.id in (:claims)").setParameter("claims", slice)
                        .getResultList()) {
                    hopRows.add((Object[]) row);
                }
            }
            hopRows.sort(Comparator.comparingInt(r -> (Integer) r[1]));
            for (Object[] r : hopRows) {
                hopsOf.computeIfAbsent(id(r[0]), k -> new ArrayList<>())
                        .add(new ClaimAlignment.HopKey(id(r[2]), (String) r[3], (String) r[4]));
            }
        }
        Map<Long, List<ClaimAlignment.Version>> versionsByDoc = new HashMap<>();
        for (Object[] r : claimRows.values()) {
            versionsByDoc.computeIfAbsent(id(r[7]), k -> new ArrayList<>()).add(new ClaimAlignment.Version(id(r[0]),
                    id(r[1]), (Integer) r[2], (Integer) r[3], (String) r[4],
                    (String) r[5], (Integer) r[6],
                    hopsOf.getOrDefault(id(r[0]), List.of())));
        }
        for (ExportRows.Document d : page) {
            List<Long> reviewerLayers = layersByDoc.getOrDefault(d.id(), List.of());
            List<ClaimAlignment.Cluster> clusters = ClaimAlignment.cluster(versionsByDoc.getOrDefault(d.id(), List.of()));
            for (ExportRows.Layer layer : d.layers()) {
                for (ExportRows.Claim c : layer.claims()) {
                    ClaimAlignment.Cluster item = null;
                    for (ClaimAlignment.Cluster cl : clusters) {
                        if (cl.start() < c.end() && c.start() < cl.end()) {
                            item = cl;
                            break;
                        }
                    }
                    out.put(c.id(), item == null ? new ExportRows.Agreement(reviewerLayers.size(), 0, false)
                            : new ExportRows.Agreement(reviewerLayers.size(), item.matched(reviewerLayers),
                                    item.agreed(reviewerLayers)));
                }
            }
        }
        return out;
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }
}
