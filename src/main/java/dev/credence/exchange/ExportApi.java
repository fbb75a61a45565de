package dev.credence.exchange;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/projects/{id}/export")
@Tag(name = "Export")
public class ExportApi {
    @Inject
    ExportService exports;

    @GET
    @Blocking
    @Produces({ "application/x-ndjson", "text/csv", "application/zip", "text/plain", "application/json" })
    @Operation(summary = "Stream the project's annotations",
            description = "Native JSONL (one document per line), CSV (one row per claim, hop columns flattened), "
                    + "brat standoff (zip) or CoNLL BIO (one token a line). "
                    + "Offsets are Unicode code points, end exclusive. The layers are those the caller may read "
                    + "(docs/review-workflow.md, who sees which layer). Layouts: docs/formats.md.")
    @APIResponse(responseCode = "200", description = "The export, streamed", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "Unknown format or layer")
    @APIResponse(responseCode = "401", description = "No or unknown bearer token")
    @APIResponse(responseCode = "404", description = "No such project, or the caller is not a member")
    public Response export(@RestPath Long id,
            @Parameter(description = "jsonl, csv, brat (zip) or conll", required = true) @QueryParam("format") String format,
            @Parameter(description = "all (default: reviewer layers and gold), gold, or reviewers") @QueryParam("layer") String layer,
            @Parameter(description = "true: each claim carries its item's agreement among the reviewer layers (JSONL)")
            @QueryParam("agreement") boolean agreement, @Context UriInfo uri) {
        return exports.export(id, format, layer, agreement, uri.getBaseUri());
    }
}
