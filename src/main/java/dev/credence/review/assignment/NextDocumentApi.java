package dev.credence.review.assignment;

import dev.credence.account.CurrentUser;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** JSON API: "Next document", dynamic assignment of the caller. */
@Path("/api/v1/projects/{id}/next")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignment")
public class NextDocumentApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess projects;
    @Inject
    AssignmentService assignments;

    public record NextView(Long documentId) {
    }

    @POST
    @Operation(summary = "Assign the caller their next document",
            description = "Returns the caller's oldest assigned-but-not-submitted document if any, else assigns the"
                    + " oldest document that still needs reviewers. 204 when nothing is left.")
    public Response next(@RestPath Long id) {
        Project project = projects.requireMember(id);
        return assignments.next(project, currentUser.get())
                .map(d -> Response.ok(new NextView(d.id)).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
