package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.document.Document;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The door other features use to a reviewer's annotations: the claim API's save path, the assistant's accepted
 * suggestions, claim links, the tests' fixtures. It only forwards, to the service of each resource:
 * {@link LayerService} (the layer, submit and reopen), {@link ClaimService} (claims and their chains, resolved by
 * {@link HopResolver}) and {@link MarkService} (mentions and cues). Every reviewer works in their own layer; a
 * submitted layer is read-only until reopened.
 */
@ApplicationScoped
public class AnnotationService {
    static final String SUBMITTED = LayerService.SUBMITTED;
    /** Longest attribution chain ({@link HopResolver#MAX_HOPS}). */
    public static final int MAX_HOPS = HopResolver.MAX_HOPS;

    @Inject
    LayerService layers;
    @Inject
    ClaimService claims;
    @Inject
    MarkService marks;

    // ---------------------------------------------------------------- layers

    public Layer layerFor(Document doc, User user) {
        return layers.layerFor(doc, user);
    }

    public Optional<Layer> findLayer(Document doc, User user) {
        return layers.findLayer(doc, user);
    }

    public void submit(Layer layer, User user) {
        layers.submit(layer, user);
    }

    public void reopen(Layer layer, User user) {
        layers.reopen(layer, user);
    }

    public LayerService.Counts counts(Layer layer) {
        return layers.counts(layer);
    }

    // ---------------------------------------------------------------- reads

    public List<Claim> claims(Layer layer) {
        return claims.claims(layer);
    }

    public List<Claim> claims(Layer layer, boolean readOnly) {
        return claims.claims(layer, readOnly);
    }

    public List<Mention> mentions(Layer layer) {
        return marks.mentions(layer);
    }

    public List<Cue> cues(Layer layer) {
        return marks.cues(layer);
    }

    public Claim requireClaim(Long claimId, User user) {
        return claims.requireClaim(claimId, user);
    }

    public Mention requireMention(Long id, User user) {
        return marks.requireMention(id, user);
    }

    public Cue requireCue(Long id, User user) {
        return marks.requireCue(id, user);
    }

    // ---------------------------------------------------------------- writes

    public Claim createClaim(Document doc, User user, ClaimInput in) {
        return claims.createClaim(doc, user, in);
    }

    public Claim updateClaim(Claim claim, User user, ClaimInput in, Long expectedVersion) {
        return claims.updateClaim(claim, user, in, expectedVersion);
    }

    /** A claim in a layer whose write right the caller has checked (gold). */
    public Claim createClaimInLayer(Layer target, User user, ClaimInput in) {
        return claims.createClaimInLayer(target, user, in);
    }

    public Claim updateClaimInLayer(Claim claim, User user, ClaimInput in, Long expectedVersion) {
        return claims.updateClaimInLayer(claim, user, in, expectedVersion);
    }

    public void deleteClaim(Claim claim, User user) {
        claims.deleteClaim(claim, user);
    }

    public Claim moveHop(Claim claim, User user, int fromPosition, int toPosition) {
        return claims.moveHop(claim, user, fromPosition, toPosition);
    }

    public Mention createMention(Document doc, User user, SpanInput span, Long sourceId, String sourceName,
            String sourceType) {
        return marks.createMention(doc, user, span, sourceId, sourceName, sourceType);
    }

    public Mention updateMention(Mention m, User user, Long sourceId, String sourceName, String sourceType) {
        return marks.updateMention(m, user, sourceId, sourceName, sourceType);
    }

    public void deleteMention(Mention m, User user) {
        marks.deleteMention(m, user);
    }

    public Cue createCue(Document doc, User user, SpanInput span, String cueClass) {
        return marks.createCue(doc, user, span, cueClass);
    }

    public Cue updateCue(Cue c, User user, String cueClass) {
        return marks.updateCue(c, user, cueClass);
    }

    public void deleteCue(Cue c, User user) {
        marks.deleteCue(c, user);
    }
}
