package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.source.AttributedClaim;
import dev.credence.source.AttributedClaims;
import dev.credence.source.Source;
import dev.credence.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The claims attributed to a registry source, for source's pages and API ({@link AttributedClaims}). */
@ApplicationScoped
public class AttributedClaimQueries implements AttributedClaims {
    /** The layer {@code l} is visible to the viewer: the one rule, {@link LayerVisibility}. */
    static final String LAYER_VISIBLE = LayerVisibility.jpql("l");

    @Inject
    EntityManager em;

    @Override
    public Map<Long, Long> countsBySource(Collection<Long> sourceIds, User viewer) {
        Map<Long, Long> counts = new HashMap<>();
        LayerVisibility.bind(em.createQuery("select h.source.id, count(distinct c.id) from AttributionHop h join h.claim c join c.layer l"
                + " join l.document d where h.source.id in :ids and " + LAYER_VISIBLE + " group by h.source.id", Object[].class), viewer.id)
                .setParameter("ids", sourceIds).getResultList()
                .forEach(r -> counts.put((Long) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    @Override
    public long count(Source s, User viewer) {
        return LayerVisibility.bind(em.createQuery("select count(distinct c.id) from AttributionHop h join h.claim c join c.layer l"
                + " join l.document d where h.source = :s and " + LAYER_VISIBLE, Long.class), viewer.id)
                .setParameter("s", s).getSingleResult();
    }

    /**
     * Two queries for the page (hops with claim, layer, document, project; then the claims' full chains), plus a
     * count: never one per claim.
     */
    @Override
    public Page<AttributedClaim> page(Source s, User viewer, int page, int size) {
        String from = " from AttributionHop h join h.claim c join c.layer l join l.document d"
                + " where h.source = :s and " + LAYER_VISIBLE;
        long total = LayerVisibility.bind(em.createQuery("select count(h)" + from, Long.class), viewer.id)
                .setParameter("s", s).getSingleResult();
        int current = Page.clamp(page, total, size);
        List<AttributionHop> hops = LayerVisibility.bind(em.createQuery("select h from AttributionHop h join fetch h.claim c join fetch c.layer l"
                + " join fetch l.document d join fetch d.project where h.source = :s and " + LAYER_VISIBLE
                + " order by d.createdAt desc, d.id desc, c.start, c.id, h.position", AttributionHop.class), viewer.id)
                .setParameter("s", s)
                .setFirstResult(current * size).setMaxResults(size).getResultList();
        if (!hops.isEmpty()) {
            // Initialises claim.hops (and each hop's source) for chain() in one query.
            em.createQuery("select distinct c from Claim c left join fetch c.hops ch left join fetch ch.source"
                    + " where c.id in :ids", Claim.class)
                    .setParameter("ids", hops.stream().map(h -> h.claim.id).distinct().toList()).getResultList();
        }
        List<AttributedClaim> items = hops.stream().map(AttributedClaimQueries::of).toList();
        return new Page<>(items, total, current, size);
    }

    private static AttributedClaim of(AttributionHop h) {
        Claim c = h.claim;
        var d = c.layer.document;
        return new AttributedClaim(new AttributedClaim.Hop(h.position, h.relation, h.reliability),
                new AttributedClaim.ClaimRef(c.id, c.exact, c.chain(), c.credibility),
                new AttributedClaim.DocumentRef(d.id, d.title, d.project));
    }
}
