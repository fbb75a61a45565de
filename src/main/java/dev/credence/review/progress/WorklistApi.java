package dev.credence.review.progress;

import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The document worklist over JSON: documents with state and assignees, filtered and sorted; bulk assignment. */
@Path("/api/v1/projects/{id}/worklist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignment", description = "Who reviews which document.")
public class WorklistApi {
    @Inject
    ProjectAccess access;
    @Inject
    DocumentWorklist worklist;

    public record BulkInput(List<Long> documentIds, String username) {
    }

    public record Listing(long total, int offset, List<DocumentWorklist.Row> documents) {
    }

    @GET
    @Operation(summary = "Documents with workflow state and assignees",
            description = "state: unassigned|assigned|in_progress|submitted_by_all|adjudicated; assignee: a username,"
                    + " or '-' for nobody; sort: added|date|date_desc|title|state; from/to: published dates (YYYY-MM-DD, inclusive); offset/limit (limit ≤ 500). Members.")
    public Listing list(@RestPath Long id, @QueryParam("state") String state, @QueryParam("assignee") String assignee,
            @QueryParam("sort") String sort, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") int offset, @QueryParam("limit") Integer limit) {
        Project project = access.requireMember(id);
        int n = limit == null ? DocumentWorklist.PAGE_SIZE : limit;
        if (n < 1 || n > DocumentWorklist.MAX_BULK || offset < 0) {
            throw new BadRequestException("limit: 1.." + DocumentWorklist.MAX_BULK + ", offset ≥ 0");
        }
        List<DocumentWorklist.Row> rows = worklist.rows(project, DocumentWorklist.filter(state, assignee, sort, from, to));
        int first = Math.min(offset, rows.size());
        return new Listing(rows.size(), first, rows.subList(first, Math.min(rows.size(), first + n)));
    }

    @POST
    @Path("assign")
    @Operation(summary = "Assign many documents to one member (manager), in one transaction",
            description = "{documentIds: [..], username}; answers {assigned: [ids], skipped: [ids already assigned]};"
                    + " 404 if an id is not a document of this project, 422 for a non-member: nothing is written then.")
    public DocumentWorklist.Outcome assign(@RestPath Long id, BulkInput body) {
        Project project = access.requireManager(id);
        if (body == null) {
            throw new BadRequestException("Body must be {\"documentIds\": [..], \"username\"}");
        }
        return worklist.assign(project, body.documentIds(), body.username());
    }
}
