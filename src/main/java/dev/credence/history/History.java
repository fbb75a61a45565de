package dev.credence.history;

import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.project.ProjectRole;
import dev.credence.web.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A project's history for managers and adjudicators: every recorded change, newest first, filtered by
 * person and date range, paged; {@code ?format=csv} streams the same selection as CSV.
 */
@Path("/projects/{id}/history")
public class History {
    static final int PAGE_SIZE = 50;

    @Inject
    ProjectAccess access;
    @Inject
    HistoryService history;
    @Inject
    HistoryCsv csv;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Project project, List<Membership> members, HistoryQuery query,
                Page<HistoryEntry> result);
    }

    @GET
    @Blocking
    public Response index(@RestPath Long id, @QueryParam("user") String user, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") int page, @QueryParam("format") String format) {
        Project project = requireReader(access, id);
        HistoryQuery query = HistoryQuery.of(user, from, to);
        HistoryFilter filter = query.filter(project.id);
        if ("csv".equalsIgnoreCase(format)) {
            return Response.ok(csv.stream(filter), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"project-" + id + "-history.csv\"").build();
        }
        return Response.ok(Templates.index(project, Membership.ofProject(project), query,
                history.page(filter, page, PAGE_SIZE)), MediaType.TEXT_HTML_TYPE).build();
    }

    /** Managers and adjudicators read a project's history: 404 for non-members, 403 for reviewers. */
    static Project requireReader(ProjectAccess access, Long projectId) {
        Project project = access.requireMember(projectId);
        access.requireRole(project, ProjectRole.manager, ProjectRole.adjudicator);
        return project;
    }
}
