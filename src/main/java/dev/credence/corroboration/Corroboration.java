package dev.credence.corroboration;

import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimReading;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.search.SimilarClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one service behind the corroboration panel (Corroborations) and the API (ClaimLinkApi): similar claims (not
 * yet linked), the claim's links, linking and unlinking (written by {@link ClaimLinkService}). Every method takes
 * the claim id from the URL and checks the caller's right to it.
 */
@ApplicationScoped
public class Corroboration {
    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 50;

    @Inject
    SimilarClaims similar;
    @Inject
    ClaimReading reading;
    @Inject
    ClaimLinkService links;

    public record Candidate(Claim claim, float score) {
        public String scoreText() {
            return String.format(java.util.Locale.ROOT, "%.2f", score);
        }
    }

    public record Panel(Claim claim, List<ClaimLinkService.Seen> links, List<Candidate> candidates, long independent,
            boolean editable) {
    }

    /**
     * Claims similar to claim {@code claimId} that the viewer may see, best first: 404 unless the viewer may read
     * the claim, then 400 unless {@code limit} is 1 to {@value #MAX_LIMIT}.
     */
    public List<Candidate> similar(Long claimId, User viewer, int limit) {
        Claim claim = reading.requireVisible(claimId, viewer);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit: 1 to " + MAX_LIMIT);
        }
        return similar(claim, viewer, limit);
    }

    /** Claims similar to this one the viewer may see, best first. */
    public List<Candidate> similar(Claim claim, User viewer, int limit) {
        List<Candidate> out = new ArrayList<>();
        for (SimilarClaims.Match m : similar.find(claim, viewer, Math.max(1, Math.min(MAX_LIMIT, limit)))) {
            Claim c = Claim.findById(m.claimId());
            // The index may lag a delete by one search: check the claim still exists and is still readable.
            if (c != null && reading.maySee(c, viewer)) {
                out.add(new Candidate(c, m.score()));
            }
        }
        return out;
    }

    /** The links of claim {@code claimId} (404 unless the viewer may read it), as ClaimLinkService.links has them. */
    public List<ClaimLinkService.Seen> links(Long claimId, User viewer) {
        return links.links(reading.requireVisible(claimId, viewer), viewer);
    }

    /** Links the caller's claim {@code claimId} to claim {@code targetId}: {@link ClaimLinkService#create}. */
    public ClaimLink link(Long claimId, User user, Long targetId, String relation, String origin, String note) {
        return links.create(claimId, user, targetId, relation, origin, note);
    }

    /** Removes one of the caller's links: {@link ClaimLinkService#delete}. */
    public void unlink(Long claimId, Long linkId, User user) {
        links.delete(claimId, linkId, user);
    }

    /**
     * The panel of claim {@code claimId}, 404 unless the viewer may read it. Its link forms are shown only on the
     * viewer's own reviewer claim while that layer is not submitted (ClaimLinkService refuses the rest).
     */
    public Panel panel(Long claimId, User viewer) {
        Claim claim = reading.requireVisible(claimId, viewer);
        boolean editable = claim.layer.kind == LayerKind.reviewer && claim.layer.owner != null
                && claim.layer.owner.id.equals(viewer.id) && claim.layer.state != LayerState.submitted;
        return panel(claim, viewer, editable);
    }

    Panel panel(Claim claim, User viewer, boolean editable) {
        List<ClaimLinkService.Seen> seen = links.links(claim, viewer);
        Set<Long> linked = seen.stream().map(s -> s.other().id).collect(Collectors.toSet());
        List<Candidate> candidates = similar(claim, viewer, DEFAULT_LIMIT + linked.size()).stream()
                .filter(c -> !linked.contains(c.claim().id)).limit(DEFAULT_LIMIT).toList();
        long independent = seen.stream().filter(s -> s.link().confirms()).count();
        return new Panel(claim, seen, candidates, independent, editable);
    }
}
