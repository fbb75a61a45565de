package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who may read a claim (its page, history and comments) and the comments themselves.
 *
 * <p>A claim is visible exactly when its layer is ({@link LayerVisibility}, the one rule). Comments
 * follow their claim: whoever may see a claim may read and write its comments. Anything else is 404,
 * so claim ids do not leak.
 */
@ApplicationScoped
public class ClaimReading {
    @Inject
    EntityManager em;
    @Inject
    LayerVisibility visibility;

    /** The claim with hops, sources, mentions and cues, if the user may see it; 404 otherwise. */
    public Claim requireVisible(Long claimId, User user) {
        List<Claim> found = claimId == null ? List.of() : em.createQuery("""
                select distinct c from Claim c join fetch c.layer l join fetch l.document d join fetch d.project
                left join fetch c.hops h left join fetch h.source left join fetch h.mention left join fetch h.cue
                where c.id = ?1""", Claim.class).setParameter(1, claimId).getResultList();
        if (found.isEmpty() || !maySee(found.get(0), user)) {
            throw new NotFoundException("No claim " + claimId);
        }
        Claim c = found.get(0);
        c.hops.sort(java.util.Comparator.comparingInt(h -> h.position));
        return c;
    }

    /** Whoever may read the claim's layer ({@link LayerVisibility}) may read the claim, its history and comments. */
    public boolean maySee(Claim c, User user) {
        return visibility.canSee(c.layer, user);
    }

    /** The claim's comments as threads, oldest first, in one query. */
    public List<CommentThread> threads(Claim claim) {
        List<ClaimComment> all = em.createQuery("select k from ClaimComment k join fetch k.author"
                + " where k.claim.id = ?1 order by k.createdAt, k.id", ClaimComment.class)
                .setParameter(1, claim.id).getResultList();
        List<CommentThread> roots = new ArrayList<>();
        Map<Long, CommentThread> byId = new HashMap<>();
        for (ClaimComment k : all) {
            CommentThread t = new CommentThread(k, new ArrayList<>());
            byId.put(k.id, t);
        }
        for (ClaimComment k : all) {
            CommentThread t = byId.get(k.id);
            CommentThread parent = k.parent == null ? null : byId.get(k.parent.id);
            (parent == null ? roots : parent.replies()).add(t);
        }
        return roots;
    }

    public long commentCount(Claim claim) {
        return ClaimComment.count("claim.id", claim.id);
    }

    /**
     * Adds a comment (a reply when {@code parentId} is given) to a claim the caller may see.
     * 422 when the body is blank or longer than 4000 characters, or the parent is not a comment on this claim.
     */
    @Transactional
    public ClaimComment comment(Long claimId, User author, String body, Long parentId) {
        Claim claim = requireVisible(claimId, author);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new UnprocessableException("body: required");
        }
        if (text.length() > ClaimComment.MAX_BODY) {
            throw new UnprocessableException("body: at most " + ClaimComment.MAX_BODY + " characters (got "
                    + text.length() + ")");
        }
        ClaimComment parent = null;
        if (parentId != null) {
            parent = ClaimComment.findById(parentId);
            if (parent == null || !Objects.equals(parent.claim.id, claim.id)) {
                throw new UnprocessableException("parentId: no comment " + parentId + " on claim " + claim.id);
            }
        }
        ClaimComment k = new ClaimComment();
        k.claim = Claim.findById(claim.id);
        k.parent = parent;
        k.author = User.findById(author.id);
        k.body = text;
        k.createdAt = Instant.now();
        k.persist();
        return k;
    }
}
