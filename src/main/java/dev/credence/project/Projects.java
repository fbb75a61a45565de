package dev.credence.project;

import dev.credence.account.CurrentUser;
import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** Project pages: list, create, settings, members (the overview with its documents is document.ProjectOverview). */
@Path("/projects")
@Produces(MediaType.TEXT_HTML)
public class Projects {
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess access;
    @Inject
    ProjectService projects;

    public record Form(String name, String description, String guidelines, int reviewersPerDocument) {
        static Form of(Project p) {
            return new Form(p.name, p.description, p.guidelines, p.reviewersPerDocument);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Project> projects, Form form, String error);

        static native TemplateInstance settings(Project project, Form form, String error);

        static native TemplateInstance members(Project project, List<Membership> members, String error);
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(access.myProjects(), new Form("", "", "", 2), null);
    }

    @POST
    public Object create(@RestForm String name, @RestForm String description, @RestForm String guidelines) {
        try {
            Project p = projects.create(currentUser.get(), name, description, guidelines);
            return Flash.redirect("/projects/" + p.id, "Project created.");
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(Templates.index(access.myProjects(), new Form(name, description, guidelines, 2), e.getMessage()))
                    .build();
        }
    }

    @GET
    @Path("{id}/settings")
    public TemplateInstance settings(@RestPath Long id) {
        Project project = access.requireManager(id);
        return Templates.settings(project, Form.of(project), null);
    }

    @POST
    @Path("{id}/settings")
    public Object update(@RestPath Long id, @RestForm String name, @RestForm String description,
            @RestForm String guidelines, @RestForm Integer reviewersPerDocument) {
        Project project = access.requireManager(id);
        try {
            projects.update(project.id, name, description, guidelines, reviewersPerDocument);
            return Flash.redirect("/projects/" + id, "Settings saved.");
        } catch (ClientErrorException e) {
            Form form = new Form(name, description, guidelines, reviewersPerDocument == null ? 2 : reviewersPerDocument);
            return Response.status(e.getResponse().getStatus())
                    .entity(Templates.settings(project, form, e.getMessage())).build();
        }
    }

    @GET
    @Path("{id}/members")
    public TemplateInstance members(@RestPath Long id) {
        Project project = access.requireMember(id);
        return Templates.members(project, Membership.ofProject(project), null);
    }

    @POST
    @Path("{id}/members")
    public Object setMember(@RestPath Long id, @RestForm String username, @RestForm String role) {
        Project project = access.requireManager(id);
        try {
            projects.setMember(project, username, role);
            return Flash.redirect("/projects/" + id + "/members", username + " is now " + role + ".");
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(Templates.members(project, Membership.ofProject(project), e.getMessage())).build();
        }
    }

    @POST
    @Path("{id}/members/{userId}/remove")
    public Object removeMember(@RestPath Long id, @RestPath Long userId) {
        Project project = access.requireManager(id);
        try {
            projects.removeMember(project, userId);
            return Flash.redirect("/projects/" + id + "/members", "Member removed.");
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(Templates.members(project, Membership.ofProject(project), e.getMessage())).build();
        }
    }
}
