package dev.credence.annotation;

import dev.credence.account.CurrentUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Threaded comments on a claim as JSON, for whoever may see the claim (see {@link ClaimReading}). */
@Path("/api/v1/claims/{id}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Comments", description = "Threaded discussion of a claim")
public class ClaimCommentApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    ClaimReading reading;

    public record CommentBody(String body, Long parentId) {
    }

    public record Author(Long id, String username, String displayName) {
    }

    public record CommentView(Long id, Long claimId, Long parentId, Author author, String body, Instant createdAt,
            List<CommentView> replies) {
        static CommentView of(CommentThread t) {
            return of(t.comment(), t.replies().stream().map(CommentView::of).toList());
        }

        static CommentView of(ClaimComment k, List<CommentView> replies) {
            return new CommentView(k.id, k.claim.id, k.parent == null ? null : k.parent.id,
                    new Author(k.author.id, k.author.username, k.author.displayName), k.body, k.createdAt, replies);
        }
    }

    @GET
    @Operation(summary = "The claim's comment threads, oldest first, each with its replies")
    public List<CommentView> list(@RestPath Long id) {
        Claim claim = reading.requireVisible(id, currentUser.get());
        return reading.threads(claim).stream().map(CommentView::of).toList();
    }

    @POST
    @Operation(summary = "Comment on the claim, or reply to one of its comments with parentId; body 1-4000 characters (422 otherwise)")
    public Response create(@RestPath Long id, CommentBody body) {
        if (body == null) {
            throw new BadRequestException("A JSON body {\"body\", \"parentId\"?} is required");
        }
        ClaimComment k = reading.comment(id, currentUser.get(), body.body(), body.parentId());
        return Response.status(201).entity(CommentView.of(k, List.of())).build();
    }
}
