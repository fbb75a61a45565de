package dev.credence.document;

import dev.credence.project.ProjectAccess;
import dev.credence.project.ProjectRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * One document over the JSON API, and the JSON shapes of documents. Import and listing
 * live under the project's path, in {@link ProjectDocumentApi}: a resource class under
 * /api/v1 would lose /api/v1/projects/... to ProjectApi, whose path matches longer.
 */
// Shares the /api/v1 root with ClaimApi: a class rooted at /api/v1/documents would shadow
// ClaimApi's /api/v1/documents/{id}/claims (the longest class path wins, without fallback).
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentApi {
    @Inject
    DocumentAccess documents;
    @Inject
    DocumentService service;
    @Inject
    ProjectAccess access;

    public record DocumentInput(String title, String url, String publisher, String publishedAt, String text) {
    }

    public record DocumentView(Long id, Long projectId, String title, String url, String publisher,
            LocalDate publishedAt, String text, String textSha256, int lengthCp, int revision, Instant createdAt) {
        static DocumentView of(Document d) {
            return new DocumentView(d.id, d.project.id, d.title, d.url, d.publisher, d.publishedAt, d.text,
                    d.textSha256, d.lengthCp, d.revision, d.createdAt);
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

    /**
     * Exactly the text that offsets of the given revision refer to, as {@code text/plain; charset=utf-8}:
     * the target source of W3C annotations. 404 for a revision that never existed.
     */
    @GET
    @Path("documents/{id}/revisions/{revision}/text")
    @Produces("text/plain; charset=utf-8")
    @Operation(summary = "The document's text at one revision (any member of its project)")
    public Response text(@RestPath Long id, @RestPath int revision) {
        Document d = documents.require(id);
        String text;
        String sha;
        if (revision == d.revision) {
            text = d.text;
            sha = d.textSha256;
        } else {
            DocumentRevision old = DocumentRevision.find(d, revision)
                    .orElseThrow(() -> new NotFoundException("Document " + id + " has no revision " + revision));
            text = old.text;
            sha = old.textSha256;
        }
        return Response.ok(text, "text/plain; charset=utf-8")
                .header("ETag", "\"" + sha + "\"")
                .header("X-Credence-Revision", revision)
                .header("X-Credence-Current-Revision", d.revision)
                .build();
    }

    /** Title, URL, publisher, date: only the fields sent change (null clears an optional one). Managers. */
    @PATCH
    @Path("documents/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a document's title, url, publisher or publishedAt (managers)")
    public DocumentView patch(@RestPath Long id, Map<String, Object> changes) {
        Document d = documents.require(id);
        access.requireRole(d.project, ProjectRole.manager);
        if (changes == null) {
            throw new BadRequestException("A JSON object with the fields to change is required");
        }
        return DocumentView.of(service.update(d.id, changes));
    }

    /** The document and all its layers; the registry's sources stay. Managers. */
    @DELETE
    @Path("documents/{id}")
    @Operation(summary = "Delete a document with all its layers (managers)")
    public Response delete(@RestPath Long id) {
        Document d = documents.require(id);
        access.requireRole(d.project, ProjectRole.manager);
        service.delete(d.id);
        return Response.noContent().build();
    }

    @GET
    @Path("documents/{id}")
    @Operation(summary = "One document with its text (any member of its project)")
    public DocumentView get(@RestPath Long id) {
        return DocumentView.of(documents.require(id));
    }
}
