package dev.credence.exchange.importing;

import dev.credence.account.CurrentUser;
import dev.credence.annotation.LayerState;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.web.UnprocessableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Annotation files over the API: the file is the raw body, whatever its content type. {@code preview}
 * reads and checks it and proposes a label mapping without storing anything; the import stores it all or nothing.
 */
@Path("/api/v1/projects/{projectId}/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Import")
public class AnnotationImportApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess projects;
    @Inject
    AnnotationImportService service;
    @ConfigProperty(name = "credence.import.max-file-bytes")
    long maxFileBytes;

    public record PreviewView(String format, int documents, int duplicates, int regions, int relations,
            int predictions, Map<String, Integer> spanLabels, Map<String, Integer> choiceLabels,
            Map<String, Integer> relationLabels, List<Proposal> mapping, List<String> unmapped, List<String> notes,
            Map<String, List<String>> targets) {
    }

    /** {@code use} is span, choice or relation; {@code target} null when none could be proposed. */
    public record Proposal(String use, String label, String target) {
    }

    @POST
    @Operation(summary = "Import an annotation file: documents plus a layer (manager)",
            description = "Body: the file (native JSONL, doccano JSONL, or a Label Studio JSON task file), any content "
                    + "type. All or nothing: one bad record stores nothing; errors name the file, line or task, and "
                    + "field. Texts the project already holds are listed under duplicates and not imported again. "
                    + "docs/import.md, \"Annotations from other tools\".")
    @APIResponse(responseCode = "201", description = "Stored: {\"imported\":[ids],\"duplicates\":[{\"where\",\"existingId\"}],"
            + "\"layers\",\"claims\",\"mentions\",\"cues\",\"hops\",\"notes\"}")
    @APIResponse(responseCode = "200", description = "Nothing new: every record's text was already present")
    @APIResponse(responseCode = "400", description = "Malformed JSON (line and column), unknown format, bad mapping")
    @APIResponse(responseCode = "413", description = "Body over credence.import.max-file-bytes")
    @APIResponse(responseCode = "422", description = "A record is invalid: offsets, a region's text that does not "
            + "match, unmapped labels, a layer owner who is not a member")
    public Response importFile(@RestPath Long projectId,
            @Parameter(description = "jsonl, doccano or labelstudio", required = true) @QueryParam("format") String format,
            @Parameter(description = "a member's username, gold, or (jsonl, default) as-exported") @QueryParam("layer") String layer,
            @Parameter(description = "Label=target,… or a JSON object; see docs/import.md") @QueryParam("mapping") String mapping,
            @Parameter(description = "submitted or in_progress; default: submitted, in_progress for predictions") @QueryParam("state") String state,
            @Parameter(description = "the file's name, used in error messages (default: body)") @QueryParam("filename") String filename,
            InputStream body) throws IOException {
        Project project = projects.requireManager(projectId);
        AnnotationImportFormat f = AnnotationImportFormat.parse(format);
        byte[] bytes = read(body);
        AnnotationImportResult result = service.importFile(project, currentUser.get(), f, bytes, name(filename),
                AnnotationImportService.Target.parse(layer, f), LabelMapping.parse(mapping), state(state));
        return Response.status(result.imported().isEmpty() ? 200 : 201).entity(result).build();
    }

    @POST
    @Path("preview")
    @Operation(summary = "Read an annotation file and propose a label mapping, storing nothing (manager)")
    @APIResponse(responseCode = "200", description = "Counts, the labels found with their counts, the proposed mapping, "
            + "the labels without a target")
    public PreviewView preview(@RestPath Long projectId, @QueryParam("format") String format,
            @QueryParam("mapping") String mapping, @QueryParam("filename") String filename, InputStream body)
            throws IOException {
        Project project = projects.requireManager(projectId);
        AnnotationImportFormat f = AnnotationImportFormat.parse(format);
        AnnotationImportService.Preview p = service.preview(project, f, read(body), name(filename),
                LabelMapping.parse(mapping));
        return view(p);
    }

    static PreviewView view(AnnotationImportService.Preview p) {
        List<Proposal> proposals = new ArrayList<>();
        p.proposed().forEach((k, v) -> {
            int cut = k.indexOf('\u0000');
            proposals.add(new Proposal(k.substring(0, cut), k.substring(cut + 1), v));
        });
        Map<String, List<String>> targets = new java.util.LinkedHashMap<>();
        for (LabelMapping.Use use : LabelMapping.Use.values()) {
            targets.put(use.name(), LabelTarget.choices(use, p.schema()));
        }
        return new PreviewView(p.format().name(), p.documents(), p.duplicates(), p.regions(), p.links(),
                p.predictions(), p.census().spans(), p.census().choices(), p.census().relations(), proposals,
                p.unmapped(), p.notes(), targets);
    }

    private byte[] read(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0]
                : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        if (bytes.length > maxFileBytes) {
            throw new ClientErrorException("Body over the limit of " + maxFileBytes + " bytes; split the file", 413);
        }
        if (bytes.length == 0) {
            throw new BadRequestException("Empty body: send the file as the request body");
        }
        return bytes;
    }

    static String name(String filename) {
        if (filename == null || filename.isBlank()) {
            return "body";
        }
        String s = filename.replace('\\', '/');
        return dev.credence.web.TextPolicy.shorten(s.substring(s.lastIndexOf('/') + 1), 200);
    }

    static LayerState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return switch (state.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "submitted" -> LayerState.submitted;
            case "in_progress" -> LayerState.in_progress;
            default -> throw new UnprocessableException("state: submitted or in_progress, not '" + state + "'");
        };
    }
}
