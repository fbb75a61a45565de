package dev.credence.review.adjudication;

import dev.credence.account.User;
import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimInput;
import dev.credence.annotation.ClaimService;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Mention;
import dev.credence.document.Document;
import dev.credence.project.Membership;
import dev.credence.project.ProjectRole;
import dev.credence.review.matching.ClaimAlignment;
import dev.credence.web.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adjudication: an adjudicator (or manager) compares the submitted reviewer layers of a document and
 * settles them into the document's gold layer (kind gold, owner null). Starting adjudication needs at
 * least one reviewer layer and every reviewer layer submitted; it copies the agreed items into gold.
 */
@ApplicationScoped
public class AdjudicationService {
    static final String NOT_SUBMITTED = "every reviewer layer must be submitted before adjudication starts";

    @Inject
    EntityManager em;
    @Inject
    ClaimService claims;
    @Inject
    GoldCopy copies;
    @Inject
    MarkAdjudication marks;
    @Inject
    dev.credence.annotation.AnnotationHistory history;

    /** The outcome of {@link #start}: {@code created} false when gold already existed (nothing merged then). */
    public record Started(Layer gold, boolean created, int merged, int disagreements) {
    }

    /** One item of the side-by-side view: reviewer versions, the gold claims in it, and what differs. */
    public record Item(int index, ClaimAlignment.Cluster cluster, boolean agreed, List<Claim> gold,
            java.util.Set<ClaimAlignment.Field> differs) {
    }

    // ---------------------------------------------------------------- access

    /** 404 unless the user belongs to the document's project; 403 unless adjudicator or manager. */
    public Membership requireAdjudicator(Document doc, User user) {
        Membership m = user == null ? null : Membership.of(doc.project, user).orElse(null);
        if (m == null) {
            throw new NotFoundException("No document " + doc.id);
        }
        if (m.role != ProjectRole.adjudicator && m.role != ProjectRole.manager) {
            throw new ForbiddenException("Needs role adjudicator or manager in project " + doc.project.id);
        }
        return m;
    }

    public static boolean canAdjudicate(Membership m) {
        return m != null && (m.role == ProjectRole.adjudicator || m.role == ProjectRole.manager);
    }

    public Optional<Layer> gold(Document doc) {
        return Layer.find("document.id = ?1 and kind = ?2", doc.id, LayerKind.gold).firstResultOptional();
    }

    /** The gold layer for writing: 403/404 as {@link #requireAdjudicator}, 409 before adjudication started. */
    public Layer requireGold(Document doc, User user) {
        requireAdjudicator(doc, user);
        return gold(doc).orElseThrow(() -> new ConflictException(
                "adjudication of document " + doc.id + " has not started: POST /api/v1/documents/" + doc.id + "/gold"));
    }

    /** A gold claim the user may change: 404 if missing or not visible, 403 for reviewers. */
    public Claim requireGoldClaim(Long claimId, User user) {
        Claim c = claimId == null ? null : Claim.findById(claimId);
        if (c == null || c.layer.kind != LayerKind.gold) {
            throw new NotFoundException("No claim " + claimId);
        }
        requireAdjudicator(c.layer.document, user);
        return c;
    }

    public List<Layer> reviewerLayers(Document doc) {
        return Layer.list("document.id = ?1 and kind = ?2 order by owner.username, id", doc.id, LayerKind.reviewer);
    }

    // ---------------------------------------------------------------- start and finish

