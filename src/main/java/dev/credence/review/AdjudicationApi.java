package dev.credence.review;

import dev.credence.account.CurrentUser;
import dev.credence.annotation.Layer;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * JSON API for adjudication: start the gold layer of a document, list its items, finish it. The class path is
 * DocumentApi's: RESTEasy Reactive picks the longest matching class path, so a longer one
 * ({@code /api/v1/documents/{id}/gold}) would hide ClaimApi's document routes, a shorter one would be hidden.
 */
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Adjudication", description = "The gold layer: adjudicators and managers settle reviewer layers into it."
        + " Gold claims are written with POST /api/v1/documents/{id}/claims and \"layer\":\"gold\".")
public class AdjudicationApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    DocumentAccess documents;
    @Inject
    AdjudicationService adjudication;

    public record StartView(Long layerId, String state, int merged, int disagreements) {
    }

    public record ItemView(int index, int start, int end, boolean agreed, List<Long> reviewerClaims,
            List<Long> goldClaims, List<String> differs) {
    }

    public record GoldView(Long layerId, String state, List<ItemView> items) {
    }

    @POST
    @Path("{id}/gold")
    @Operation(summary = "Start adjudication: create the gold layer and copy the agreed items into it")
    @APIResponse(responseCode = "201", description = "Gold layer created; merged and disagreement counts")
    @APIResponse(responseCode = "200", description = "Gold layer already existed (nothing merged again)")
    @APIResponse(responseCode = "403", description = "Caller is neither adjudicator nor manager")
    @APIResponse(responseCode = "404", description = "No such document, or the caller is not a member")
    @APIResponse(responseCode = "409", description = "No reviewer layer, or not every reviewer layer submitted")
    public Response start(@RestPath Long id) {
        Document doc = documents.require(id);
        AdjudicationService.Started s = adjudication.start(doc, currentUser.get());
        return Response.status(s.created() ? 201 : 200)
                .entity(new StartView(s.gold().id, s.gold().state.name(), s.merged(), s.disagreements())).build();
    }

    @GET
    @Path("{id}/gold")
    @Operation(summary = "The gold layer's state and the document's items (clusters of overlapping claims)")
    public GoldView get(@RestPath Long id) {
        Document doc = documents.require(id);
        Layer gold = adjudication.requireGold(doc, currentUser.get());
        List<ItemView> items = adjudication.items(doc).stream().map(i -> new ItemView(i.index(), i.cluster().start(),
                i.cluster().end(), i.agreed(), i.cluster().versions().stream().map(ItemClusters.Version::claimId).toList(),
                i.gold().stream().map(c -> c.id).toList(), i.differs().stream().map(Enum::name).toList())).toList();
        return new GoldView(gold.id, gold.state.name(), items);
    }

    @POST
    @Path("{id}/gold/submit")
    @Operation(summary = "Finish adjudication: submit the gold layer (the document is adjudicated)")
    public StartView submit(@RestPath Long id) {
        Document doc = documents.require(id);
        Layer gold = adjudication.finish(doc, currentUser.get());
        return new StartView(gold.id, gold.state.name(), 0, 0);
    }

    @POST
    @Path("{id}/gold/reopen")
    @Operation(summary = "Reopen a submitted gold layer for changes")
    public StartView reopen(@RestPath Long id) {
        Document doc = documents.require(id);
        Layer gold = adjudication.reopen(doc, currentUser.get());
        return new StartView(gold.id, gold.state.name(), 0, 0);
    }
}
