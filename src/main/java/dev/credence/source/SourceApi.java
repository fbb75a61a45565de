package dev.credence.source;

import dev.credence.account.CurrentUser;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.source.stats.SourceStatistics;
import dev.credence.source.stats.SourceStats;
import dev.credence.web.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The source registry over JSON. The registry is shared by all users; grades and attributed
 * claims are returned only for the caller's projects (see docs/sources.md).
 */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sources")
public class SourceApi {
    static final int MAX_SIZE = 200;

    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess access;
    @Inject
    SourceService sources;
    @Inject
    SourceGrades grades;
    @Inject
    SourceSearch search;
    @Inject
    AttributedClaims attributed;
    @Inject
    SourceStats statistics;

    public record SourceInputBody(String name, String type, List<String> aliases, String country, Long parentId,
            String url, String sameAs, String description) {
        SourceInput input() {
            return new SourceInput(name, type, country, parentId, null, url, sameAs, description, aliases);
        }
    }

    public record SourceView(Long id, String name, String type, List<String> aliases, String country, Long parentId,
            String url, String sameAs, String description) {
        static SourceView of(Source s, List<String> aliases) {
            return new SourceView(s.id, s.name, s.type.name(), aliases, s.country, s.parent == null ? null : s.parent.id,
                    s.url, s.sameAs, s.description);
        }
    }

    /** A source with what the caller's projects say about it. */
    public record SourceDetail(Long id, String name, String type, List<String> aliases, String country, Long parentId,
            String url, String sameAs, String description, List<GradeView> grades, long claimCount) {
    }

    public record GradeInput(Long projectId, String grade, String rationale) {
    }

    public record GradeView(Long id, Long projectId, String projectName, String grade, String rationale, String gradedBy,
            Instant gradedAt) {
        static GradeView of(SourceGrade g) {
            return new GradeView(g.id, g.project.id, g.project.name, g.grade, g.rationale, g.gradedBy.username, g.gradedAt);
        }
    }

    public record ClaimView(Long claimId, Long documentId, String documentTitle, Long projectId, String exact,
            String chain, int position, String relation, String reliability, Integer credibility) {
        static ClaimView of(AttributedClaim a) {
            return new ClaimView(a.claim().id(), a.document().id(), a.document().title(), a.document().project().id,
                    a.claim().exact(), a.claim().chain(), a.hop().position(), a.hop().relation(), a.hop().reliability(),
                    a.claim().credibility());
        }
    }

    /** The 409 body: the usual {error, detail} plus the id of the source that already has the name. */
    public record ConflictView(String error, String detail, Long existingId) {
    }

    @GET
    @Operation(summary = "Search the registry by name or alias (case-insensitive substring) and type")
    public List<SourceView> list(@QueryParam("q") String q,
            @Parameter(description = "one of the source types, e.g. firm_report") @QueryParam("type") String type,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        var me = currentUser.get();
        SourceType parsed = null;
        if (type != null && !type.isBlank()) {
            parsed = SourceType.parse(type);
            if (parsed == null) {
                throw new dev.credence.web.UnprocessableException("type: '" + type + "' is not one of " + List.of(SourceType.values()));
            }
        }
        if (size < 1 || size > MAX_SIZE || page < 0) {
            throw new BadRequestException("page >= 0 and size between 1 and " + MAX_SIZE);
        }
        Page<SourceRow> result = search.search(q, parsed, page, size, me);
        if (page > result.page()) {
            return List.of();
        }
        return result.items().stream().map(r -> SourceView.of(r.source(), r.aliases())).toList();
    }

    @POST
    @Operation(summary = "Add a source to the shared registry")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The name or an alias already names a source")
    @APIResponse(responseCode = "422", description = "Missing name, unknown type, bad URL or unknown parent")
    public Response create(SourceInputBody body) {
        var me = currentUser.get();
        if (body == null) {
            throw new BadRequestException("Body must be {\"name\",\"type\",\"aliases\"?,\"country\"?,\"parentId\"?,\"url\"?,\"sameAs\"?,\"description\"?}");
        }
        try {
            Source s = sources.create(body.input(), me);
            return Response.created(URI.create("/api/v1/sources/" + s.id)).entity(SourceView.of(s, sources.aliasesOf(s))).build();
        } catch (DuplicateSourceException e) {
            return conflict(e);
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A source, with the grades and the number of attributed claims visible to the caller")
    public SourceDetail get(@RestPath Long id) {
        var me = currentUser.get();
        Source s = sources.requireSource(id);
        SourceView v = SourceView.of(s, sources.aliasesOf(s));
        return new SourceDetail(v.id(), v.name(), v.type(), v.aliases(), v.country(), v.parentId(), v.url(), v.sameAs(),
                v.description(), grades.grades(s, me).stream().map(GradeView::of).toList(), attributed.count(s, me));
    }

    @POST
    @Path("{id}/grades")
    @Operation(summary = "Append a reliability grade (A–F) in one of the caller's projects; earlier grades are kept")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "404", description = "No such source, or the caller is not a member of the project")
    @APIResponse(responseCode = "422", description = "Grade not one of A–F")
    public Response grade(@RestPath Long id, GradeInput body) {
        var me = currentUser.get();
        Source s = sources.requireSource(id);
        if (body == null || body.projectId() == null) {
            throw new BadRequestException("Body must be {\"projectId\",\"grade\",\"rationale\"?}");
        }
        Project project = access.requireMember(body.projectId());
        SourceGrade g = grades.addGrade(s, project, body.grade(), body.rationale(), me);
        return Response.status(201).entity(GradeView.of(g)).build();
    }

    @GET
    @Path("{id}/stats")
    @Operation(summary = "What the caller's projects say about the source, in figures: claims attributed (gold and"
            + " submitted layers the caller may read), credibility and hop-reliability distributions, independent"
            + " corroborations and contradictions, per month of publication, and the reliability history")
    @APIResponse(responseCode = "404", description = "No such source")
    public SourceStatistics stats(@RestPath Long id) {
        return statistics.of(sources.requireSource(id), currentUser.get());
    }

    @GET
    @Path("{id}/claims")
    @Operation(summary = "Claims attributed to the source (any hop) in the caller's projects, newest document first")
    public List<ClaimView> claims(@RestPath Long id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (size < 1 || size > MAX_SIZE || page < 0) {
            throw new BadRequestException("page >= 0 and size between 1 and " + MAX_SIZE);
        }
        var me = currentUser.get();
        Source s = sources.requireSource(id);
        Page<AttributedClaim> result = attributed.page(s, me, page, size);
        if (page > result.page()) {
            return List.of();
        }
        return result.items().stream().map(ClaimView::of).toList();
    }

    private static Response conflict(DuplicateSourceException e) {
        return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ConflictView("conflict", e.getMessage(), e.existing.id)).build();
    }
}
