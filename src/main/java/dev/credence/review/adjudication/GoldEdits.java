package dev.credence.review.adjudication;

import dev.credence.annotation.ClaimForm;
import dev.credence.document.Document;
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
 * and reshaping the gold claim form (add, move, remove hops). Same
 * conventions as {@link Adjudications}: post/redirect/get, or the workspace fragment for htmx.
 */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class GoldEdits {
    @Inject
    AdjudicatorAccess access;
    @Inject
    MarkAdjudication marks;
    @Inject
    Adjudications page;

    @POST
    @Path("{id}/adjudicate/marks/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptMark(@RestPath Long id, @FormParam("kind") String kind, @FormParam("mark") Long markId,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = access.adjudicated(id);
        MarkAdjudication.MarkKind k = kind(kind);
        try {
            Long goldId = marks.acceptMark(doc, access.me(), k, markId);
            return page.done(doc, htmx, "#gold-" + k + "-" + goldId,
                    (k == MarkAdjudication.MarkKind.mention ? "Source mention" : "Cue") + " accepted into gold.");
        } catch (ClientErrorException e) {
            return page.done(doc, htmx, "", e.getMessage());
        }
    }

    @POST
    @Path("{id}/adjudicate/marks/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMark(@RestPath Long id, @FormParam("kind") String kind, @FormParam("mark") Long markId,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = access.adjudicated(id);
        try {
            marks.removeGoldMark(doc, access.me(), kind(kind), markId);
            return page.done(doc, htmx, "", "Removed from gold.");
        } catch (ClientErrorException e) {
            return page.done(doc, htmx, "", e.getMessage());
        }
    }

    /** The gold claim form with a hop added, moved or removed; nothing is saved. */
    @POST
    @Path("{id}/adjudicate/claim-form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance reshapeClaimForm(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = access.adjudicated(id);
        Long claimId = null;
        String raw = fields.getFirst("claimId");
        if (raw != null && raw.matches("\\d{1,18}")) {
            claimId = Long.valueOf(raw);
        }
        ClaimForm form = ClaimForm.read(doc, fields, claimId).reshape(fields.getFirst("op"));
        AdjudicationPage.View v = page.view(doc, form, null);
        return htmx ? Adjudications.Templates.page$editor(v) : Adjudications.Templates.page(v);
    }

    private static MarkAdjudication.MarkKind kind(String kind) {
        try {
            return MarkAdjudication.MarkKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("kind: one of mention, cue (got '" + kind + "')");
        }
    }
}
