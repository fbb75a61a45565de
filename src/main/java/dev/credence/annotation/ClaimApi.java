package dev.credence.annotation;

import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import dev.credence.source.Source;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * JSON API for a reviewer's own layer: claims with attribution chains, mentions, cues, submit/reopen. Gold claims
 * (adjudicators) go through {@link GoldClaims}; the rest of adjudication is review.adjudication.AdjudicationApi.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "Annotations", description = "Claims, attribution chains, mentions and cues in the caller's layer."
        + " Offsets are Unicode code points of the document text, end exclusive.")
public class ClaimApi {
    // One request, one transaction, one connection: the document, the caller's membership, the layer
    // and the writes are read and written on one pooled connection held once (docs/benchmarks.md).
    @Inject
    CurrentUser currentUser;
    @Inject
    DocumentAccess documents;
    @Inject
    AnnotationService annotations;
    @Inject
    ClaimReading reading;
    @Inject
    GoldClaims gold;

    // ------------------------------------------------------------ request bodies

    public record SourceBody(String name, String type) {
    }

    public record HopBody(Long sourceId, SourceBody source, Long mentionId, SpanInput mention, Long cueId,
            SpanInput cue, String relation, String reliability) {
        HopInput toInput() {
            return new HopInput(sourceId, source == null ? null : source.name(), source == null ? null : source.type(),
                    mentionId, mention, cueId, cue, relation, reliability);
        }
    }

    public record ClaimBody(Integer start, Integer end, String kind, String stance, Boolean checkWorthy,
            Integer credibility, String rationale, String evidenceUrl, List<HopBody> attribution, Long version,
            String layer) {
        ClaimInput toInput() {
            List<HopInput> hops = attribution == null ? List.of()
                    : attribution.stream().map(h -> h == null ? null : h.toInput()).toList();
            return new ClaimInput(start, end, kind, stance, checkWorthy, credibility, rationale, evidenceUrl, hops);
        }
    }

    public record MentionBody(Integer start, Integer end, Long sourceId, SourceBody source) {
    }

    public record CueBody(Integer start, Integer end, String cueClass) {
    }

    public record MoveHopBody(Integer from, Integer to) {
    }

    // ------------------------------------------------------------ views

    public record SourceRef(Long id, String name, String type) {
        static SourceRef of(Source s) {
            return s == null ? null : new SourceRef(s.id, s.name, s.type.name());
        }
    }

    public record SpanRef(Long id, int start, int end, String exact) {
        static SpanRef of(Span s) {
            return s == null ? null : new SpanRef(s.id, s.start, s.end, s.exact);
        }
    }

    public record HopView(int position, SourceRef source, SpanRef mention, SpanRef cue, String relation,
            String reliability) {
        static HopView of(AttributionHop h) {
            return new HopView(h.position, SourceRef.of(h.source), SpanRef.of(h.mention), SpanRef.of(h.cue),
                    h.relation, h.reliability);
        }
    }

    public record ClaimView(Long id, Long documentId, Long layerId, int start, int end, String exact, String prefix,
            String suffix, String kind, String stance, Boolean checkWorthy, Integer credibility, String rationale,
            String evidenceUrl, long version, String chain, List<HopView> attribution, Instant createdAt,
            Instant updatedAt, boolean orphaned, Integer orphanedRevision) {
        static ClaimView of(Claim c) {
            return new ClaimView(c.id, c.layer.document.id, c.layer.id, c.start, c.end, c.exact, c.prefix, c.suffix,
                    c.kind, c.stance, c.checkWorthy,
                    c.credibility, c.rationale, c.evidenceUrl, c.version, c.chain(),
                    c.hops.stream().map(HopView::of).toList(), c.createdAt, c.updatedAt, c.orphaned, c.orphanedRevision);
        }
    }

    public record MentionView(Long id, Long layerId, int start, int end, String exact, String prefix, String suffix,
            SourceRef source, Instant createdAt, boolean orphaned, Integer orphanedRevision) {
        static MentionView of(Mention m) {
            return new MentionView(m.id, m.layer.id, m.start, m.end, m.exact, m.prefix, m.suffix,
                    SourceRef.of(m.source), m.createdAt, m.orphaned, m.orphanedRevision);
        }
    }

