package dev.credence.review.assignment;

import dev.credence.account.CurrentUser;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.web.Flash;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** The "Next document" button: assigns the caller a document and opens it (303), or says none is left. */
@Path("/projects/{id}/next")
public class NextDocument {
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess access;
    @Inject
    AssignmentService assignments;

    @POST
    public Response next(@RestPath Long id) {
        Project project = access.requireMember(id);
        return assignments.next(project, currentUser.get())
                .map(d -> Flash.redirect("/documents/" + d.id))
                .orElseGet(() -> Flash.redirect("/queue", "No document in " + project.name + " needs a reviewer now."));
    }
}