    /**
     * Creates the gold layer and copies every agreed item into it; 409 unless at least one reviewer layer
     * exists and all are submitted. Idempotent: an existing gold layer is returned unchanged.
     */
    @Transactional
    public Started start(Document document, User user) {
        Document doc = em.find(Document.class, document.id, LockModeType.PESSIMISTIC_WRITE);
        requireAdjudicator(doc, user);
        Optional<Layer> existing = gold(doc);
        if (existing.isPresent()) {
            return new Started(existing.get(), false, 0, 0);
        }
        List<Layer> reviewers = reviewerLayers(doc);
        if (reviewers.isEmpty() || reviewers.stream().anyMatch(l -> l.state != LayerState.submitted)) {
            throw new ConflictException(NOT_SUBMITTED + " (" + reviewers.stream()
                    .filter(l -> l.state == LayerState.submitted).count() + " of " + reviewers.size() + " submitted)");
        }
        Layer gold = new Layer();
        gold.document = doc;
        gold.kind = LayerKind.gold;
        gold.state = LayerState.in_progress;
        gold.updatedAt = Instant.now();
        gold.persist();
        List<Long> layerIds = reviewers.stream().map(l -> l.id).toList();
        Map<Long, Claim> byId = new HashMap<>();
        List<ClaimAlignment.Version> versions = new ArrayList<>();
        for (Layer l : reviewers) {
            for (Claim c : claims.claims(l)) {
                if (c.orphaned) {
                    continue; // its offsets are an earlier revision's: it waits for its reviewer to re-place it
                }
                byId.put(c.id, c);
                versions.add(version(c));
            }
        }
        int merged = 0;
        int disagreements = 0;
        for (ClaimAlignment.Cluster cluster : ClaimAlignment.cluster(versions)) {
            if (cluster.agreed(layerIds)) {
                copies.claim(byId.get(cluster.versions().get(0).claimId()), gold, user);
                merged++;
            } else {
                disagreements++;
            }
        }
        for (MarkAdjudication.MarkItem item : marks.items(doc, gold)) {
            if (item.agreed() && item.gold().isEmpty()) {
                marks.copy(item.kind(), item.item().versions().get(0).id(), gold, user);
                merged++;
            } else if (!item.agreed()) {
                disagreements++;
            }
        }
        return new Started(gold, true, merged, disagreements);
    }

    /**
     * Submits the gold layer: the document is adjudicated (read-only until reopened). With items still open
     * (nothing in gold for them) it refuses with {@link OpenItemsException} unless {@code confirmed}.
     */
    @Transactional
    public Layer finish(Document doc, User user, boolean confirmed) {
        Layer gold = Layer.findById(requireGold(doc, user).id);
        if (gold.state == LayerState.submitted) {
            return gold;
        }
        long open = openItems(doc);
        if (open > 0 && !confirmed) {
            throw new OpenItemsException(open);
        }
        gold.state = LayerState.submitted;
        gold.updatedAt = Instant.now();
        history.layer(user, gold, dev.credence.history.ChangeAction.submit, LayerState.in_progress);
        return gold;
    }

    @Transactional
    public Layer reopen(Document doc, User user) {
        Layer gold = Layer.findById(requireGold(doc, user).id);
        if (gold.state != LayerState.submitted) {
            return gold;
        }
        gold.state = LayerState.in_progress;
        gold.updatedAt = Instant.now();
        history.layer(user, gold, dev.credence.history.ChangeAction.reopen, LayerState.submitted);
        return gold;
    }

    /** Items (claims, mentions, cues) with nothing in gold yet. */
    public long openItems(Document doc) {
        if (gold(doc).isEmpty()) {
            return 0;
        }
        return items(doc).stream().filter(i -> i.gold().isEmpty()).count()
                + marks.items(doc).stream().filter(i -> i.gold().isEmpty()).count();
    }

