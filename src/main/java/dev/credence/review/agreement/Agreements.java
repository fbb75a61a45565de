package dev.credence.review.agreement;

import dev.credence.project.Project;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** The agreement page of a project (managers and adjudicators) and its CSV download. */
@Path("/projects/{id}/agreement")
public class Agreements {
    @Inject
    AgreementService agreement;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(Project project, AgreementReport report);
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestPath Long id) {
        Project project = agreement.requireViewer(id);
        return Templates.show(project, agreement.report(project, null));
    }

    @GET
    @Blocking
    @Path("csv")
    @Produces("text/csv")
    public Response csv(@RestPath Long id, @QueryParam("document") Long document) {
        return AgreementApi.respond(agreement, id, document, "csv");
    }
}
