package dev.credence.search;

import dev.credence.account.CurrentUser;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/** The project search page: the search box of every project page submits here. */
@Path("/projects/{id}/search")
@Produces(MediaType.TEXT_HTML)
public class Searches {
    @Inject
    ProjectAccess access;
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectSearch search;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Project project, String q, ProjectSearch.Results results, String error);
    }

    @GET
    @Transactional
    public TemplateInstance index(@RestPath Long id, @QueryParam("q") String q) {
        Project project = access.requireMember(id);
        String query = q == null ? "" : q.strip();
        if (query.length() > 500) {
            return Templates.index(project, query.substring(0, 500), null, "Search for at most 500 characters.");
        }
        ProjectSearch.Results results = query.isEmpty() ? null : search.search(project, currentUser.get(), query, 50);
        return Templates.index(project, query, results, null);
    }
}
