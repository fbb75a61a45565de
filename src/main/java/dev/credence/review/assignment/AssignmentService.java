package dev.credence.review.assignment;

import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerService;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Mention;
import dev.credence.document.Document;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.web.ConflictException;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who reviews which document. Assigning a document to someone is creating their reviewer layer
 * in state {@code assigned}; a document needs {@link Project#reviewersPerDocument} reviewer layers.
 *
 * <p>Every write that fills a slot first takes a pessimistic write lock on the project row
 * ({@code select ... for update}, the same on H2 and PostgreSQL) and counts again inside the
 * transaction, so two reviewers pressing "Next document" at once never take the same last slot.
 * The unique constraint on (document, owner, kind) backs it up for one person pressing twice.
 */
@ApplicationScoped
public class AssignmentService {
    /** How long to wait for the project lock before giving up (ms); assignments hold it for milliseconds. */
    static final int LOCK_TIMEOUT_MS = 10_000;

    @Inject
    EntityManager em;

    /**
     * The caller's next document: their oldest assigned-but-not-submitted layer if they have one,
     * else the oldest document that still needs reviewers and that they have no layer on, which is
     * then assigned to them. Empty when nothing is left.
     */
    @Transactional
    public Optional<Document> next(Project project, User user) {
        Project locked = lock(project);
        Optional<Document> open = em.createQuery("""
                select l.document from Layer l
                where l.document.project = ?1 and l.owner = ?2 and l.kind = ?3 and l.state <> ?4
                order by l.document.createdAt, l.document.id""", Document.class)
                .setParameter(1, locked).setParameter(2, user).setParameter(3, LayerKind.reviewer)
                .setParameter(4, LayerState.submitted).setMaxResults(1).getResultStream().findFirst();
        if (open.isPresent()) {
            return open;
        }
        Optional<Document> free = em.createQuery("""
                select d from Document d
                where d.project = ?1
                  and not exists (select 1 from Layer o where o.document = d and o.owner = ?2 and o.kind = ?3)
                  and not exists (select 1 from Layer g where g.document = d and g.kind = ?4)
                  and (select count(r) from Layer r where r.document = d and r.kind = ?3) < ?5
                order by d.createdAt, d.id""", Document.class)
                .setParameter(1, locked).setParameter(2, user).setParameter(3, LayerKind.reviewer)
                .setParameter(4, LayerKind.gold).setParameter(5, (long) locked.reviewersPerDocument)
                .setMaxResults(1).getResultStream().findFirst();
        free.ifPresent(d -> LayerService.newReviewerLayer(d, user));
        return free;
    }

    /** "Take this document": the caller takes a free slot on this document. 409 when none is left. */
    @Transactional
    public Layer take(Document document, User user) {
        Document d = Document.findById(document.id);
        Project locked = lock(d.project);
        Optional<Layer> own = Layer.ofReviewer(d, user);
        if (own.isPresent()) {
            return own.get();
        }
        if (slotsLeft(d, locked) <= 0) {
            throw new ConflictException("This document already has its " + locked.reviewersPerDocument
                    + " reviewers");
        }
        return LayerService.newReviewerLayer(d, user);
    }

    /**
     * A manager assigns the document to a member (any role). A manager may exceed the number of
     * reviewers per document on purpose (e.g. a tie-breaker). 422 for a non-member, 409 if assigned already.
     */
    @Transactional
    public Layer assign(Document document, String username) {
        Document d = Document.findById(document.id);
        lock(d.project);
        User user = requireMemberUser(d.project, username);
        if (Layer.ofReviewer(d, user).isPresent()) {
            throw new ConflictException(user.username + " is already assigned to this document");
        }
        return LayerService.newReviewerLayer(d, user);
    }

    /** Moves an untouched layer (no claims, mentions or cues) from one member to another; 409 otherwise. */
    @Transactional
    public Layer reassign(Document document, String fromUsername, String toUsername) {
        Document d = Document.findById(document.id);
        lock(d.project);
        Layer layer = requireAssignment(d, fromUsername);
        User to = requireMemberUser(d.project, toUsername);
        if (Layer.ofReviewer(d, to).isPresent()) {
            throw new ConflictException(to.username + " is already assigned to this document");
        }
        requireUntouched(layer);
        layer.owner = to;
        layer.state = LayerState.assigned;
        layer.updatedAt = Instant.now();
        return layer;
    }

    /** Removes an assignment whose layer holds no annotations; 409 if it does, 404 if there is none. */
    @Transactional
    public void unassign(Document document, String username) {
        Document d = Document.findById(document.id);
        lock(d.project);
        Layer layer = requireAssignment(d, username);
        requireUntouched(layer);
        layer.delete();
    }

    /** Free reviewer slots on the document (0 once a gold layer exists). */
    public long slotsLeft(Document document) {
        return slotsLeft(document, document.project);
    }

    private static long slotsLeft(Document d, Project p) {
        if (Layer.count("document = ?1 and kind = ?2", d, LayerKind.gold) > 0) {
            return 0;
        }
        return Math.max(0, p.reviewersPerDocument - Layer.count("document = ?1 and kind = ?2", d, LayerKind.reviewer));
    }

    // ------------------------------------------------------------------ queue

    /** The user's reviewer layers in projects they still belong to, most recently touched first. */
    public List<Layer> queue(User user) {
        return em.createQuery("""
                select l from Layer l join fetch l.document d join fetch d.project p
                where l.owner = ?1 and l.kind = ?2
                  and exists (select 1 from Membership m where m.project = p and m.user = ?1)
                order by l.updatedAt desc, l.id desc""", Layer.class)
                .setParameter(1, user).setParameter(2, LayerKind.reviewer).setMaxResults(500).getResultList();
    }

    // ------------------------------------------------------------------ internals

    private Project lock(Project project) {
        return em.find(Project.class, project.id, LockModeType.PESSIMISTIC_WRITE,
                Map.of("jakarta.persistence.lock.timeout", LOCK_TIMEOUT_MS));
    }

    private static User requireMemberUser(Project project, String username) {
        User user = User.findByUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> new UnprocessableException("username: no user '" + username + "'"));
        if (Membership.of(project, user).isEmpty()) {
            throw new UnprocessableException("username: " + user.username + " is not a member of this project");
        }
        return user;
    }

    private static Layer requireAssignment(Document d, String username) {
        return User.findByUsername(username == null ? "" : username.trim()).flatMap(u -> Layer.ofReviewer(d, u))
                .orElseThrow(() -> new NotFoundException("No assignment of '" + username + "' on this document"));
    }

    private static void requireUntouched(Layer layer) {
        if (Claim.count("layer", layer) + Mention.count("layer", layer) + Cue.count("layer", layer) > 0) {
            throw new ConflictException(layer.owner.username + " has already annotated this document;"
                    + " their layer cannot be moved or removed");
        }
    }
}
