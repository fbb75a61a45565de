package dev.credence.annotation;

import dev.credence.account.CurrentUser;
import dev.credence.history.HistoryEntry;
import dev.credence.history.HistoryService;
import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A claim's own page: the claim with its chain and grades, its history (what changed, who, when) and
 * its comment threads. Who may see it: {@link ClaimReading}.
 */
@Path("/claims")
@Produces(MediaType.TEXT_HTML)
public class Claims {
    @Inject
    CurrentUser currentUser;
    @Inject
    ClaimReading reading;
    @Inject
    HistoryService history;

    /** The comment form as typed, so a rejected comment comes back with its text. */
    public record CommentForm(Long parentId, String body, String error) {
        public boolean repliesTo(Long id) {
            return parentId != null && parentId.equals(id);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(Claim claim, List<HistoryEntry> history, List<CommentThread.Row> comments,
                long commentCount, CommentForm form);
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@RestPath Long id) {
        Claim claim = reading.requireVisible(id, currentUser.get());
        return page(claim, new CommentForm(null, "", null));
    }

    @POST
    @Path("{id}/comments")
    public Response comment(@RestPath Long id, @RestForm String body, @RestForm Long parentId) {
        Claim claim = reading.requireVisible(id, currentUser.get());
        try {
            ClaimComment k = reading.comment(claim.id, currentUser.get(), body, parentId);
            return Flash.redirect("/claims/" + id + "#comment-" + k.id, parentId == null ? "Comment added." : "Reply added.");
        } catch (jakarta.ws.rs.ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(page(claim, new CommentForm(parentId, body, e.getMessage()))).build();
        }
    }

    private TemplateInstance page(Claim claim, CommentForm form) {
        return Templates.show(claim, history.ofEntity(HistoryService.CLAIM, claim.id), CommentThread.rows(reading.threads(claim)),
                reading.commentCount(claim), form);
    }
}
