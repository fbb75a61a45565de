package dev.credence.review.progress;

import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.project.ProjectRole;
import dev.credence.web.Flash;
import dev.credence.web.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The project's document list with the workflow in view: filter by state and assignee, sort by date, title or
 * state, and (managers) select many documents to assign to one member.
 */
@Path("/projects/{id}/worklist")
@Produces(MediaType.TEXT_HTML)
public class Worklists {
    @Inject
    ProjectAccess access;
    @Inject
    DocumentWorklist worklist;

    public record View(Project project, boolean manager, DocumentWorklist.Filter filter, String stateParam,
            List<DocumentWorklist.Row> rows, int page, int pages, long total, List<Membership> members, String error,
            String query) {
        /** The filter's query string ending in "page=", for the pager to append a page number to. */
        public String pageParam() {
            return (query.isEmpty() ? "?" : query + "&") + "page=";
        }

        public ReviewProgress.DocumentState[] states() {
            return ReviewProgress.DocumentState.values();
        }

        public DocumentWorklist.Sort[] sorts() {
            return DocumentWorklist.Sort.values();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(View v);
    }

    @GET
    public Response index(@RestPath Long id, @QueryParam("state") String state, @QueryParam("assignee") String assignee,
            @QueryParam("sort") String sort, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") int page) {
        Project project = access.requireMember(id);
        DocumentWorklist.Filter filter;
        String error = null;
        try {
            filter = DocumentWorklist.filter(state, assignee, sort, from, to);
        } catch (ClientErrorException e) {
            filter = DocumentWorklist.filter(null, null, null);
            error = e.getMessage();
        }
        return Response.status(error == null ? 200 : 422).entity(render(project, filter, page, error)).build();
    }

    /** Bulk assignment: {@code documentId} repeated, {@code username}; back to the same filtered list. */
    @POST
    @Path("assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@RestPath Long id, MultivaluedMap<String, String> form) {
        Project project = access.requireManager(id);
        String back = "/projects/" + id + "/worklist" + query(form.getFirst("state"), form.getFirst("assignee"),
                form.getFirst("sort"), form.getFirst("from"), form.getFirst("to"));
        List<Long> ids = new ArrayList<>();
        for (String s : form.getOrDefault("documentId", List.of())) {
            if (s.matches("\\d{1,18}")) {
                ids.add(Long.valueOf(s));
            }
        }
        try {
            DocumentWorklist.Outcome o = worklist.assign(project, ids, form.getFirst("username"));
            return Flash.redirect(back, o.assigned().size() + " document(s) assigned to " + form.getFirst("username")
                    + (o.skipped().isEmpty() ? "." : "; " + o.skipped().size() + " already had them."));
        } catch (ClientErrorException e) {
            DocumentWorklist.Filter filter = DocumentWorklist.filter(null, null, null);
            try {
                filter = DocumentWorklist.filter(form.getFirst("state"), form.getFirst("assignee"), form.getFirst("sort"),
                        form.getFirst("from"), form.getFirst("to"));
            } catch (ClientErrorException ignored) {
                // the list falls back to no filter; the assignment's own message is shown
            }
            return Response.status(e.getResponse().getStatus() == 404 ? 404 : 422)
                    .entity(render(project, filter, 0, e.getMessage())).build();
        }
    }

    private TemplateInstance render(Project project, DocumentWorklist.Filter filter, int page, String error) {
        Membership me = access.requireMember(project);
        List<DocumentWorklist.Row> all = worklist.rows(project, filter);
        int pages = Page.pages(all.size(), DocumentWorklist.PAGE_SIZE);
        int p = Page.clamp(page, all.size(), DocumentWorklist.PAGE_SIZE);
        List<DocumentWorklist.Row> rows = all.subList(p * DocumentWorklist.PAGE_SIZE,
                Math.min(all.size(), (p + 1) * DocumentWorklist.PAGE_SIZE));
        String q = query(filter.state() == null ? null : filter.state().name(), filter.assignee(), filter.sort().name(),
                filter.from() == null ? null : filter.from().toString(), filter.to() == null ? null : filter.to().toString());
        return Templates.index(new View(project, me.role == ProjectRole.manager, filter,
                filter.state() == null ? "" : filter.state().name(), rows, p, pages, all.size(),
                Membership.ofProject(project), error, q));
    }

    private static String query(String state, String assignee, String sort, String from, String to) {
        StringBuilder b = new StringBuilder();
        for (String[] kv : new String[][] { { "state", state }, { "assignee", assignee }, { "sort", sort },
                { "from", from }, { "to", to } }) {
            if (kv[1] != null && !kv[1].isBlank()) {
                b.append(b.length() == 0 ? '?' : '&').append(kv[0]).append('=')
                        .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }
}
