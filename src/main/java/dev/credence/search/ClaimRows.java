package dev.credence.search;

import dev.credence.annotation.AttributionChain;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a result list shows of a claim, read in two queries for a page of hits: the claim and its chain. */
public final class ClaimRows {
    private ClaimRows() {
    }

    public record Row(long id, long documentId, String documentTitle, Integer credibility, String kind, String state,
            String reviewer, String chain, String exact) {
    }

    public static List<Row> load(EntityManager em, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ProjectSearch.join(ids);
        Map<Long, List<String>> chains = new HashMap<>();
        for (Object o : em.createNativeQuery("select h.claim_id, s.name from attribution_hop h join source s on s.id = h.source_id"
                + " where h.claim_id in (" + in + ") order by h.claim_id, h.position desc").getResultList()) {
            Object[] h = (Object[]) o;
            chains.computeIfAbsent(((Number) h[0]).longValue(), k -> new ArrayList<>()).add((String) h[1]);
        }
        List<Row> out = new ArrayList<>();
        for (Object o : em.createNativeQuery("select c.id, d.id, d.title, c.credibility, c.kind, l.state, l.kind, u.username,"
                + " c.exact_text from claim c join layer l on l.id = c.layer_id join document d on d.id = l.document_id"
                + " left join app_user u on u.id = l.owner_id where c.id in (" + in + ")").getResultList()) {
            Object[] r = (Object[]) o;
            long id = ((Number) r[0]).longValue();
            List<String> chain = chains.get(id);
            out.add(new Row(id, ((Number) r[1]).longValue(), (String) r[2], r[3] == null ? null : ((Number) r[3]).intValue(),
                    (String) r[4], (String) r[5], "gold".equals(r[6]) ? "gold" : (String) r[7],
                    chain == null ? "" : AttributionChain.outletFirst(chain), (String) r[8]));
        }
        return out;
    }
}
