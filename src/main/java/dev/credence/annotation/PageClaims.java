package dev.credence.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of a layer as the document page's list shows them, and nothing more (issue 10, item 5): two
 * projection queries (the claims' own columns, then every hop's position, source name, grade and relation),
 * no entities, so Hibernate builds no 1,000 claims, 2,000 hops and their sources, mentions and cues, and keeps
 * nothing in the session. The long texts a claim carries (rationale, prefix, suffix) are not read.
 */
@ApplicationScoped
public class PageClaims {
    @Inject
    EntityManager em;

    /** One hop of a claim's chain: where the claim came from, and how. */
    public record Hop(int position, String source, String reliability, String relation) {
        /** The relation a reader assumes (the originator asserts, later hops report): shown only to screen readers. */
        public boolean defaultRelation() {
            return position == 0 ? Relation.asserts.name().equals(relation) : Relation.reports.name().equals(relation);
        }

        /** "leaked via" rather than "leaked_via". */
        public String relationLabel() {
            return relation == null ? "" : relation.replace('_', ' ');
        }
    }

    /** A claim as listed: its text, state and judgement, and its hops, originator first. */
    public record Row(long id, int start, int end, String exact, boolean orphaned, Integer orphanedRevision,
            Integer credibility, String kind, String stance, Boolean checkWorthy, List<Hop> hops) {
        public boolean anchored() {
            return !orphaned;
        }
    }

    /** The layer's claims in text order (start, end, id), as {@link AnnotationService#claims(Layer)} orders them. */
    public List<Row> of(Layer layer) {
        List<Object[]> hopRows = em.createQuery("""
                select h.claim.id, h.position, s.name, h.reliability, h.relation
                from AttributionHop h join h.source s
                where h.claim.layer.id = ?1""", Object[].class)
                .setParameter(1, layer.id).getResultList();
        Map<Long, List<Hop>> hops = new HashMap<>(hopRows.size());
        for (Object[] r : hopRows) {
            hops.computeIfAbsent((Long) r[0], k -> new ArrayList<>(2))
                    .add(new Hop((Integer) r[1], (String) r[2], (String) r[3], (String) r[4]));
        }
        for (List<Hop> list : hops.values()) {
            list.sort((a, b) -> Integer.compare(a.position(), b.position()));
        }
        List<Object[]> claimRows = em.createQuery("""
                select c.id, c.start, c.end, c.exact, c.orphaned, c.orphanedRevision, c.credibility, c.kind,
                       c.stance, c.checkWorthy
                from Claim c where c.layer.id = ?1
                order by c.start, c.end, c.id""", Object[].class)
                .setParameter(1, layer.id).getResultList();
        List<Row> out = new ArrayList<>(claimRows.size());
        for (Object[] r : claimRows) {
            Long id = (Long) r[0];
            out.add(new Row(id, (Integer) r[1], (Integer) r[2], (String) r[3], (Boolean) r[4], (Integer) r[5],
                    (Integer) r[6], (String) r[7], (String) r[8], (Boolean) r[9], hops.getOrDefault(id, List.of())));
        }
        return out;
    }
}
