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
    @Produces({ "application/x-ndjson", "text/csv", "application/zip", "application/ld+json", "text/plain", "application/json" })
    @Operation(summary = "Stream the project's annotations",
            description = "Native JSONL (one document per line), CSV (one row per claim, hop columns flattened), "
                    + "doccano (relation JSONL, one line per document and layer; import into a sequence-labeling project "
                    + "with 'Allow overlapping spans' and 'Use relation labeling' on, or ask for entities=claims or "
                    + "entities=mentions-cues, which have no overlapping entities; offsets are UTF-16 code units as "
                    + "doccano's editor counts them unless offsets=codepoints) or labelstudio (a zip of tasks.json and "
                    + "label_config.xml: create the project with that labeling config, then import tasks.json), "
                    + "W3C Web Annotation JSON-LD (w3c), schema.org ClaimReview JSON-LD (claimreview), "
                    + "brat standoff (brat, zip) or CoNLL BIO (conll, one token a line). "
                    + "Other offsets are Unicode code points, end exclusive. The layers are those the caller may read "
                    + "(docs/review-workflow.md, who sees which layer). Layouts: docs/formats.md.")
    @APIResponse(responseCode = "200", description = "The export, streamed", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "Unknown format, layer, entities or offsets")
    @APIResponse(responseCode = "401", description = "No or unknown bearer token")
    @APIResponse(responseCode = "404", description = "No such project, or the caller is not a member")
    public Response export(@RestPath Long id,
            @Parameter(description = "jsonl, csv, doccano, labelstudio, w3c (Web Annotation JSON-LD), claimreview (schema.org JSON-LD), brat (zip) or conll", required = true) @QueryParam("format") String format,
            @Parameter(description = "all (default: reviewer layers and gold), gold, or reviewers") @QueryParam("layer") String layer,
            @Parameter(description = "true: each claim carries its item's agreement among the reviewer layers (JSONL)")
            @QueryParam("agreement") boolean agreement,
            @Parameter(description = "doccano: all (default), claims or mentions-cues (the last two without overlapping entities)")
            @QueryParam("entities") String entities,
            @Parameter(description = "doccano: utf16 (default, what doccano's editor counts) or codepoints")
            @QueryParam("offsets") String offsets, @Context UriInfo uri) {
        return exports.export(id, format, layer, agreement, uri.getBaseUri(), ExportService.formatOptions(entities, offsets));
    }
}
