package dev.credence.exchange;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** An export job over the API: poll it, download its file (docs/api.md, "Export jobs"); ProjectExportJobApi starts one. */
@Path("/api/v1/exports")
@Tag(name = "Export")
@Blocking
public class ExportJobApi {
    static final String JOBS = "/api/v1/exports/";

    @Inject
    ExportJobService jobs;

    @GET
    @Path("{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An export job's state and progress",
            description = "progress counts documents; downloadUrl is set once the state is done.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ExportJobService.View.class)))
    @APIResponse(responseCode = "403", description = "Another member's job")
    @APIResponse(responseCode = "404", description = "No such job, or the caller is not a member of its project")
    public ExportJobService.View status(@RestPath Long jobId) {
        return jobs.view(jobs.require(jobId), JOBS);
    }

    @GET
    @Path("{jobId}/download")
    @Produces({ "application/x-ndjson", "text/csv", "application/zip", "application/json" })
    @Operation(summary = "The finished export file", description = "With Content-Disposition: attachment.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(
            mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "Another member's job")
    @APIResponse(responseCode = "404", description = "No such job, or the caller is not a member of its project")
    @APIResponse(responseCode = "409", description = "The job is not done (queued, running or failed)")
    @APIResponse(responseCode = "410", description = "The file was removed after the retention time")
    @APIResponse(responseCode = "503", description = "The file is on another instance (Retry-After)")
    public Response download(@RestPath Long jobId) {
        return jobs.download(jobs.require(jobId));
    }
}
