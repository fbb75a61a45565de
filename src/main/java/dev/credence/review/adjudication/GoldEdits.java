package dev.credence.review.adjudication;

import dev.credence.account.CurrentUser;
import dev.credence.annotation.Annotations.ClaimForm;
import dev.credence.annotation.Annotations;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import dev.credence.web.Flash;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The adjudication page's gold writes beyond claims: accepting or removing a reviewer's source mention or cue,
 * accepting every unanimous item at once, and reshaping the gold claim form (add, move, remove hops). Same
 * conventions as {@link Adjudications}: post/redirect/get, or the workspace fragment for htmx.
 */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class GoldEdits {
    @Inject
    CurrentUser currentUser;
    @Inject
    DocumentAccess documents;
    @Inject
    AdjudicationService adjudication;
    @Inject
    MarkAdjudication marks;
    @Inject
    Adjudications page;

    @POST
    @Path("{id}/adjudicate/marks/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptMark(@RestPath Long id, @FormParam("kind") String kind, @FormParam("mark") Long markId,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        MarkAdjudication.MarkKind k = kind(kind);
        try {
            Long goldId = marks.acceptMark(doc, currentUser.get(), k, markId);
            return done(doc, htmx, "#gold-" + k + "-" + goldId,
                    (k == MarkAdjudication.MarkKind.mention ? "Source mention" : "Cue") + " accepted into gold.");
        } catch (ClientErrorException e) {
            return done(doc, htmx, "", e.getMessage());
        }
    }

    @POST
    @Path("{id}/adjudicate/marks/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMark(@RestPath Long id, @FormParam("kind") String kind, @FormParam("mark") Long markId,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        try {
            marks.removeGoldMark(doc, currentUser.get(), kind(kind), markId);
            return done(doc, htmx, "", "Removed from gold.");
        } catch (ClientErrorException e) {
            return done(doc, htmx, "", e.getMessage());
        }
    }

    @POST
    @Path("{id}/adjudicate/accept-unanimous")
    public Response acceptUnanimous(@RestPath Long id, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        try {
            int n = adjudication.acceptUnanimous(doc, currentUser.get());
            return done(doc, htmx, "", n == 0 ? "No unanimous item was waiting: nothing copied."
                    : n + " unanimous item(s) accepted into gold.");
        } catch (ClientErrorException e) {
            return done(doc, htmx, "", e.getMessage());
        }
    }

    /** The gold claim form with a hop added, moved or removed; nothing is saved. */
    @POST
    @Path("{id}/adjudicate/claim-form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance reshapeClaimForm(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        Long claimId = null;
        String raw = fields.getFirst("claimId");
        if (raw != null && raw.matches("\\d{1,18}")) {
            claimId = Long.valueOf(raw);
        }
        ClaimForm form = Annotations.reshape(Annotations.readClaimForm(doc, fields, claimId), fields.getFirst("op"));
        AdjudicationPage.View v = page.view(doc, form, null);
        return htmx ? Adjudications.Templates.page$editor(v) : Adjudications.Templates.page(v);
    }

    private Document require(Long id) {
        Document doc = documents.require(id);
        adjudication.requireAdjudicator(doc, currentUser.get());
        return doc;
    }

    private static MarkAdjudication.MarkKind kind(String kind) {
        try {
            return MarkAdjudication.MarkKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("kind: one of mention, cue (got '" + kind + "')");
        }
    }

    private Response done(Document doc, boolean htmx, String anchor, String message) {
        if (htmx) {
            Response.ResponseBuilder ok = Response.ok(Adjudications.Templates.page$workspace(page.view(doc, null,
                    message)));
            if (anchor.startsWith("#")) {
                ok.header("X-Credence-Focus", anchor.substring(1));
            }
            return ok.build();
        }
        return Flash.redirect("/documents/" + doc.id + "/adjudicate" + anchor, message);
    }
}
