package dev.credence.corroboration;

import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** JSON API for corroboration: similar claims across the project's documents, and the reviewer's claim links. */
// Not @Path("/api/v1/claims/{id}"): that class path would take PUT/DELETE /claims/{id} from ClaimApi (404).
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "Corroboration", description = "The same claim across articles: similar claims and claim links")
public class ClaimLinkApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    Corroboration corroboration;

    public record SimilarItem(ClaimSummary claim, ClaimSummary.DocumentRef document, float score) {
    }

    public record Items<T>(List<T> items) {
    }

    public record LinkBody(Long targetClaimId, String relation, String origin, String note) {
    }

    public record LinkView(Long id, String direction, String relation, String origin, String note,
            boolean countsTowardGrade1, ClaimSummary claim, ClaimSummary.DocumentRef document, String createdBy,
            Instant createdAt) {
        static LinkView of(ClaimLinkService.Seen s) {
            ClaimLink l = s.link();
            return new LinkView(l.id, s.outgoing() ? "outgoing" : "incoming", l.relation.name(), l.origin.name(), l.note,
                    l.confirms(), ClaimSummary.of(s.other()), ClaimSummary.DocumentRef.of(s.other()),
                    l.createdBy == null ? null : l.createdBy.username, l.createdAt);
        }
    }

    public record LinksView(List<LinkView> items, long independentCorroborations) {
    }

    @GET
    @Path("claims/{id}/similar")
    @Operation(summary = "Claims in other documents of the project that say the same or the opposite, best first",
            description = "Lucene BM25 over stemmed claim text with synonyms; a shared named source and a close publication"
                    + " date add to the score. Only claims of layers the caller may read. limit 1–50, default 10.")
    public Items<SimilarItem> similar(@RestPath Long id, @QueryParam("limit") Integer limit) {
        return new Items<>(corroboration.similar(id, me(), limit == null ? 10 : limit).stream()
                .map(k -> new SimilarItem(ClaimSummary.of(k.claim()), ClaimSummary.DocumentRef.of(k.claim()), k.score()))
                .toList());
    }

    @GET
    @Path("claims/{id}/links")
    @Operation(summary = "The claim's links that the caller may see (both ends readable), outgoing then incoming")
    public LinksView list(@RestPath Long id) {
        List<LinkView> items = corroboration.links(id, me()).stream().map(LinkView::of).toList();
        return new LinksView(items, items.stream().filter(LinkView::countsTowardGrade1).count());
    }

    @POST
    @Path("claims/{id}/links")
    @Operation(summary = "Link the caller's claim to a claim in another document: relation corroborates | contradicts |"
            + " repeats; origin independent | shared | unknown (default unknown). 409 if already linked or layer submitted")
    public Response create(@RestPath Long id, LinkBody body) {
        if (body == null) {
            throw new BadRequestException("A JSON body is required");
        }
        ClaimLink l = corroboration.link(id, me(), body.targetClaimId(), body.relation(), body.origin(), body.note());
        return Response.status(201).entity(LinkView.of(new ClaimLinkService.Seen(l, true, l.target))).build();
    }

    @DELETE
    @Path("claims/{id}/links/{linkId}")
    @Operation(summary = "Remove one of the caller's claim links")
    public Response delete(@RestPath Long id, @RestPath Long linkId) {
        corroboration.unlink(id, linkId, me());
        return Response.noContent().build();
    }

    private User me() {
        return currentUser.get();
    }
}