    public record CueView(Long id, Long layerId, int start, int end, String exact, String prefix, String suffix,
            String cueClass, Instant createdAt, boolean orphaned, Integer orphanedRevision) {
        static CueView of(Cue c) {
            return new CueView(c.id, c.layer.id, c.start, c.end, c.exact, c.prefix, c.suffix,
                    c.cueClass, c.createdAt, c.orphaned, c.orphanedRevision);
        }
    }

    /** The caller's layer; {@code id} is null while the caller has not annotated the document yet. */
    public record LayerView(Long id, Long documentId, String state, long claims, long mentions, long cues,
            Instant updatedAt) {
    }

    // ------------------------------------------------------------ claims

    @POST
    @Path("documents/{id}/claims")
    @Operation(summary = "Mark a claim in the caller's layer, with its attribution chain (hop 0 = originator)")
    public Response create(@RestPath Long id, ClaimBody body) {
        Document doc = documents.require(id);
        requireBody(body);
        Claim c = isGold(body.layer()) ? gold.create(doc, me(), body.toInput())
                : annotations.createClaim(doc, me(), body.toInput());
        return Response.status(201).entity(ClaimView.of(c)).build();
    }

    @GET
    @Path("documents/{id}/claims")
    @Operation(summary = "The caller's claims on the document, in text order")
    public List<ClaimView> list(@RestPath Long id, @jakarta.ws.rs.QueryParam("layer") String layer) {
        Document doc = documents.require(id);
        if (isGold(layer)) {
            return gold.goldLayer(doc, me()).map(l -> annotations.claims(l).stream().map(ClaimView::of).toList())
                    .orElse(List.of());
        }
        return annotations.findLayer(doc, me()).map(l -> annotations.claims(l).stream().map(ClaimView::of).toList())
                .orElse(List.of());
    }

    @GET
    @Path("claims/{id}")
    @Operation(summary = "A claim the caller may read (own layer, or as LayerVisibility allows); 404 otherwise")
    public ClaimView get(@RestPath Long id) {
        return ClaimView.of(reading.requireVisible(id, me()));
    }

    @PUT
    @Path("claims/{id}")
    @Operation(summary = "Replace a claim's fields and attribution; send \"version\" to get 409 if it changed meanwhile")
    public ClaimView update(@RestPath Long id, ClaimBody body) {
        Claim c = claim(id);
        requireBody(body);
        if (c.layer.kind == LayerKind.gold) {
            return ClaimView.of(gold.update(c, me(), body.toInput(), body.version()));
        }
        return ClaimView.of(annotations.updateClaim(c, me(), body.toInput(), body.version()));
    }

    @DELETE
    @Path("claims/{id}")
    @Operation(summary = "Delete a claim and its attribution (mentions and cues stay)")
    public Response delete(@RestPath Long id) {
        Claim c = claim(id);
        if (c.layer.kind == LayerKind.gold) {
            gold.delete(c, me());
        } else {
            annotations.deleteClaim(c, me());
        }
        return Response.noContent().build();
    }

    @POST
    @Path("claims/{id}/move-hop")
    @Operation(summary = "Move the hop at position \"from\" to position \"to\"; the others shift")
    public ClaimView moveHop(@RestPath Long id, MoveHopBody body) {
        Claim c = annotations.requireClaim(id, me());
        if (body == null || body.from() == null || body.to() == null) {
            throw new BadRequestException("Body must be {\"from\",\"to\"} (hop positions)");
        }
        return ClaimView.of(annotations.moveHop(c, me(), body.from(), body.to()));
    }

    // ------------------------------------------------------------ mentions and cues

    @POST
    @Path("documents/{id}/mentions")
    @Operation(summary = "Mark a mention of a source; the source (sourceId or {name,type}) is optional")
    public Response createMention(@RestPath Long id, MentionBody body) {
        Document doc = documents.require(id);
        requireBody(body);
        Mention m = annotations.createMention(doc, me(), new SpanInput(body.start(), body.end()), body.sourceId(),
                body.source() == null ? null : body.source().name(), body.source() == null ? null : body.source().type());
        return Response.status(201).entity(MentionView.of(m)).build();
    }

    @GET
    @Path("documents/{id}/mentions")
    @Operation(summary = "The caller's mentions on the document, in text order")
    public List<MentionView> mentions(@RestPath Long id) {
        Document doc = documents.require(id);
        return annotations.findLayer(doc, me()).map(l -> annotations.mentions(l).stream().map(MentionView::of).toList())
                .orElse(List.of());
    }

