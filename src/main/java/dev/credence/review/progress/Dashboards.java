package dev.credence.review.progress;

import dev.credence.document.Document;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.project.ProjectRole;
import dev.credence.review.agreement.AgreementReport;
import dev.credence.review.agreement.AgreementService;
import dev.credence.review.assignment.AssignmentService;
import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The project dashboard: progress, documents by state, claims per reviewer, and the document table
 * with assignment forms. Managers act on it; adjudicators read it.
 */
@Path("/projects/{id}/dashboard")
@Produces(MediaType.TEXT_HTML)
public class Dashboards {
    @Inject
    ProjectAccess access;
    @Inject
    AssignmentService assignments;
    @Inject
    ReviewProgress progress;
    @Inject
    AgreementService agreement;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(ReviewProgress.Dashboard d, boolean manager, AgreementReport agreement);

        static native TemplateInstance show$live(ReviewProgress.Dashboard d, boolean manager);

        static native TemplateInstance show$agreement(ReviewProgress.Dashboard d, AgreementReport agreement);
    }

    @GET
    public TemplateInstance show(@RestPath Long id) {
        Membership m = requireReader(id);
        return Templates.show(progress.dashboard(m.project), m.role == ProjectRole.manager,
                agreement.report(m.project, null));
    }

    /** The agreement figures, polled by htmx every 30 seconds. */
    @GET
    @Path("agreement")
    public TemplateInstance agreementFigures(@RestPath Long id) {
        Membership m = requireReader(id);
        return Templates.show$agreement(progress.dashboard(m.project), agreement.report(m.project, null));
    }

    /** The live part of the dashboard, polled by htmx every 15 seconds. */
    @GET
    @Path("live")
    public TemplateInstance live(@RestPath Long id) {
        Membership m = requireReader(id);
        return Templates.show$live(progress.dashboard(m.project), m.role == ProjectRole.manager);
    }

    /** Assign (or, with {@code from}, reassign) a document from the table. */
    @POST
    @Path("assignments")
    public Response assign(@RestPath Long id, @RestForm Long documentId, @RestForm String username,
            @RestForm String from) {
        Document doc = managedDocument(id, documentId);
        try {
            if (from == null || from.isBlank()) {
                assignments.assign(doc, username);
                return Flash.redirect(back(id, doc), username + " is assigned to “" + doc.title + "”.");
            }
            assignments.reassign(doc, from, username);
            return Flash.redirect(back(id, doc), "“" + doc.title + "” moved from " + from + " to " + username + ".");
        } catch (ClientErrorException e) {
            return Flash.redirect(back(id, doc), e.getMessage());
        }
    }

    @POST
    @Path("assignments/remove")
    public Response unassign(@RestPath Long id, @RestForm Long documentId, @RestForm String username) {
        Document doc = managedDocument(id, documentId);
        try {
            assignments.unassign(doc, username);
            return Flash.redirect(back(id, doc), username + " is no longer assigned to “" + doc.title + "”.");
        } catch (ClientErrorException e) {
            return Flash.redirect(back(id, doc), e.getMessage());
        }
    }

    private Membership requireReader(Long projectId) {
        return access.requireRole(access.requireMember(projectId), ProjectRole.manager, ProjectRole.adjudicator);
    }

    private Document managedDocument(Long projectId, Long documentId) {
        Project project = access.requireManager(projectId);
        Document doc = documentId == null ? null : Document.findById(documentId);
        if (doc == null || !doc.project.id.equals(project.id)) {
            throw new NotFoundException("No document " + documentId + " in project " + projectId);
        }
        return doc;
    }

    private static String back(Long projectId, Document doc) {
        return "/projects/" + projectId + "/dashboard#doc-" + doc.id;
    }
}
