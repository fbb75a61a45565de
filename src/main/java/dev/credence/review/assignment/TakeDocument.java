package dev.credence.review.assignment;

import dev.credence.account.CurrentUser;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import dev.credence.web.Flash;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/**
 * "Take this document" ({@code POST /queue/take}, form field {@code documentId}) on the document page of a member who is not assigned to it, while slots remain. */
@Path("/queue/take")
public class TakeDocument {
    @Inject
    CurrentUser currentUser;
    @Inject
    DocumentAccess documents;
    @Inject
    AssignmentService assignments;

    @POST
    public Response take(@RestForm("documentId") Long id) {
        Document doc = documents.require(id);
        try {
            assignments.take(doc, currentUser.get());
            return Flash.redirect("/documents/" + id, "This document is yours to review.");
        } catch (ClientErrorException e) {
            return Flash.redirect("/documents/" + id, e.getMessage());
        }
    }
}
