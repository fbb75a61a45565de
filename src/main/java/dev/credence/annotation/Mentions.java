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

/** Source mentions on the document page: mark one on the selected text, link it to another source, delete it. */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class Mentions {
    @Inject
    DocumentAccess documents;
    @Inject
    MarkService marks;
    @Inject
    DocumentPage page;

    @GET
    @Path("{id}/mentions/new")
    public TemplateInstance newMention(@RestPath Long id, @QueryParam("start") int start,
            @QueryParam("end") int end, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        return page.render(doc, null, SpanForm.newMention(doc, start, end), htmx);
    }

    @POST
    @Path("{id}/mentions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createMention(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        SpanInput span = SpanForm.span(fields);
        String name = SpanForm.field(fields, "sourceName");
        String type = SpanForm.field(fields, "sourceType");
        try {
            Mention m = marks.createMention(doc, page.me(), span, null, name, type);
            return page.done(doc, htmx, "/documents/" + id + "#mention-" + m.id, "Source mention added.");
        } catch (ClientErrorException e) {
            return page.rejected(doc, null, SpanForm.refused("mention", doc, span, name, type, "", e.getMessage()), e,
                    htmx);
        }
    }

    @GET
    @Path("{id}/mentions/{mentionId}/edit")
    public TemplateInstance editMention(@RestPath Long id, @RestPath Long mentionId,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        return page.render(doc, null, SpanForm.of(mention(doc, mentionId)), htmx);
    }

    @POST
    @Path("{id}/mentions/{mentionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateMention(@RestPath Long id, @RestPath Long mentionId, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Mention m = mention(doc, mentionId);
        String name = SpanForm.field(fields, "sourceName");
        String type = SpanForm.field(fields, "sourceType");
        try {
            marks.updateMention(m, page.me(), null, name, type);
            return page.done(doc, htmx, "/documents/" + id + "#mention-" + m.id, "Source mention saved.");
        } catch (ClientErrorException e) {
            return page.rejected(doc, null, SpanForm.refused("mention", m, name, type, "", e.getMessage()), e, htmx);
        }
    }

    @POST
    @Path("{id}/mentions/{mentionId}/delete")
    public Response deleteMention(@RestPath Long id, @RestPath Long mentionId,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Mention m = mention(doc, mentionId);
        return page.act(doc, htmx, "Source mention deleted.", () -> marks.deleteMention(m, page.me()));
    }

    private Mention mention(Document doc, Long mentionId) {
        Mention m = marks.requireMention(mentionId, page.me());
        DocumentPage.requireSameDocument(doc, m.layer);
        return m;
    }
}
