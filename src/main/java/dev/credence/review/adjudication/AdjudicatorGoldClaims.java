package dev.credence.review.adjudication;

import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimInput;
import dev.credence.annotation.GoldClaims;
import dev.credence.annotation.Layer;
import dev.credence.document.Document;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The claim API's door to the gold layer: {@link AdjudicationService} behind the interface annotation defines. */
@ApplicationScoped
public class AdjudicatorGoldClaims implements GoldClaims {
    @Inject
    AdjudicationService adjudication;

    @Override
    public Optional<Layer> goldLayer(Document doc, User adjudicator) {
        adjudication.requireAdjudicator(doc, adjudicator);
        return adjudication.gold(doc);
    }

    @Override
    public Claim require(Long claimId, User adjudicator) {
        return adjudication.requireGoldClaim(claimId, adjudicator);
    }

    @Override
    public Claim create(Document doc, User adjudicator, ClaimInput input) {
        return adjudication.createGoldClaim(doc, adjudicator, input);
    }

    @Override
    public Claim update(Claim claim, User adjudicator, ClaimInput input, Long expectedVersion) {
        return adjudication.updateGoldClaim(claim, adjudicator, input, expectedVersion);
    }

    @Override
    public void delete(Claim claim, User adjudicator) {
        adjudication.deleteGoldClaim(claim, adjudicator);
    }
}
