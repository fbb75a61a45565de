package dev.credence.exchange;

import dev.credence.web.Flash;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** The page door of export jobs: the project page's export form starts one, its script polls it. */
@Path("/projects/{id}/exports")
@Blocking
public class ExportJobs {

    @Inject
    ExportJobService jobs;

    /** Starts the job and returns to the project page, where its progress shows. */
    @POST
    public Response start(@RestPath Long id, @RestForm String format, @RestForm String layer,
            @RestForm boolean agreement, @RestForm String entities, @RestForm String offsets, @Context UriInfo uri) {
        ExportJob job = jobs.start(id, format, layer, agreement, uri.getBaseUri(),
                ExportService.formatOptions(entities, offsets));
        return Flash.redirect("/projects/" + id + "#export-job-" + job.id,
                "Export started: " + job.format + ", " + job.fileName + ".");
    }

    /** The job's state as JSON, for the page's script (the API's shape, with this door's download URL). */
    @GET
    @Path("{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    public ExportJobService.View status(@RestPath Long id, @RestPath Long jobId) {
        return jobs.view(jobs.require(id, jobId), "/projects/" + id + "/exports/");
    }

    @GET
    @Path("{jobId}/download")
    public Response download(@RestPath Long id, @RestPath Long jobId) {
        return jobs.download(jobs.require(id, jobId));
    }
}
