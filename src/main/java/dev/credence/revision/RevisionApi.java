package dev.credence.revision;

import dev.credence.account.CurrentUser;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import dev.credence.document.DocumentRevision;
import dev.credence.history.HistoryService;
import dev.credence.project.ProjectAccess;
import dev.credence.project.ProjectRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Corrected texts over the JSON API: replace a document's text (managers), list its revisions (members). */
// Rooted at /api/v1 like DocumentApi and ClaimApi: a longer class path would shadow their document routes.
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class RevisionApi {
    @Inject
    DocumentAccess documents;
    @Inject
    ProjectAccess projects;
    @Inject
    CurrentUser currentUser;
    @Inject
    TextRevisions revisions;

    /** {@code revision}, optional: the revision the caller corrected; 409 if the document has moved on since. */
    public record TextBody(String text, Integer revision) {
    }

    /**
     * {@code kept} and {@code moved} count spans of every kind (claims, mentions, cues) in every layer;
     * {@code orphaned} lists the claims that could not be placed (mentions and cues in their own lists).
     */
    public record RevisionResult(int revision, boolean changed, long kept, long moved, List<Long> orphaned,
            List<Long> orphanedMentions, List<Long> orphanedCues) {
        static RevisionResult of(TextRevisions.Result r) {
            return new RevisionResult(r.revision(), r.changed(), r.kept(), r.moved(),
                    r.orphaned(HistoryService.CLAIM), r.orphaned(HistoryService.MENTION), r.orphaned(HistoryService.CUE));
        }
    }

    public record RevisionView(int revision, boolean current, String textSha256, int lengthCp, Instant createdAt,
            String createdBy, String textUrl) {
    }

    @PUT
    @Path("documents/{id}/text")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct the document's text (managers of its project). The old text is kept as a revision;"
            + " every span of every layer is re-anchored: kept, moved, or orphaned for a reviewer to re-place")
    public RevisionResult revise(@RestPath Long id, TextBody body) {
        Document d = documents.require(id);
        projects.requireRole(d.project, ProjectRole.manager);
        if (body == null || body.text() == null) {
            throw new BadRequestException("A JSON body {\"text\"} is required (\"revision\" optional)");
        }
        return RevisionResult.of(revisions.revise(d, currentUser.get(), body.text(), body.revision()));
    }

    @GET
    @Path("documents/{id}/revisions")
    @Operation(summary = "The document's revisions, newest first (any member of its project)")
    public List<RevisionView> list(@RestPath Long id) {
        Document d = documents.require(id);
        return views(d);
    }

    static List<RevisionView> views(Document d) {
        List<RevisionView> out = new ArrayList<>();
        out.add(new RevisionView(d.revision, true, d.textSha256, d.lengthCp,
                d.revisedAt == null ? d.createdAt : d.revisedAt,
                d.revisedBy != null ? d.revisedBy.username : d.createdBy == null ? null : d.createdBy.username,
                textUrl(d.id, d.revision)));
        for (DocumentRevision r : DocumentRevision.<DocumentRevision>list("document = ?1 order by revision desc", d)) {
            out.add(new RevisionView(r.revision, false, r.textSha256, r.lengthCp, r.createdAt,
                    r.createdBy == null ? null : r.createdBy.username, textUrl(d.id, r.revision)));
        }
        return out;
    }

    static String textUrl(Long documentId, int revision) {
        return "/api/v1/documents/" + documentId + "/revisions/" + revision + "/text";
    }
}
