package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.history.ChangeAction;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.project.ProjectRole;
import dev.credence.web.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reviewer's own layer on a document: created on first use (taking a free reviewer slot), submitted and
 * reopened, and the rules every write in it obeys (only its owner writes it; a submitted layer is read-only).
 */
@ApplicationScoped
public class LayerService {
    static final String SUBMITTED = "layer submitted; reopen it first";

    /**
     * How stale a layer's {@code updatedAt} may get while its reviewer keeps saving: a layer already in
     * progress is touched again only when its last touch is older than this, so a burst of saves does not
     * rewrite (and re-version) the layer row on every save. A state change always writes it.
     */
    static final Duration LAYER_TOUCH_PRECISION = Duration.ofSeconds(30);

    @Inject
    EntityManager em;
    @Inject
    AnnotationHistory history;

    /** How many claims, mentions and cues a layer holds. */
    public record Counts(long claims, long mentions, long cues) {
    }

    /**
     * The caller's reviewer layer on the document, created (state assigned) on first use. 404 for non-members.
     * A member with the reviewer role gets a layer only while the document has a free reviewer slot
     * (409 otherwise): annotating without an assignment takes a slot like "Next document" does.
     */
    @Transactional
    public Layer layerFor(Document doc, User user) {
        Document d = requireMember(doc, user);
        return Layer.ofReviewer(d, user).orElseGet(() -> {
            requireFreeSlot(d, user);
            return newReviewerLayer(d, user);
        });
    }

    /** The caller's reviewer layer if it exists; never creates one. 404 for non-members. */
    public Optional<Layer> findLayer(Document doc, User user) {
        Document d = requireMember(doc, user);
        return Layer.ofReviewer(d, user);
    }

    /**
     * A new reviewer layer of {@code user} on the document, state assigned: how annotating without an assignment
     * and every assignment (review.assignment) create one. The caller has checked the slot.
     */
    public static Layer newReviewerLayer(Document d, User user) {
        Layer l = new Layer();
        l.document = d;
        l.owner = User.findById(user.id);
        l.kind = LayerKind.reviewer;
        l.state = LayerState.assigned;
        l.updatedAt = Instant.now();
        l.persist();
        return l;
    }

    @Transactional
    public void submit(Layer layer, User user) {
        Layer l = requireOwnLayer(layer.id, user);
        LayerState was = l.state;
        l.state = LayerState.submitted;
        l.updatedAt = Instant.now();
        history.layer(user, l, ChangeAction.submit, was);
    }

    @Transactional
    public void reopen(Layer layer, User user) {
        Layer l = requireOwnLayer(layer.id, user);
        if (l.state == LayerState.submitted) {
            l.state = LayerState.in_progress;
            l.updatedAt = Instant.now();
            history.layer(user, l, ChangeAction.reopen, LayerState.submitted);
        }
    }

    public Counts counts(Layer layer) {
        return new Counts(Claim.count("layer.id", layer.id), Mention.count("layer.id", layer.id),
                Cue.count("layer.id", layer.id));
    }

    /** The caller owns this reviewer layer and still belongs to its project. */
    boolean ownsLayer(Layer layer, User user) {
        return user != null && layer.kind == LayerKind.reviewer && layer.owner != null
                && Objects.equals(layer.owner.id, user.id)
                && Membership.of(layer.document.project, user).isPresent();
    }

    /** 409 on a submitted layer; otherwise marks it in progress and touched (within LAYER_TOUCH_PRECISION). */
    static void requireEditable(Layer layer) {
        if (layer.state == LayerState.submitted) {
            throw new ConflictException(SUBMITTED);
        }
        Instant now = Instant.now();
        if (layer.state != LayerState.in_progress || layer.updatedAt == null
                || layer.updatedAt.isBefore(now.minus(LAYER_TOUCH_PRECISION))) {
            layer.state = LayerState.in_progress;
            layer.updatedAt = now;
        }
    }

    private void requireFreeSlot(Document d, User user) {
        boolean reviewer = Membership.of(d.project, User.findById(user.id))
                .map(m -> m.role == ProjectRole.reviewer).orElse(false);
        if (!reviewer) {
            return;
        }
        // Same lock as assignment (the project row), so a concurrent "Next document" cannot take the slot too.
        Project p = em.find(Project.class, d.project.id,
                LockModeType.PESSIMISTIC_WRITE, Map.of("jakarta.persistence.lock.timeout", 10_000));
        long taken = Layer.count("document = ?1 and kind = ?2", d, LayerKind.reviewer);
        if (taken >= p.reviewersPerDocument) {
            throw new ConflictException("This document already has its " + p.reviewersPerDocument
                    + " reviewer(s): ask a manager to assign it to you, or use \"Next document\".");
        }
    }

    private Document requireMember(Document doc, User user) {
        Document d = doc == null || doc.id == null ? null : Document.findById(doc.id);
        if (d == null || user == null || Membership.of(d.project, user).isEmpty()) {
            throw new NotFoundException("No document " + (doc == null ? null : doc.id));
        }
        return d;
    }

    private Layer requireOwnLayer(Long layerId, User user) {
        Layer l = layerId == null ? null : Layer.findById(layerId);
        if (l == null || !ownsLayer(l, user)) {
            throw new NotFoundException("No layer " + layerId);
        }
        return l;
    }
}
