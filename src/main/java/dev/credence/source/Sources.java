package dev.credence.source;

import dev.credence.account.CurrentUser;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.source.stats.SourceCharts;
import dev.credence.source.stats.SourceStatistics;
import dev.credence.source.stats.SourceStats;
import dev.credence.web.Flash;
import dev.credence.web.Page;
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

/**
 * Source registry pages: list and search, create, show (history and attributed claims), edit, grade.
 *
 * <p>The registry is shared: anyone logged in may read it, add sources and edit the shared fields
 * (name, type, aliases, links…), as a wiki would; there is no per-source owner to ask. What is said
 * about a source — grades, attributed claims — is shown only for the viewer's projects.
 */
@Path("/sources")
@Produces(MediaType.TEXT_HTML)
public class Sources {
    static final int PAGE_SIZE = 25;
    static final int CLAIMS_PAGE_SIZE = 50;
    static final int PARENT_CHOICES = 500;

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

    /** The fields of the create/edit form as typed, so a rejected form comes back with its values. */
    public record Form(String name, String type, String country, String parent, String url, String sameAs,
            String description, String aliases) {
        static Form empty() {
            return new Form("", "", "", "", "", "", "", "");
        }

        static Form of(Source s, List<String> aliases) {
            return new Form(s.name, s.type.name(), s.country, s.parent == null ? "" : s.parent.name, s.url, s.sameAs,
                    s.description, SourceInput.joinAliases(aliases));
        }

        SourceInput input() {
            return new SourceInput(name, type, country, null, parent, url, sameAs, description,
                    SourceInput.splitAliases(aliases));
        }
    }

    /** The add-a-grade form as typed. */
    public record GradeForm(Long projectId, String grade, String rationale) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Page<SourceRow> result, String q, String type, List<SourceType> types);

        /** Shared by new and edit: {@code source} is null when creating. */
        static native TemplateInstance form(Source source, Form form, List<SourceType> types, List<String> names,
                String error, Source duplicate);

        static native TemplateInstance show(Source source, List<String> aliases, List<Source> children,
                SourceStatistics stats, List<SourceCharts.Bars> gradeCharts, SourceCharts.Monthly monthly,
                Page<AttributedClaim> claims, long claimCount, List<Project> projects, GradeForm gradeForm,
                List<Reliability> gradeChoices, String error);
    }

    @GET
    public TemplateInstance index(@QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("page") int page) {
        SourceType parsed = SourceType.parse(type);
        Page<SourceRow> result = search.search(q, parsed, page, PAGE_SIZE, currentUser.get());
        return Templates.index(result, q == null ? "" : q, parsed == null ? "" : parsed.name(), List.of(SourceType.values()));
    }

    @GET
    @Path("new")
    public TemplateInstance newSource() {
        return Templates.form(null, Form.empty(), List.of(SourceType.values()), sources.names(PARENT_CHOICES), null, null);
    }

    @POST
    public Response create(@RestForm String name, @RestForm String type, @RestForm String country,
            @RestForm String parent, @RestForm String url, @RestForm String sameAs, @RestForm String description,
            @RestForm String aliases) {
        Form form = new Form(name, type, country, parent, url, sameAs, description, aliases);
        try {
            Source s = sources.create(form.input(), currentUser.get());
            return Flash.redirect("/sources/" + s.id, "Source added to the registry.");
        } catch (ClientErrorException e) {
            return rejected(null, form, e);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@RestPath Long id, @QueryParam("page") int page) {
        Source source = sources.requireSource(id);
        return showPage(source, page, new GradeForm(null, null, null), null);
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@RestPath Long id) {
        Source source = sources.requireSource(id);
        return Templates.form(source, Form.of(source, sources.aliasesOf(source)), List.of(SourceType.values()),
                sources.names(PARENT_CHOICES), null, null);
    }

    @POST
    @Path("{id}")
    public Response update(@RestPath Long id, @RestForm String name, @RestForm String type, @RestForm String country,
            @RestForm String parent, @RestForm String url, @RestForm String sameAs, @RestForm String description,
            @RestForm String aliases) {
        Source source = sources.requireSource(id);
        Form form = new Form(name, type, country, parent, url, sameAs, description, aliases);
        try {
            sources.update(source.id, form.input());
            return Flash.redirect("/sources/" + id, "Source saved.");
        } catch (ClientErrorException e) {
            return rejected(source, form, e);
        }
    }

    @POST
    @Path("{id}/grades")
    public Response grade(@RestPath Long id, @RestForm Long projectId, @RestForm String grade, @RestForm String rationale) {
        Source source = sources.requireSource(id);
        Project project = access.requireMember(projectId);
        try {
            SourceGrade added = grades.addGrade(source, project, grade, rationale, currentUser.get());
            return Flash.redirect("/sources/" + id + "#history-h", "Grade " + added.grade + " added for " + project.name + ".");
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(showPage(source, 0, new GradeForm(projectId, grade, rationale), e.getMessage())).build();
        }
    }

    private TemplateInstance showPage(Source source, int page, GradeForm gradeForm, String error) {
        var me = currentUser.get();
        SourceStatistics stats = statistics.of(source, me);
        return Templates.show(source, sources.aliasesOf(source), sources.children(source), stats,
                List.of(SourceCharts.bars("chart-credibility", "Credibility of its claims", stats.credibility(), "cred", "claims"),
                        SourceCharts.bars("chart-reliability", "Reliability given to it in claims", stats.reliabilityAtHops(),
                                "rel", "hops")),
                SourceCharts.monthly(stats.months()),
                attributed.page(source, me, page, CLAIMS_PAGE_SIZE), attributed.count(source, me),
                access.myProjects(), gradeForm, List.of(Reliability.values()), error);
    }

    private Response rejected(Source source, Form form, ClientErrorException e) {
        Source duplicate = e instanceof DuplicateSourceException d ? d.existing : null;
        String error = e.getMessage();
        return Response.status(e.getResponse().getStatus())
                .entity(Templates.form(source, form, List.of(SourceType.values()), sources.names(PARENT_CHOICES), error,
                        duplicate))
                .build();
    }
}
