package dev.credence.document;

import dev.credence.account.CurrentUser;
import dev.credence.document.DocumentApi.DocumentInput;
import dev.credence.document.DocumentApi.DocumentPage;
import dev.credence.document.DocumentApi.DocumentSummary;
import dev.credence.document.DocumentApi.DocumentView;
import dev.credence.document.DocumentApi.DuplicateError;
import dev.credence.document.DocumentApi.DuplicateLine;
import dev.credence.document.DocumentApi.ImportView;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.web.UnprocessableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A project's documents over the JSON API: import one, import a JSON Lines batch, list. */
@Path("/api/v1/projects/{projectId}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class ProjectDocumentApi {
    static final String NDJSON = "application/x-ndjson";
    static final int MAX_PAGE_SIZE = 500;

    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess projects;
    @Inject
    DocumentService service;
    @ConfigProperty(name = "credence.import.max-file-bytes")
    long maxFileBytes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import one article (manager)",
            description = "Text is NFC-normalized, CRLF/CR become LF, a BOM and trailing whitespace are dropped. "
                    + "The stored text is returned; span offsets count its code points.")
    @APIResponse(responseCode = "201", description = "Created; the body is the stored document")
    @APIResponse(responseCode = "409", description = "The project already holds this text: "
            + "{\"error\":\"conflict\",\"detail\",\"existingId\"}")
    @APIResponse(responseCode = "413", description = "Text longer than Document.MAX_TEXT")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid (title, text, url, publishedAt)")
    public Response create(@RestPath Long projectId, DocumentInput body) {
        Project project = projects.requireManager(projectId);
        if (body == null) {
            throw new BadRequestException("Body must be {\"title\",\"url\"?,\"publisher\"?,\"publishedAt\"?,\"text\"}");
        }
        ImportResult result = service.importAll(project, currentUser.get(),
                List.of(ArticleInput.of(body.title(), body.url(), body.publisher(), body.publishedAt(), body.text())));
        if (!result.duplicates().isEmpty()) {
            Long existing = result.duplicates().get(0).existingId();
            return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE).entity(new DuplicateError("conflict",
                    "This text is already present as document " + existing, existing)).build();
        }
        return Response.status(201).entity(DocumentView.of(result.imported().get(0))).build();
    }

    @POST
    @Path("import")
    @Consumes({ NDJSON, "application/jsonl" })
    @Operation(summary = "Import a JSON Lines batch (manager)",
            description = "One {\"title\",\"url\"?,\"publisher\"?,\"publishedAt\"?,\"text\"} object per line. "
                    + "All or nothing: one bad line rejects the batch, naming the line. Texts the project already "
                    + "holds (or that an earlier line holds) are listed under duplicates with line and existing id.")
    @APIResponse(responseCode = "201", description = "At least one document created: "
            + "{\"imported\":[ids],\"duplicates\":[{\"line\",\"existingId\"}]}")
    @APIResponse(responseCode = "200", description = "Nothing new: every line was already present")
    @APIResponse(responseCode = "400", description = "Malformed JSON; the detail names the line")
    @APIResponse(responseCode = "413", description = "Body over credence.import.max-file-bytes")
    @APIResponse(responseCode = "422", description = "A line has a missing or invalid field; the detail names the line")
    public Response importLines(@RestPath Long projectId, InputStream body) throws IOException {
        Project project = projects.requireManager(projectId);
        byte[] bytes = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        if (bytes.length > maxFileBytes) {
            throw new ClientErrorException("Body over the limit of " + maxFileBytes + " bytes; split the batch", 413);
        }
        if (bytes.length == 0) {
            throw new BadRequestException("Empty body: send one JSON object per line");
        }
        List<ArticleInput> articles = JsonlArticleReader.read(new ByteArrayInputStream(bytes), "body");
        ImportResult result = service.importAll(project, currentUser.get(), articles);
        ImportView view = new ImportView(result.imported().stream().map(d -> d.id).toList(),
                result.duplicates().stream().map(d -> new DuplicateLine(d.input().line(), d.existingId())).toList());
        return Response.status(result.imported().isEmpty() ? 200 : 201).entity(view).build();
    }

    @GET
    @Operation(summary = "A project's documents without their text, newest first, paged (page counts from 0)")
    public DocumentPage list(@RestPath Long projectId, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Project project = projects.requireMember(projectId);
        if (page < 0) {
            throw new UnprocessableException("page: 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new UnprocessableException("size: between 1 and " + MAX_PAGE_SIZE);
        }
        List<DocumentSummary> items = service.page(project, page, size).stream().map(DocumentSummary::of).toList();
        return new DocumentPage(items, page, size, service.count(project));
    }
}
