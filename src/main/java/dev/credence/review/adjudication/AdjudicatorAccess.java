package dev.credence.review.adjudication;

import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who asks, about which document: the look-up and check every adjudication door (the page, its gold edits, the
 * API) makes before it acts, written once.
 */
@ApplicationScoped
public class AdjudicatorAccess {
    @Inject
    CurrentUser currentUser;
    @Inject
    DocumentAccess documents;
    @Inject
    AdjudicationService adjudication;

    public User me() {
        return currentUser.get();
    }

    /** The document: 404 if missing or the caller is not in its project (the service checks the role). */
    public Document document(Long id) {
        return documents.require(id);
    }

    /** The document the caller adjudicates: 404 for non-members, 403 unless adjudicator or manager. */
    public Document adjudicated(Long id) {
        Document doc = documents.require(id);
        adjudication.requireAdjudicator(doc, me());
        return doc;
    }
}
