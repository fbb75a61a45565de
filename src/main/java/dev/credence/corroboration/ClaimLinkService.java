package dev.credence.corroboration;

import dev.credence.account.User;
import dev.credence.annotation.AnnotationService;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimReading;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.LayerVisibility;
import dev.credence.history.ChangeAction;
import dev.credence.history.HistoryService;
import dev.credence.web.ConflictException;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Claim links: who may make them (the owner of the linking claim, while their layer is open), to what (a claim
 * in another document of the same project that they may see), and who sees them (whoever may see both ends).
 * Named {@code claimLinks} for the claim form's grade-1 warning.
 */
@ApplicationScoped
@Named("claimLinks")
public class ClaimLinkService {
    public static final String ENTITY = "claim_link";

    @Inject
    AnnotationService annotations;
    @Inject
    ClaimReading reading;
    @Inject
    LayerVisibility visibility;
    @Inject
    HistoryService history;

    /** A link seen from one of its claims: {@code other} is the claim at the far end. */
    public record Seen(ClaimLink link, boolean outgoing, Claim other) {
    }

    @Transactional
    public ClaimLink create(Long claimId, User user, Long targetId, String relation, String origin, String note) {
        Claim claim = annotations.requireClaim(claimId, user);
        requireOpen(claim);
        if (targetId == null) {
            throw new UnprocessableException("targetClaimId: required");
        }
        Claim target = Claim.findById(targetId);
        if (target == null || !visibility.canSee(target.layer, user)
                || !Objects.equals(target.layer.document.project.id, claim.layer.document.project.id)) {
            throw new UnprocessableException("targetClaimId: no claim " + targetId + " you may see in this project");
        }
        if (Objects.equals(target.layer.document.id, claim.layer.document.id)) {
            throw new UnprocessableException("targetClaimId: link to a claim in another document");
        }
        String text = note == null ? null : note.strip();
        if (text != null && text.length() > ClaimLink.MAX_NOTE) {
            throw new UnprocessableException("note: at most " + ClaimLink.MAX_NOTE + " characters (got " + text.length() + ")");
        }
        if (ClaimLink.count("claim = ?1 and target = ?2", claim, target) > 0) {
            throw new ConflictException("This claim is already linked to claim " + targetId + "; remove that link first");
        }
        ClaimLink l = new ClaimLink();
        l.project = claim.layer.document.project;
        l.claim = claim;
        l.target = target;
        l.relation = parse(LinkRelation.class, "relation", relation, null);
        l.origin = parse(LinkOrigin.class, "origin", origin, LinkOrigin.unknown);
        l.note = text == null || text.isEmpty() ? null : text;
        l.createdBy = User.findById(user.id);
        l.createdAt = Instant.now();
        l.persist();
        history.record(user, l.project.id, claim.layer.document.id, ENTITY, l.id, ChangeAction.create, null, snapshot(l));
        return l;
    }

    @Transactional
    public void delete(Long claimId, Long linkId, User user) {
        Claim claim = annotations.requireClaim(claimId, user);
        ClaimLink l = linkId == null ? null : ClaimLink.findById(linkId);
        if (l == null || !Objects.equals(l.claim.id, claim.id)) {
            throw new NotFoundException("No link " + linkId + " on claim " + claimId);
        }
        requireOpen(claim);
        history.record(user, l.project.id, claim.layer.document.id, ENTITY, l.id, ChangeAction.delete, snapshot(l), null);
        l.delete();
    }

    /** The claim's links the viewer may see (both ends visible): its own first, then links made to it. */
    public List<Seen> links(Claim claim, User viewer) {
        List<Seen> out = new ArrayList<>();
        for (ClaimLink l : ClaimLink.<ClaimLink>list("claim.id = ?1 order by createdAt, id", claim.id)) {
            if (visibility.canSee(l.target.layer, viewer)) {
                out.add(new Seen(l, true, l.target));
            }
        }
        for (ClaimLink l : ClaimLink.<ClaimLink>list("target.id = ?1 order by createdAt, id", claim.id)) {
            if (visibility.canSee(l.claim.layer, viewer)) {
                out.add(new Seen(l, false, l.claim));
            }
        }
        return out;
    }

    /**
     * Independent corroborations of the claim that its owner may see, either direction: what grade 1 rests on.
     * Shared-origin and unknown-origin links never count. Null claim (a claim not yet saved): 0.
     */
    @Transactional
    public long independentCount(Long claimId) {
        Claim c = claimId == null ? null : Claim.findById(claimId);
        if (c == null) {
            return 0;
        }
        User owner = c.layer.owner;
        return links(c, owner).stream().filter(s -> s.link().confirms()).count();
    }

    public static Map<String, Object> snapshot(ClaimLink l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claimId", l.claim.id);
        m.put("targetClaimId", l.target.id);
        m.put("relation", l.relation.name());
        m.put("origin", l.origin.name());
        m.put("note", l.note);
        return m;
    }

    private static void requireOpen(Claim claim) {
        if (claim.layer.state == LayerState.submitted) {
            throw new ConflictException("Your layer is submitted: reopen it to change links");
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value, E fallback) {
        if (value == null || value.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw new UnprocessableException(field + ": required, one of " + names(type));
        }
        try {
            return Enum.valueOf(type, value.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnprocessableException(field + ": one of " + names(type) + " (got '" + value + "')");
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