    @PUT
    @Path("mentions/{id}")
    @Operation(summary = "Link a mention to another source (sourceId, or source {name,type}); no source unlinks it. The span stays.")
    public MentionView updateMention(@RestPath Long id, MentionBody body) {
        requireBody(body);
        Mention m = annotations.updateMention(annotations.requireMention(id, me()), me(), body.sourceId(),
                body.source() == null ? null : body.source().name(), body.source() == null ? null : body.source().type());
        return MentionView.of(m);
    }

    @DELETE
    @Path("mentions/{id}")
    @Operation(summary = "Delete a mention; hops that named it keep their source")
    public Response deleteMention(@RestPath Long id) {
        annotations.deleteMention(annotations.requireMention(id, me()), me());
        return Response.noContent().build();
    }

    @POST
    @Path("documents/{id}/cues")
    @Operation(summary = "Mark an attribution cue (\"told\", \"according to\") with an optional cue class")
    public Response createCue(@RestPath Long id, CueBody body) {
        Document doc = documents.require(id);
        requireBody(body);
        Cue c = annotations.createCue(doc, me(), new SpanInput(body.start(), body.end()), body.cueClass());
        return Response.status(201).entity(CueView.of(c)).build();
    }

    @GET
    @Path("documents/{id}/cues")
    @Operation(summary = "The caller's cues on the document, in text order")
    public List<CueView> cues(@RestPath Long id) {
        Document doc = documents.require(id);
        return annotations.findLayer(doc, me()).map(l -> annotations.cues(l).stream().map(CueView::of).toList())
                .orElse(List.of());
    }

    @PUT
    @Path("cues/{id}")
    @Operation(summary = "Change a cue's class. The span stays.")
    public CueView updateCue(@RestPath Long id, CueBody body) {
        requireBody(body);
        return CueView.of(annotations.updateCue(annotations.requireCue(id, me()), me(), body.cueClass()));
    }

    @DELETE
    @Path("cues/{id}")
    @Operation(summary = "Delete a cue; hops that named it keep everything else")
    public Response deleteCue(@RestPath Long id) {
        annotations.deleteCue(annotations.requireCue(id, me()), me());
        return Response.noContent().build();
    }

    // ------------------------------------------------------------ layer

    @GET
    @Path("documents/{id}/layer")
    @Operation(summary = "The caller's layer on the document: state and counts")
    public LayerView layer(@RestPath Long id) {
        Document doc = documents.require(id);
        return layerView(doc, annotations.findLayer(doc, me()).orElse(null));
    }

    @POST
    @Path("documents/{id}/submit")
    @Operation(summary = "Submit the caller's layer; it is read-only until reopened")
    public LayerView submit(@RestPath Long id) {
        Document doc = documents.require(id);
        annotations.submit(annotations.layerFor(doc, me()), me());
        return layerView(doc, annotations.findLayer(doc, me()).orElseThrow());
    }

    @POST
    @Path("documents/{id}/reopen")
    @Operation(summary = "Reopen the caller's submitted layer for editing")
    public LayerView reopen(@RestPath Long id) {
        Document doc = documents.require(id);
        annotations.reopen(annotations.layerFor(doc, me()), me());
        return layerView(doc, annotations.findLayer(doc, me()).orElseThrow());
    }

    private LayerView layerView(Document doc, Layer l) {
        if (l == null) {
            return new LayerView(null, doc.id, LayerState.assigned.name(), 0, 0, 0, null);
        }
        var counts = annotations.counts(l);
        return new LayerView(l.id, doc.id, l.state.name(), counts.claims(), counts.mentions(), counts.cues(),
                l.updatedAt);
    }

    /** The caller's own claim, or a gold claim when the caller adjudicates (403 for reviewers). */
    private Claim claim(Long id) {
        Claim c = id == null ? null : Claim.findById(id);
        if (c != null && c.layer.kind == LayerKind.gold) {
            return gold.require(id, me());
        }
        return annotations.requireClaim(id, me());
    }

    /** {@code "layer": "gold"} writes the adjudicated layer; absent or "own" the caller's reviewer layer. */
    private static boolean isGold(String layer) {
        if (layer == null || layer.isBlank() || layer.equalsIgnoreCase("own")) {
            return false;
        }
        if (layer.equalsIgnoreCase("gold")) {
            return true;
        }
        throw new jakarta.ws.rs.BadRequestException("layer: one of own, gold (got '" + layer + "')");
    }

    private User me() {
        return currentUser.get();
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new BadRequestException("A JSON body is required");
        }
    }
}
