package dev.credence.review.agreement;

import dev.credence.project.Project;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/projects/{id}/agreement")
@Tag(name = "Agreement")
public class AgreementApi {
    @Inject
    AgreementService agreement;

    @GET
    @Blocking
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "Inter-reviewer agreement",
            description = "Span precision/recall/F1 (exact and Jaccard ≥ 0.5 overlap) and Cohen's κ on credibility per "
                    + "reviewer pair (a = reference, b = candidate), Krippendorff's α over all reviewers: ordinal for "
                    + "credibility and reliability (6 and F count as missing), nominal for the originator hop's source "
                    + "type and relation. Only submitted reviewer layers count. Undefined figures are null. "
                    + "Definitions: docs/agreement.md. Managers and adjudicators only.")
    @APIResponse(responseCode = "200", description = "The agreement report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "Unknown format")
    @APIResponse(responseCode = "401", description = "No or unknown bearer token")
    @APIResponse(responseCode = "403", description = "The caller is a reviewer in this project")
    @APIResponse(responseCode = "404", description = "No such project or document, or the caller is not a member")
    public Response agreement(@RestPath Long id,
            @Parameter(description = "Only this document of the project") @QueryParam("document") Long document,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
        return respond(agreement, id, document, format);
    }

    /** Shared with the page's CSV link. */
    static Response respond(AgreementService agreement, Long projectId, Long documentId, String format) {
        Project project = agreement.requireViewer(projectId);
        Long doc = documentId == null ? null : agreement.requireDocument(project, documentId);
        boolean csv;
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            csv = false;
        } else if (format.equalsIgnoreCase("csv")) {
            csv = true;
        } else {
            throw new BadRequestException("format: one of json, csv (got '" + format + "')");
        }
        AgreementReport report = agreement.report(project, doc);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        String filename = "agreement-project-" + project.id + (doc == null ? "" : "-document-" + doc) + ".csv";
        return Response.ok(AgreementCsv.write(report), "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
