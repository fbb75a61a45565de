package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.document.Document;
import java.util.Optional;

/**
 * The gold layer's claims as the claim API reads and writes them ({@code "layer": "gold"}, or a gold claim's id).
 * Adjudication owns the gold layer and implements this (review.adjudication.AdjudicatorGoldClaims), so that
 * {@code annotation} does not import {@code review}: every method checks that the caller adjudicates the
 * document's project (403 for reviewers, 404 for non-members).
 */
public interface GoldClaims {
    /** The document's gold layer, if adjudication has started; the caller must adjudicate. */
    Optional<Layer> goldLayer(Document doc, User adjudicator);

    /** A claim of a gold layer the caller adjudicates. */
    Claim require(Long claimId, User adjudicator);

    Claim create(Document doc, User adjudicator, ClaimInput input);

    Claim update(Claim claim, User adjudicator, ClaimInput input, Long expectedVersion);

    void delete(Claim claim, User adjudicator);
}
