package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.document.Document;
import dev.credence.history.ChangeAction;
import dev.credence.web.ConflictException;
import dev.credence.web.HttpUrls;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Claims with their attribution chains, in a reviewer's own layer or (for adjudication) in the gold layer: one
 * path for both, so a claim is validated, its hops resolved ({@link HopResolver}) and its change recorded in the
 * history the same way whoever writes it. The "…InLayer" methods are for callers that have checked the right to
 * write the layer themselves (review.adjudication for gold).
 *
 * <p>Write methods reload what they are given by id, so callers may pass entities loaded outside the transaction
 * (e.g. by {@link #requireClaim} in a resource method).
 */
@ApplicationScoped
public class ClaimService {
    @Inject
    EntityManager em;
    @Inject
    LayerService layers;
    @Inject
    HopResolver resolver;
    @Inject
    AnnotationHistory history;
    @Inject
    LabelSchemaService schemas;

    /**
     * The layer's claims in text order with hops, hop sources, mentions and cues, in one query
     * (plus a bounded number of batch loads for entities outside the persistence context).
     */
    public List<Claim> claims(Layer layer) {
        return claims(layer, false);
    }

    /**
     * As {@link #claims(Layer)}; {@code readOnly} for pages that only render them: Hibernate then keeps no
     * snapshot of the 1,000 claims and 2,000 hops for dirty checking. (No {@code distinct}: Hibernate 6
     * de-duplicates fetch-joined roots itself, and an SQL DISTINCT made H2 sort every joined row.)
     */
    public List<Claim> claims(Layer layer, boolean readOnly) {
        List<Claim> claims = em.createQuery("""
                select c from Claim c
                left join fetch c.hops h
                left join fetch h.source
                left join fetch h.mention m
                left join fetch m.source
                left join fetch h.cue
                where c.layer.id = ?1
                order by c.start, c.end, c.id""", Claim.class)
                .setParameter(1, layer.id)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, readOnly)
                .getResultList();
        for (Claim c : claims) {
            c.hops.sort(Comparator.comparingInt(h -> h.position));
        }
        return claims;
    }

    /** 404 unless the claim exists and is in the caller's own layer on a document of a project they belong to. */
    public Claim requireClaim(Long claimId, User user) {
        Claim c = claimId == null ? null : Claim.findById(claimId);
        if (c == null || !layers.ownsLayer(c.layer, user)) {
            throw new NotFoundException("No claim " + claimId);
        }
        return c;
    }

    /** A claim in the caller's own layer (created on first use). */
    @Transactional
    public Claim createClaim(Document doc, User user, ClaimInput in) {
        return create(layers.layerFor(doc, user), user, in);
    }

    /** A claim in the given layer (e.g. gold); the caller has checked the user's right to write that layer. */
    @Transactional
    public Claim createClaimInLayer(Layer target, User user, ClaimInput in) {
        return create(Layer.findById(target.id), user, in);
    }

    /** Replaces a claim of the caller's own layer; 409 when {@code expectedVersion} is not the stored one. */
    @Transactional
    public Claim updateClaim(Claim claim, User user, ClaimInput in, Long expectedVersion) {
        return update(requireClaim(claim.id, user), user, in, expectedVersion);
    }

    /** Replaces a claim of any layer; the caller has checked the user's right to write that layer. */
    @Transactional
    public Claim updateClaimInLayer(Claim claim, User user, ClaimInput in, Long expectedVersion) {
        Claim c = Claim.findById(claim.id);
        if (c == null) {
            throw new NotFoundException("No claim " + claim.id);
        }
        return update(c, user, in, expectedVersion);
    }

    @Transactional
    public void deleteClaim(Claim claim, User user) {
        Claim c = requireClaim(claim.id, user);
        LayerService.requireEditable(c.layer);
        remove(c, user);
    }

    /**
     * Stores a new claim and its hops (positions set) and records the creation: every new claim goes through here,
     * those built from a form or the API and adjudication's copies into gold alike.
     */
    public Claim insert(Claim c, List<AttributionHop> hops, User user) {
        c.persist();
        attachHops(c, hops);
        history.claim(user, c, ChangeAction.create, null, AnnotationHistory.snapshot(c));
        return c;
    }

    /** Deletes a claim of any layer with its hops, recorded in history; the caller has checked the right to. */
    public void remove(Claim c, User user) {
        history.claim(user, c, ChangeAction.delete, AnnotationHistory.snapshot(c), null);
        c.delete();
    }

    /** Moves the hop at {@code fromPosition} to {@code toPosition}; the others shift, positions stay 0..n-1. */
    @Transactional
    public Claim moveHop(Claim claim, User user, int fromPosition, int toPosition) {
        Claim c = requireClaim(claim.id, user);
        LayerService.requireEditable(c.layer);
        List<AttributionHop> hops = new ArrayList<>(c.hops);
        hops.sort(Comparator.comparingInt(h -> h.position));
        int n = hops.size();
        if (fromPosition < 0 || fromPosition >= n || toPosition < 0 || toPosition >= n) {
            throw new UnprocessableException("hop positions must be within 0.." + (n - 1) + " (got from "
                    + fromPosition + " to " + toPosition + ")");
        }
        if (fromPosition == toPosition) {
            return c;
        }
        var before = AnnotationHistory.snapshot(c);
        hops.add(toPosition, hops.remove(fromPosition));
        renumber(hops);
        c.hops.clear();
        c.hops.addAll(hops);
        c.updatedAt = Instant.now();
        history.claim(user, c, ChangeAction.update, before, AnnotationHistory.snapshot(c));
        return c;
    }

    // ---------------------------------------------------------------- internals

    private Claim create(Layer layer, User user, ClaimInput in) {
        LayerService.requireEditable(layer);
        Offsets.CodePointIndex text = Offsets.CodePointIndex.of(layer.document.text);
        Claim c = new Claim();
        c.layer = layer;
        c.createdAt = Instant.now();
        applyFields(c, text, in);
        List<AttributionHop> hops = resolver.resolve(layer, text, in.hops(), user);
        return insert(c, hops, user);
    }

    private Claim update(Claim c, User user, ClaimInput in, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != c.version) {
            throw new ConflictException("claim " + c.id + " was changed by someone else (version " + c.version
                    + ", you sent " + expectedVersion + "); reload it and try again");
        }
        Layer layer = c.layer;
        LayerService.requireEditable(layer);
        var before = AnnotationHistory.snapshot(c);
        Offsets.CodePointIndex text = Offsets.CodePointIndex.of(layer.document.text);
        applyFields(c, text, in);
        List<AttributionHop> hops = resolver.resolve(layer, text, in.hops(), user);
        replaceHops(c, hops);
        em.flush(); // the answer carries the new version, which the flush assigns
        history.claim(user, c, ChangeAction.update, before, AnnotationHistory.snapshot(c));
        return c;
    }

    private void applyFields(Claim c, Offsets.CodePointIndex text, ClaimInput in) {
        if (in == null) {
            throw new UnprocessableException("claim: body required");
        }
        // An orphan's own (earlier revision's) offsets sent back: its fields change, it stays orphaned.
        boolean staysOrphaned = c.orphaned && c.id != null && Objects.equals(in.start(), c.start)
                && Objects.equals(in.end(), c.end);
        if (!staysOrphaned) {
            SpanPlacement.place(c, text, new SpanInput(in.start(), in.end()), "claim");
        }
        LabelSchema schema = schemas.of(c.layer.document.project);
        c.kind = schema.require(LabelField.kind, "kind", in.kind());
        c.stance = schema.require(LabelField.stance, "stance", in.stance());
        c.checkWorthy = in.checkWorthy();
        if (in.credibility() != null && (in.credibility() < 1 || in.credibility() > 6)) {
            throw new UnprocessableException("credibility: " + in.credibility() + " is not within 1..6");
        }
        c.credibility = in.credibility();
        c.rationale = blankToNull(in.rationale());
        if (c.rationale != null && c.rationale.length() > 4000) {
            throw new UnprocessableException("rationale: at most 4000 characters");
        }
        c.evidenceUrl = HttpUrls.require(in.evidenceUrl(), "evidenceUrl");
        c.updatedAt = Instant.now();
    }

    private static void attachHops(Claim c, List<AttributionHop> hops) {
        for (AttributionHop h : hops) {
            h.claim = c;
            c.hops.add(h);
            h.persist();
        }
    }

    /**
     * Makes the claim's chain {@code hops} (positions 0..n-1), reusing the stored hop at each position: an
     * edit that leaves the chain as it was (the common case: credibility, rationale) writes no hop row,
     * a changed hop is one update, and only a longer or shorter chain inserts or deletes. Positions of kept
     * rows never change here, so uq_hop_position holds at every statement.
     */
    private static void replaceHops(Claim c, List<AttributionHop> hops) {
        List<AttributionHop> old = new ArrayList<>(c.hops);
        old.sort(Comparator.comparingInt(h -> h.position));
        int kept = Math.min(old.size(), hops.size());
        for (int i = 0; i < kept; i++) {
            AttributionHop o = old.get(i);
            AttributionHop n = hops.get(i);
            o.source = n.source;
            o.mention = n.mention;
            o.cue = n.cue;
            o.relation = n.relation;
            o.reliability = n.reliability;
        }
        c.hops.removeAll(old.subList(kept, old.size())); // a shorter chain: nothing is inserted then
        attachHops(c, hops.subList(kept, hops.size())); // a longer chain: nothing is deleted then
    }

    /** Renumbers through temporary negative positions so no intermediate state breaks uq_hop_position. */
    private void renumber(List<AttributionHop> hops) {
        for (int i = 0; i < hops.size(); i++) {
            hops.get(i).position = -1 - i;
        }
        em.flush();
        for (int i = 0; i < hops.size(); i++) {
            hops.get(i).position = i;
        }
        em.flush();
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
