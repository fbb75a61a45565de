package dev.credence.corroboration;

import dev.credence.account.CurrentUser;
import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The claim form's corroboration panel: similar claims with their sources, the claim's links, and the
 * forms to link and unlink. A page at a plain URL; the claim form loads its fragment with htmx.
 */
@Path("/claims/{id}/corroboration")
@Produces(MediaType.TEXT_HTML)
public class Corroborations {
    @Inject
    CurrentUser currentUser;
    @Inject
    Corroboration corroboration;

    /** The link form as typed, with its error, so a rejected link comes back next to its candidate. */
    public record LinkForm(Long targetClaimId, String relation, String origin, String note, String error) {
        static final LinkForm BLANK = new LinkForm(null, "corroborates", "unknown", "", null);

        public boolean isFor(Long id) {
            return Objects.equals(targetClaimId, id);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(Corroboration.Panel p, LinkForm form);

        static native TemplateInstance show$panel(Corroboration.Panel p, LinkForm form);
    }

    @GET
    @Transactional
    public String show(@RestPath Long id, @HeaderParam("HX-Request") boolean htmx) {
        return render(id, LinkForm.BLANK, htmx);
    }

    @POST
    @Path("links")
    public Response link(@RestPath Long id, @RestForm Long targetClaimId, @RestForm String relation,
            @RestForm String origin, @RestForm String note, @HeaderParam("HX-Request") boolean htmx) {
        try {
            corroboration.link(id, currentUser.get(), targetClaimId, relation, origin, note);
            return done(id, htmx, "Claims linked.");
        } catch (ClientErrorException e) {
            LinkForm form = new LinkForm(targetClaimId, relation, origin, note, e.getMessage());
            return Response.status(e.getResponse().getStatus()).entity(renderTx(id, form, htmx)).build();
        }
    }

    @POST
    @Path("links/{linkId}/delete")
    public Response unlink(@RestPath Long id, @RestPath Long linkId, @HeaderParam("HX-Request") boolean htmx) {
        try {
            corroboration.unlink(id, linkId, currentUser.get());
            return done(id, htmx, "Link removed.");
        } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() == 404) {
                throw e;
            }
            return Response.status(e.getResponse().getStatus())
                    .entity(renderTx(id, new LinkForm(null, null, null, null, e.getMessage()), htmx)).build();
        }
    }

    private Response done(Long id, boolean htmx, String message) {
        if (htmx) {
            return Response.ok(renderTx(id, LinkForm.BLANK, true)).build();
        }
        return Flash.redirect("/claims/" + id + "/corroboration", message);
    }

    private String renderTx(Long id, LinkForm form, boolean htmx) {
        return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> render(id, form, htmx));
    }

    private String render(Long id, LinkForm form, boolean htmx) {
        Corroboration.Panel p = corroboration.panel(id, currentUser.get());
        // Rendered here, inside the transaction: the template walks hops, sources and documents.
        return (htmx ? Templates.show$panel(p, form) : Templates.show(p, form)).render();
    }
}