    /**
     * Copies every item all reviewers agree on (claims, mentions, cues) that has nothing in gold yet,
     * e.g. after "Undo merge" or for layers reopened and resubmitted. Answers how many were copied.
     */
    @Transactional
    public int acceptUnanimous(Document doc, User user) {
        Layer gold = editableGold(doc, user);
        List<Long> layerIds = reviewerLayers(doc).stream().map(l -> l.id).toList();
        int n = 0;
        for (Item item : items(doc)) {
            if (item.agreed() && item.gold().isEmpty()) {
                copies.claim(Claim.findById(item.cluster().versions().get(0).claimId()), gold, user);
                n++;
            }
        }
        em.flush();
        for (MarkAdjudication.MarkItem item : marks.items(doc, gold)) {
            if (item.item().agreed(layerIds) && item.gold().isEmpty()) {
                marks.copy(item.kind(), item.item().versions().get(0).id(), gold, user);
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- items

    /** The document's items: reviewer claims clustered by overlap, each with the gold claims that overlap it. */
    public List<Item> items(Document doc) {
        List<Layer> reviewers = reviewerLayers(doc);
        List<Long> layerIds = reviewers.stream().map(l -> l.id).toList();
        List<ClaimAlignment.Version> versions = new ArrayList<>();
        for (Layer l : reviewers) {
            for (Claim c : claims.claims(l)) {
                if (c.orphaned) {
                    continue;
                }
                versions.add(version(c));
            }
        }
        List<Claim> gold = gold(doc).map(claims::claims).orElse(List.of()).stream().filter(Claim::anchored)
                .toList();
        List<Item> items = new ArrayList<>();
        List<Claim> placed = new ArrayList<>();
        for (ClaimAlignment.Cluster cluster : ClaimAlignment.cluster(versions)) {
            List<Claim> inGold = gold.stream().filter(g -> g.start < cluster.end() && cluster.start() < g.end)
                    .filter(g -> !placed.contains(g)).toList();
            placed.addAll(inGold);
            items.add(new Item(items.size(), cluster, cluster.agreed(layerIds), inGold,
                    ClaimAlignment.differences(cluster.versions())));
        }
        // Gold claims the adjudicator wrote on spans no reviewer marked are items of their own.
        for (Claim g : gold) {
            if (!placed.contains(g)) {
                items.add(new Item(items.size(), new ClaimAlignment.Cluster(g.start, g.end, List.of()), false,
                        List.of(g), java.util.Set.of()));
            }
        }
        items.sort(java.util.Comparator.comparingInt(i -> i.cluster().start()));
        List<Item> numbered = new ArrayList<>();
        for (Item i : items) {
            numbered.add(new Item(numbered.size(), i.cluster(), i.agreed(), i.gold(), i.differs()));
        }
        return numbered;
    }

    // ---------------------------------------------------------------- gold writes

    /**
     * Copies a reviewer's claim into gold, replacing the gold claims that overlap it (accepting another
     * reviewer's version of the same item switches to it).
     */
    @Transactional
    public Claim accept(Document doc, User user, Long reviewerClaimId) {
        Layer gold = editableGold(doc, user);
        Claim source = Claim.findById(reviewerClaimId);
        if (source == null || source.layer.kind != LayerKind.reviewer || !source.layer.document.id.equals(doc.id)) {
            throw new NotFoundException("No reviewer claim " + reviewerClaimId + " on document " + doc.id);
        }
        for (Claim g : Claim.<Claim>list("layer.id = ?1 and start < ?2 and end > ?3 and orphaned = false", gold.id, source.end,
                source.start)) {
            claims.remove(g, user);
        }
        em.flush();
        return copies.claim(source, gold, user);
    }

    @Transactional
    public Claim createGoldClaim(Document doc, User user, ClaimInput in) {
        Layer gold = editableGold(doc, user);
        return claims.createClaimInLayer(gold, user, in);
    }

    @Transactional
    public Claim updateGoldClaim(Claim claim, User user, ClaimInput in, Long expectedVersion) {
        Claim c = requireGoldClaim(claim.id, user);
        requireOpen(c.layer);
        return claims.updateClaimInLayer(c, user, in, expectedVersion);
    }

    @Transactional
    public void deleteGoldClaim(Claim claim, User user) {
        Claim c = requireGoldClaim(claim.id, user);
        requireOpen(c.layer);
        c.layer.updatedAt = Instant.now();
        claims.remove(c, user);
    }

    // ---------------------------------------------------------------- internals

    Layer editableGold(Document doc, User user) {
        Layer gold = Layer.findById(requireGold(doc, user).id);
        requireOpen(gold);
        return gold;
    }

    private static void requireOpen(Layer gold) {
        if (gold.state == LayerState.submitted) {
            throw new ConflictException("gold layer submitted; reopen adjudication first");
        }
        gold.updatedAt = Instant.now();
    }

    static ClaimAlignment.Version version(Claim c) {
        List<ClaimAlignment.HopKey> hops = new ArrayList<>();
        for (AttributionHop h : c.hops) {
            hops.add(new ClaimAlignment.HopKey(h.source.id, h.relation, h.reliability));
        }
        return new ClaimAlignment.Version(c.id, c.layer.id, c.start, c.end, c.kind,
                c.stance, c.credibility, hops);
    }
}
