package dev.credence.project;

import dev.credence.account.CurrentUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ProjectApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess access;
    @Inject
    ProjectService projects;

    public record ProjectInput(String name, String description, String guidelines, Integer reviewersPerDocument) {
    }

    public record ProjectView(Long id, String name, String description, String guidelines, int reviewersPerDocument,
            Instant createdAt) {
        static ProjectView of(Project p) {
            return new ProjectView(p.id, p.name, p.description, p.guidelines, p.reviewersPerDocument, p.createdAt);
        }
    }

    public record MemberInput(String username, String role) {
    }

    public record MemberView(Long userId, String username, String displayName, ProjectRole role) {
        static MemberView of(Membership m) {
            return new MemberView(m.user.id, m.user.username, m.user.displayName, m.role);
        }
    }

    @GET
    @Operation(summary = "Projects the caller belongs to")
    public List<ProjectView> list() {
        return access.myProjects().stream().map(ProjectView::of).toList();
    }

    @POST
    @Operation(summary = "Create a project; the caller becomes its manager")
    public Response create(ProjectInput body) {
        if (body == null) {
            throw new BadRequestException("Body must be {\"name\",\"description\"?,\"guidelines\"?}");
        }
        Project p = projects.create(currentUser.get(), body.name(), body.description(), body.guidelines());
        return Response.status(201).entity(ProjectView.of(p)).build();
    }

    @GET
    @Path("{id}")
    public ProjectView get(@RestPath Long id) {
        return ProjectView.of(access.requireMember(id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Update a project (manager); absent fields keep their value")
    public ProjectView update(@RestPath Long id, ProjectInput body) {
        Project p = access.requireManager(id);
        if (body == null) {
            throw new BadRequestException("Body required");
        }
        return ProjectView.of(projects.update(p.id, body.name() == null ? p.name : body.name(),
                body.description() == null ? p.description : body.description(),
                body.guidelines() == null ? p.guidelines : body.guidelines(), body.reviewersPerDocument()));
    }

    @GET
    @Path("{id}/members")
    public List<MemberView> members(@RestPath Long id) {
        return Membership.ofProject(access.requireMember(id)).stream().map(MemberView::of).toList();
    }

    @POST
    @Path("{id}/members")
    @Operation(summary = "Add a member or change their role (manager)")
    public Response addMember(@RestPath Long id, MemberInput body) {
        Project p = access.requireManager(id);
        if (body == null) {
            throw new BadRequestException("Body must be {\"username\",\"role\"}");
        }
        return Response.status(201).entity(MemberView.of(projects.setMember(p, body.username(), body.role()))).build();
    }
}
