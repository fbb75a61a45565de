package dev.credence.document;

import dev.credence.account.CurrentUser;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Documents over the JSON API: import one or a JSON Lines batch, read one, list a project's. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentApi {
    static final String NDJSON = "application/x-ndjson";
    static final int MAX_PAGE_SIZE = 500;

    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess projects;
    @Inject
    DocumentAccess documents;
    @Inject
    DocumentService service;
    @ConfigProperty(name = "credence.import.max-file-bytes")
    long maxFileBytes;

    public record DocumentInput(String title, String url, String publisher, String publishedAt, String text) {
    }

    public record DocumentView(Long id, Long projectId, String title, String url, String publisher,
            LocalDate publishedAt, String text, String textSha256, int lengthCp, Instant createdAt) {
        static DocumentView of(Document d) {
            return new DocumentView(d.id, d.project.id, d.title, d.url, d.publisher, d.publishedAt, d.text,
                    d.textSha256, d.lengthCp, d.createdAt);
        }
    }

    /** A document in a list: everything but its text. */
    public record DocumentSummary(Long id, Long projectId, String title, String url, String publisher,
            LocalDate publishedAt, String textSha256, int lengthCp, Instant createdAt) {
        static DocumentSummary of(Document d) {
            return new DocumentSummary(d.id, d.project.id, d.title, d.url, d.publisher, d.publishedAt, d.textSha256,
                    d.lengthCp, d.createdAt);
        }
    }

    public record DocumentPage(List<DocumentSummary> items, int page, int size, long total) {
    }

    /** The 409 body: the usual error fields plus the id of the document that already holds this text. */
    public record DuplicateError(String error, String detail, Long existingId) {
    }

    public record DuplicateLine(int line, Long existingId) {
    }

    public record ImportView(List<Long> imported, List<DuplicateLine> duplicates) {
    }

    @POST
    @Path("projects/{id}/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import one article (manager)",
            description = "Text is NFC-normalized, CRLF/CR become LF, a BOM and trailing whitespace are dropped. "
                    + "The stored text is returned; span offsets count its code points.")
    @APIResponse(responseCode = "201", description = "Created; the body is the stored document")
    @APIResponse(responseCode = "409", description = "The project already holds this text: "
            + "{\"error\":\"conflict\",\"detail\",\"existingId\"}")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid (title, text, url, publishedAt)")
    public Response create(@RestPath Long id, DocumentInput body) {
        Project project = projects.requireManager(id);
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
    @Path("projects/{id}/documents/import")
    @Consumes({ NDJSON, "application/jsonl" })
    @Operation(summary = "Import a JSON Lines batch (manager)",
            description = "One {\"title\",\"url\"?,\"publisher\"?,\"publishedAt\"?,\"text\"} object per line. "
                    + "All or nothing: one bad line rejects the batch, naming the line. Texts the project already "
                    + "holds are listed under duplicates with their line and existing id.")
    @APIResponse(responseCode = "201", description = "At least one document created: {\"imported\":[ids],\"duplicates\":[{\"line\",\"existingId\"}]}")
    @APIResponse(responseCode = "200", description = "Nothing new: every line was already present")
    @APIResponse(responseCode = "400", description = "Malformed JSON; the detail names the line")
    @APIResponse(responseCode = "413", description = "Body over credence.import.max-file-bytes")
    @APIResponse(responseCode = "422", description = "A line has a missing or invalid field; the detail names the line")
    public Response importLines(@RestPath Long id, InputStream body) throws IOException {
        Project project = projects.requireManager(id);
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
    @Path("documents/{id}")
    @Operation(summary = "One document with its text")
    public DocumentView get(@RestPath Long id) {
        return DocumentView.of(documents.require(id));
    }

    @GET
    @Path("projects/{id}/documents")
    @Operation(summary = "A project's documents without their text, newest first, paged (page from 0)")
    public DocumentPage list(@RestPath Long id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Project project = projects.requireMember(id);
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
