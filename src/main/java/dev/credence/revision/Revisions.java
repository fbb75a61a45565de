package dev.credence.revision;

import dev.credence.account.CurrentUser;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import dev.credence.document.DocumentRevision;
import dev.credence.document.TextNormalizer;
import dev.credence.project.ProjectAccess;
import dev.credence.project.ProjectRole;
import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The document's revisions as pages: the list, one old text, and "Edit text" for managers, where a
 * correction is previewed (the diff, and which claims would be kept, moved or orphaned) before it is saved.
 */
@Path("/documents/{id}/revisions")
@Produces(MediaType.TEXT_HTML)
public class Revisions {
    @Inject
    DocumentAccess documents;
    @Inject
    ProjectAccess projects;
    @Inject
    CurrentUser currentUser;
    @Inject
    TextRevisions revisions;

    /** The edit form: the text as typed, the revision it corrects, and (after "Preview") what saving would do. */
    public record EditForm(String text, int revision, RevisionPreview preview, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Document doc, List<RevisionApi.RevisionView> revisions, boolean manager);

        static native TemplateInstance show(Document doc, int revision, String text);

        static native TemplateInstance edit(Document doc, EditForm form);
    }

    @GET
    public TemplateInstance index(@RestPath Long id) {
        Document d = documents.require(id);
        return Templates.index(d, RevisionApi.views(d), isManager(d));
    }

    @GET
    @Path("{revision:\\d+}")
    public TemplateInstance show(@RestPath Long id, @RestPath int revision) {
        Document d = documents.require(id);
        if (revision == d.revision) {
            return Templates.show(d, revision, d.text);
        }
        DocumentRevision old = DocumentRevision.find(d, revision)
                .orElseThrow(() -> new NotFoundException("Document " + id + " has no revision " + revision));
        return Templates.show(d, revision, old.text);
    }

    @GET
    @Path("edit")
    public TemplateInstance edit(@RestPath Long id) {
        Document d = requireManager(id);
        return Templates.edit(d, new EditForm(d.text, d.revision, null, null));
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@RestPath Long id, @RestForm String text, @RestForm Integer revision) {
        Document d = requireManager(id);
        int base = revision == null ? d.revision : revision;
        try {
            RevisionPreview preview = RevisionPreview.of(revisions.preview(d, text), TextNormalizer.sha256(
                    TextRevisions.normalized(text)));
            String error = base != d.revision ? "The text was corrected by someone else since you opened it (now"
                    + " revision " + d.revision + "): this preview is against the current text." : null;
            return Response.ok(Templates.edit(d, new EditForm(text, d.revision, preview, error))).build();
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(Templates.edit(d, new EditForm(text, base, null, e.getMessage()))).build();
        }
    }

    /** Saves the previewed text; a text changed after its preview is previewed again instead. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath Long id, @RestForm String text, @RestForm Integer revision,
            @RestForm String previewed) {
        Document d = requireManager(id);
        try {
            String sha = TextNormalizer.sha256(TextRevisions.normalized(text));
            if (previewed == null || !previewed.equals(sha)) {
                return preview(id, text, revision);
            }
            TextRevisions.Result r = revisions.revise(d, currentUser.get(), text, revision);
            String message = r.changed()
                    ? "Revision " + r.revision() + " saved: " + r.kept() + " spans kept, " + r.moved() + " moved, "
                            + (r.orphaned("claim").size() + r.orphaned("mention").size() + r.orphaned("cue").size())
                            + " orphaned."
                    : "The text is unchanged; nothing was saved.";
            return Flash.redirect("/documents/" + id, message);
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(Templates.edit(d, new EditForm(text, revision == null ? d.revision : revision, null,
                            e.getMessage()))).build();
        }
    }

    private Document requireManager(Long id) {
        Document d = documents.require(id);
        projects.requireRole(d.project, ProjectRole.manager);
        return d;
    }

    private boolean isManager(Document d) {
        return projects.membership(d.project).map(m -> m.role == ProjectRole.manager).orElse(false);
    }
}
