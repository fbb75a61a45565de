package dev.credence.review.assignment;

import dev.credence.account.CurrentUser;
import dev.credence.annotation.Layer;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import dev.credence.project.ProjectAccess;
import dev.credence.project.ProjectRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** JSON API for a manager's manual assignments of one document. */
@Path("/api/v1/documents/{id}/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignment", description = "Who reviews which document.")
public class AssignmentApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess projects;
    @Inject
    DocumentAccess documents;
    @Inject
    AssignmentService assignments;

    /** {@code from} is optional: with it, the untouched layer of {@code from} moves to {@code username}. */
    public record AssignmentInput(String username, String from) {
    }

    public record AssignmentView(Long documentId, Long layerId, String username, String state) {
        static AssignmentView of(Layer l) {
            return new AssignmentView(l.document.id, l.id, l.owner.username, l.state.name());
        }
    }

    @POST
    @Operation(summary = "Assign the document to a member (manager); with \"from\", move an untouched layer")
    public Response assign(@RestPath Long id, AssignmentInput body) {
        Document doc = requireManaged(id);
        if (body == null || body.username() == null || body.username().isBlank()) {
            throw new BadRequestException("Body must be {\"username\", \"from\"?}");
        }
        Layer layer = body.from() == null || body.from().isBlank() ? assignments.assign(doc, body.username())
                : assignments.reassign(doc, body.from(), body.username());
        return Response.status(201).entity(AssignmentView.of(layer)).build();
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Remove an assignment whose layer has no annotations (manager); 409 otherwise")
    public Response unassign(@RestPath Long id, @RestPath String username) {
        assignments.unassign(requireManaged(id), username);
        return Response.noContent().build();
    }

    private Document requireManaged(Long id) {
        Document doc = documents.require(id);
        projects.requireRole(doc.project, ProjectRole.manager);
        return doc;
    }
}
