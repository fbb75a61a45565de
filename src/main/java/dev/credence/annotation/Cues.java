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

/** Attribution cues on the document page: mark one on the selected text, change its class, delete it. */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class Cues {
    @Inject
    DocumentAccess documents;
    @Inject
    MarkService marks;
    @Inject
    DocumentPage page;

    @GET
    @Path("{id}/cues/new")
    public TemplateInstance newCue(@RestPath Long id, @QueryParam("start") int start, @QueryParam("end") int end,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        return page.render(doc, null, SpanForm.newCue(doc, start, end), htmx);
    }

    @POST
    @Path("{id}/cues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createCue(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        SpanInput span = SpanForm.span(fields);
        String cueClass = SpanForm.field(fields, "cueClass");
        try {
            Cue c = marks.createCue(doc, page.me(), span, cueClass);
            return page.done(doc, htmx, "/documents/" + id + "#cue-" + c.id, "Cue added.");
        } catch (ClientErrorException e) {
            return page.rejected(doc, null, SpanForm.refused("cue", doc, span, "", "", cueClass, e.getMessage()), e,
                    htmx);
        }
    }

    @GET
    @Path("{id}/cues/{cueId}/edit")
    public TemplateInstance editCue(@RestPath Long id, @RestPath Long cueId, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        return page.render(doc, null, SpanForm.of(cue(doc, cueId)), htmx);
    }

    @POST
    @Path("{id}/cues/{cueId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateCue(@RestPath Long id, @RestPath Long cueId, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Cue c = cue(doc, cueId);
        String cueClass = SpanForm.field(fields, "cueClass");
        try {
            marks.updateCue(c, page.me(), cueClass);
            return page.done(doc, htmx, "/documents/" + id + "#cue-" + c.id, "Cue saved.");
        } catch (ClientErrorException e) {
            return page.rejected(doc, null, SpanForm.refused("cue", c, "", "", cueClass, e.getMessage()), e, htmx);
        }
    }

    @POST
    @Path("{id}/cues/{cueId}/delete")
    public Response deleteCue(@RestPath Long id, @RestPath Long cueId, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Cue c = cue(doc, cueId);
        return page.act(doc, htmx, "Cue deleted.", () -> marks.deleteCue(c, page.me()));
    }

    private Cue cue(Document doc, Long cueId) {
        Cue c = marks.requireCue(cueId, page.me());
        DocumentPage.requireSameDocument(doc, c.layer);
        return c;
    }
}
