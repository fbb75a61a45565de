package dev.credence.project;

import dev.credence.account.CurrentUser;
import dev.credence.document.Document;
import dev.credence.web.Flash;
import io.quarkus.panache.common.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** Project pages: list, create, overview, settings, members. */
@Path("/projects")
@Produces(MediaType.TEXT_HTML)
public class Projects {
    static final int PAGE_SIZE = 100;

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

        static native TemplateInstance show(Project project, Membership membership, List<Document> documents,
                long documentCount, int page, int pages);

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
    @Path("{id}")
    public TemplateInstance show(@RestPath Long id, @QueryParam("page") int page) {
        Project project = access.requireMember(id);
        Membership membership = access.requireMember(project);
        var query = Document.find("project = ?1 order by createdAt desc, id desc", project);
        long count = query.count();
        int pages = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(0, Math.min(page, pages - 1));
        List<Document> documents = query.page(Page.of(current, PAGE_SIZE)).list();
        return Templates.show(project, membership, documents, count, current, pages);
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
