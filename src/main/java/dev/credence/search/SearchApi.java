package dev.credence.search;

import dev.credence.account.CurrentUser;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** JSON door of project search; the page door is {@link Searches}. */
@Path("/api/v1/projects/{projectId}/search")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "Search")
public class SearchApi {
    @Inject
    ProjectAccess access;
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectSearch search;

    @GET
    @Operation(summary = "Search the project's documents and the claims the caller may read",
            description = "q: words (stemmed, with synonyms; \"quoted phrases\", -exclude) and filters source:, type:,"
                    + " grade: (1–6 credibility, A–F reliability), reviewer:, state:, kind:. Filters apply to claims."
                    + " snippetHtml is HTML-escaped text with the matches in <mark>. limit 1–100, default 20.")
    public ProjectSearch.Results search(@RestPath Long projectId, @QueryParam("q") String q,
            @QueryParam("limit") Integer limit) {
        Project project = access.requireMember(projectId);
        if (q == null || q.isBlank()) {
            throw new BadRequestException("q: required");
        }
        if (q.length() > 500) {
            throw new BadRequestException("q: at most 500 characters");
        }
        int n = limit == null ? 20 : limit;
        if (n < 1 || n > ProjectSearch.MAX_LIMIT) {
            throw new BadRequestException("limit: 1 to " + ProjectSearch.MAX_LIMIT);
        }
        return search.search(project, currentUser.get(), q, n);
    }
}
