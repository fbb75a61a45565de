package dev.credence.document;

import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.web.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The project overview, {@code GET /projects/{id}}: the project and its documents, newest first, 100 a page. It
 * lists documents, so it lives here rather than in {@code project} (which does not import {@code document}); the
 * other project pages are project.Projects, and the template stays templates/Projects/show.html.
 */
@Path("/projects")
@Produces(MediaType.TEXT_HTML)
public class ProjectOverview {
    static final int PAGE_SIZE = 100;

    @Inject
    ProjectAccess access;

    @CheckedTemplate(basePath = "Projects")
    static class Templates {
        static native TemplateInstance show(Project project, Membership membership, List<Document> documents,
                long documentCount, int page, int pages);
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@RestPath Long id, @QueryParam("page") int page) {
        Project project = access.requireMember(id);
        Membership membership = access.requireMember(project);
        var query = Document.find("project = ?1 order by createdAt desc, id desc", project);
        long count = query.count();
        int current = Page.clamp(page, count, PAGE_SIZE);
        List<Document> documents = query.page(io.quarkus.panache.common.Page.of(current, PAGE_SIZE)).list();
        return Templates.show(project, membership, documents, count, current, Page.pages(count, PAGE_SIZE));
    }
}
