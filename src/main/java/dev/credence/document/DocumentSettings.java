package dev.credence.document;

import dev.credence.project.ProjectAccess;
import dev.credence.project.ProjectRole;
import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A document's own page for managers: edit title, URL, publisher and date; delete it after a confirmation
 * step. Rooted below /documents/{id} so that it does not take routes from the annotation page's class.
 */
@Path("/documents/{id}/settings")
@Produces(MediaType.TEXT_HTML)
public class DocumentSettings {
    @Inject
    DocumentAccess documents;
    @Inject
    ProjectAccess access;
    @Inject
    DocumentService service;

    /** The form's values as typed. */
    public record Form(String title, String url, String publisher, String publishedAt) {
        static Form of(Document d) {
            return new Form(d.title, d.url == null ? "" : d.url, d.publisher == null ? "" : d.publisher,
                    d.publishedAt == null ? "" : d.publishedAt.toString());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(Document document, Form form, String error, boolean imported);

        static native TemplateInstance delete(Document document, long claims, long layers);
    }

    private Document manage(Long id) {
        Document d = documents.require(id);
        access.requireRole(d.project, ProjectRole.manager);
        return d;
    }

    @GET
    public TemplateInstance edit(@RestPath Long id, @RestQuery boolean imported) {
        Document d = manage(id);
        return Templates.edit(d, Form.of(d), null, imported);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@RestPath Long id, @RestForm String title, @RestForm String url, @RestForm String publisher,
            @RestForm String publishedAt) {
        Document d = manage(id);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", title);
        changes.put("url", url);
        changes.put("publisher", publisher);
        changes.put("publishedAt", publishedAt);
        try {
            service.update(d.id, changes);
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(Templates.edit(d, new Form(title, url, publisher, publishedAt), e.getMessage(), false))
                    .build();
        }
        return Flash.redirect("/documents/" + d.id, "Document details saved.");
    }

    @GET
    @Path("delete")
    public TemplateInstance confirmDelete(@RestPath Long id) {
        Document d = manage(id);
        long claims = Document.getEntityManager().createQuery(
                "select count(c) from Claim c where c.layer.document.id = ?1", Long.class)
                .setParameter(1, d.id).getSingleResult();
        long layers = Document.getEntityManager().createQuery(
                "select count(l) from Layer l where l.document.id = ?1", Long.class)
                .setParameter(1, d.id).getSingleResult();
        return Templates.delete(d, claims, layers);
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestPath Long id) {
        Document d = manage(id);
        Long project = d.project.id;
        String title = d.title;
        service.delete(d.id);
        return Flash.redirect("/projects/" + project, "Deleted “" + title + "” and all its layers.");
    }
}
