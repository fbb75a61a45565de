package dev.credence.history;

import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.web.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A project's history as JSON, same filters and paging as the page; managers and adjudicators only. */
@Path("/api/v1/projects/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History", description = "Who changed what, when, with before/after snapshots")
public class HistoryApi {
    static final int MAX_SIZE = 500;

    @Inject
    ProjectAccess access;
    @Inject
    HistoryService history;

    public record EntryView(Long id, Instant changedAt, Long userId, String username, Long projectId,
            Long documentId, String entityType, Long entityId, String action, Object before, Object after,
            List<String> changedFields) {
    }

    public record PageView(List<EntryView> items, long total, int page, int size, int pages) {
    }

    @GET
    @Operation(summary = "Changes in the project, newest first; filter by user (username), from and to (YYYY-MM-DD, inclusive)")
    public PageView list(@RestPath Long id, @QueryParam("user") String user, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") int page, @QueryParam("size") Integer size) {
        Project project = History.requireReader(access, id);
        int pageSize = size == null ? History.PAGE_SIZE : Math.max(1, Math.min(size, MAX_SIZE));
        Page<HistoryEntry> result = history.page(HistoryQuery.of(user, from, to).filter(project.id), page, pageSize);
        List<EntryView> items = result.items().stream().map(h -> {
            ChangeLogEntry e = h.entry();
            return new EntryView(e.id, e.changedAt, e.userId, e.username, e.projectId, e.documentId, e.entityType,
                    e.entityId, e.action.name(), history.tree(e.before), history.tree(e.after),
                    h.changes().stream().map(FieldChange::field).toList());
        }).toList();
        return new PageView(items, result.total(), result.page(), result.size(), result.pages());
    }
}
