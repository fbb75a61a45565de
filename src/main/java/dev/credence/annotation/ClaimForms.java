package dev.credence.annotation;

import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The claim form of the document page: marking a claim on the selected text, editing one (or re-placing an
 * orphaned one), adding and moving hop rows, deleting. The claim's own page is {@link Claims}; the model is
 * {@link ClaimForm}, the writes {@link ClaimService}.
 */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class ClaimForms {
    @Inject
    DocumentAccess documents;
    @Inject
    ClaimService claims;
    @Inject
    DocumentPage page;

    @GET
    @Path("{id}/claims/new")
    public TemplateInstance newClaim(@RestPath Long id, @QueryParam("start") int start, @QueryParam("end") int end,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        return page.render(doc, ClaimForm.blank(doc, start, end, 1), null, htmx);
    }

    @GET
    @Path("{id}/claims/{claimId}/edit")
    public TemplateInstance editClaim(@RestPath Long id, @RestPath Long claimId, @QueryParam("start") Integer start,
            @QueryParam("end") Integer end, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        ClaimForm form = ClaimForm.of(ownClaim(doc, claimId), false);
        if (start != null && end != null) {
            // Re-placing (an orphaned claim): the form on the text the reviewer selected now.
            form = form.placedOn(doc, start, end);
        }
        return page.render(doc, form, null, htmx);
    }

    /** Re-renders the claim form after "Add hop", "↑", "↓" or "Remove" (no state change). */
    @POST
    @Path("{id}/claim-form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance reshapeClaimForm(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        // The claim being edited (if any) rides along so the reshaped form still saves to it.
        ClaimForm form = ClaimForm.read(doc, fields, ClaimForm.longOrNull(fields.getFirst("claimId")));
        return page.render(doc, form.reshape(fields.getFirst("op")), null, htmx);
    }

    @POST
    @Path("{id}/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createClaim(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        ClaimForm form = ClaimForm.read(doc, fields, null);
        try {
            Claim claim = claims.createClaim(doc, page.me(), form.input());
            return page.done(doc, htmx, "/documents/" + id + "#claim-" + claim.id, "Claim added.");
        } catch (ClientErrorException e) {
            return page.rejected(doc, form.withError(e.getMessage()), null, e, htmx);
        }
    }

    @POST
    @Path("{id}/claims/{claimId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateClaim(@RestPath Long id, @RestPath Long claimId, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Claim claim = ownClaim(doc, claimId);
        ClaimForm form = ClaimForm.read(doc, fields, claimId);
        try {
            claims.updateClaim(claim, page.me(), form.input(), form.version());
            return page.done(doc, htmx, "/documents/" + id + "#claim-" + claimId, "Claim saved.");
        } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() == 409 && form.version() != null) {
                // Their change beside the user's values, and the form on what is stored now, so
                // saving again is a deliberate choice: reapply mine, or edit theirs.
                Claim current = claims.claims(claim.layer).stream().filter(c -> c.id.equals(claimId))
                        .findFirst().orElse(claim);
                return page.conflict(doc, ClaimConflict.of(doc.id, ClaimForm.of(current, false), form), htmx);
            }
            return page.rejected(doc, form.withError(e.getMessage()), null, e, htmx);
        }
    }

    @POST
    @Path("{id}/claims/{claimId}/delete")
    public Response deleteClaim(@RestPath Long id, @RestPath Long claimId, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Claim claim = ownClaim(doc, claimId);
        return page.act(doc, htmx, "Claim deleted.", () -> claims.deleteClaim(claim, page.me()));
    }

    private Claim ownClaim(Document doc, Long claimId) {
        Claim claim = claims.requireClaim(claimId, page.me());
        DocumentPage.requireSameDocument(doc, claim.layer);
        return claim;
    }
}
