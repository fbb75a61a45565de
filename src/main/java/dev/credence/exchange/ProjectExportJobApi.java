package dev.credence.exchange;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Starts a project's background export (docs/api.md, "Export jobs"); ExportJobApi polls and downloads it. */
@Path("/api/v1/projects/{id}/exports")
@Tag(name = "Export")
@Blocking
public class ProjectExportJobApi {
    @Inject
    ExportJobService jobs;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a background export",
            description = "The same parameters and access as GET /projects/{id}/export; the export is written to "
                    + "a file on the server. Poll the job (Location) until its state is done, then download it.")
    @APIResponse(responseCode = "202", description = "The job, queued", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ExportJobService.View.class)))
    @APIResponse(responseCode = "400", description = "Unknown format, layer, entities or offsets")
    @APIResponse(responseCode = "401", description = "No or unknown bearer token")
    @APIResponse(responseCode = "404", description = "No such project, or the caller is not a member")
    @APIResponse(responseCode = "503", description = "Too many exports waiting (Retry-After)")
    public Response start(@RestPath Long id,
            @Parameter(description = "an export format (ExportFormat), e.g. jsonl or csv", required = true)
            @QueryParam("format") String format,
            @Parameter(description = "all (default), gold, or reviewers") @QueryParam("layer") String layer,
            @Parameter(description = "true: each claim carries its item's agreement (JSONL)")
            @QueryParam("agreement") boolean agreement,
            @Parameter(description = "doccano: all (default), claims or mentions-cues (the last two without overlapping entities)")
            @QueryParam("entities") String entities,
            @Parameter(description = "doccano: utf16 (default, as doccano's editor counts) or codepoints")
            @QueryParam("offsets") String offsets, @Context UriInfo uri) {
        ExportJob job = jobs.start(id, format, layer, agreement, uri.getBaseUri(),
                ExportService.formatOptions(entities, offsets));
        return Response.accepted(jobs.view(job, ExportJobApi.JOBS)).location(uri.getBaseUriBuilder()
                .path("api/v1/exports/{job}").build(job.id)).build();
    }
}
