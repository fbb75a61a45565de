package dev.credence.review.adjudication;

import dev.credence.account.User;
import dev.credence.annotation.Layer;
import dev.credence.document.Document;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * JSON API for adjudication: start, read, accept into and finish the gold layer of a document. Gold claims are
 * written through the claim routes with {@code "layer": "gold"} (annotation's ClaimApi, via {@link AdjudicatorGoldClaims}).
 * The class path is the neutral {@code /api/v1} with full method paths, like ClaimApi's: a class path such as
 * {@code /api/v1/documents/{id}} would take routes of the other resources under it.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "Adjudication")
public class AdjudicationApi {
    @Inject
    AdjudicatorAccess access;
    @Inject
    AdjudicationService adjudication;
    @Inject
    MarkAdjudication marks;

    @POST
    @Path("documents/{id}/gold")
    @Operation(summary = "Start adjudication: create the gold layer and copy the items all reviewers agree on into it",
            description = "201 with {layerId, merged, disagreements}; 200 if gold already exists (nothing merged again);"
                    + " 409 unless at least one reviewer layer exists and all are submitted; 403 for reviewers."
                    + " Adjudicators and managers only. See docs/adjudication.md.")
    public Response startGold(@RestPath Long id) {
        Document doc = access.document(id);
        AdjudicationService.Started s = adjudication.start(doc, me());
        return Response.status(s.created() ? 201 : 200)
                .entity(GoldViews.StartView.of(s.gold(), s.merged(), s.disagreements())).build();
    }

    @GET
    @Path("documents/{id}/gold")
    @Operation(summary = "The gold layer's state and the document's items (clusters of overlapping claims)")
    public GoldViews.GoldView gold(@RestPath Long id) {
        Document doc = access.document(id);
        Layer gold = adjudication.requireGold(doc, me());
        return GoldViews.GoldView.of(gold, adjudication.items(doc), marks.items(doc));
    }

    @POST
    @Path("documents/{id}/gold/submit")
    @Operation(summary = "Finish adjudication: submit the gold layer (the document is adjudicated)",
            description = "409 while items (claims, mentions, cues) have nothing in gold, unless ?confirm=true.")
    public GoldViews.StartView submitGold(@RestPath Long id,
            @QueryParam("confirm") boolean confirm) {
        Document doc = access.document(id);
        return GoldViews.StartView.of(adjudication.finish(doc, me(), confirm), 0, 0);
    }

    @POST
    @Path("documents/{id}/gold/accept-unanimous")
    @Operation(summary = "Copy every item all reviewers agree on (claims, mentions, cues) that gold lacks; {accepted: n}")
    public Map<String, Integer> acceptUnanimous(@RestPath Long id) {
        return Map.of("accepted", adjudication.acceptUnanimous(access.document(id), me()));
    }

    @POST
    @Path("documents/{id}/gold/{kind: mentions|cues}")
    @Operation(summary = "Accept a reviewer's mention or cue ({\"from\": id}) into gold, replacing overlapping gold ones")
    public Response acceptGoldMark(@RestPath Long id, @RestPath String kind, Map<String, Long> body) {
        Long from = body == null ? null : body.get("from");
        if (from == null) {
            throw new BadRequestException("from: the id of a reviewer's " + kind.replaceAll("s$", "") + " is required");
        }
        Long goldId = marks.acceptMark(access.document(id), me(), markKind(kind), from);
        return Response.status(201).entity(Map.of("id", goldId)).build();
    }

    @DELETE
    @Path("documents/{id}/gold/{kind: mentions|cues}/{markId}")
    @Operation(summary = "Remove a mention or cue from gold (hops that used it keep their source)")
    public Response removeGoldMark(@RestPath Long id, @RestPath String kind, @RestPath Long markId) {
        marks.removeGoldMark(access.document(id), me(), markKind(kind), markId);
        return Response.noContent().build();
    }

    private static MarkAdjudication.MarkKind markKind(String plural) {
        return plural.equals("mentions") ? MarkAdjudication.MarkKind.mention
                : MarkAdjudication.MarkKind.cue;
    }

    @POST
    @Path("documents/{id}/gold/reopen")
    @Operation(summary = "Reopen a submitted gold layer for changes")
    public GoldViews.StartView reopenGold(@RestPath Long id) {
        Document doc = access.document(id);
        return GoldViews.StartView.of(adjudication.reopen(doc, me()), 0, 0);
    }

    private User me() {
        return access.me();
    }
}
