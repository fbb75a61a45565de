package dev.credence.review.adjudication;

import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationService;
import dev.credence.annotation.Annotations.ClaimForm;
import dev.credence.annotation.Annotations.HopForm;
import dev.credence.annotation.Annotations;
import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Mention;
import dev.credence.annotation.Offsets;
import dev.credence.annotation.Segmenter;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import dev.credence.review.adjudication.AdjudicationPage.ItemRow;
import dev.credence.review.adjudication.AdjudicationPage.MarkRow;
import dev.credence.review.adjudication.AdjudicationPage.MarkVersion;
import dev.credence.review.adjudication.AdjudicationPage.Reviewer;
import dev.credence.review.adjudication.AdjudicationPage.VersionRow;
import dev.credence.review.adjudication.AdjudicationPage.View;
import dev.credence.review.matching.ClaimAlignment;
import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The side-by-side adjudication page: the text, the items (overlapping claims across reviewers) with each
 * reviewer's version and what differs, and the gold claims. Plain forms with post/redirect/get; with
 * {@code HX-Request} the same routes answer with the workspace (or the editor) to swap in place.
 */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class Adjudications {
    @Inject
    CurrentUser currentUser;
    @Inject
    DocumentAccess documents;
    @Inject
    AdjudicationService adjudication;
    @Inject
    AnnotationService annotations;
    @Inject
    MarkAdjudication markAdjudication;
    @Inject
    LabelSchemaService schemas;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(View v);

        static native TemplateInstance finish(View v);

        static native TemplateInstance page$workspace(View v);

        static native TemplateInstance page$editor(View v);
    }

    // ------------------------------------------------------------------ page

    @GET
    @Path("{id}/adjudicate")
    public TemplateInstance page(@RestPath Long id) {
        Document doc = require(id);
        return Templates.page(view(doc, null, null));
    }

    @POST
    @Path("{id}/adjudicate/start")
    public Response start(@RestPath Long id) {
        Document doc = require(id);
        try {
            AdjudicationService.Started s = adjudication.start(doc, me());
            String msg = s.created() ? "Adjudication started: " + s.merged() + " agreed item(s) merged into gold, "
                    + s.disagreements() + " disagreement(s) to settle." : "Adjudication was already started.";
            return Flash.redirect("/documents/" + id + "/adjudicate", msg);
        } catch (ClientErrorException e) {
            return Flash.redirect("/documents/" + id + "/adjudicate", e.getMessage());
        }
    }

    @POST
    @Path("{id}/adjudicate/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@RestPath Long id, @FormParam("claim") Long claimId, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        try {
            Claim c = adjudication.accept(doc, me(), claimId);
            return done(doc, htmx, "#gold-" + c.id, "Version accepted into gold.");
        } catch (ClientErrorException e) {
            return done(doc, htmx, "", e.getMessage());
        }
    }

    /** Accepts the version and opens the gold copy in the claim form: "edit" starts from a reviewer's version. */
    @POST
    @Path("{id}/adjudicate/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editVersion(@RestPath Long id, @FormParam("claim") Long claimId,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        try {
            Claim c = adjudication.accept(doc, me(), claimId);
            if (htmx) {
                Claim fresh = annotations.claims(c.layer).stream().filter(g -> g.id.equals(c.id)).findFirst()
                        .orElse(c);
                return Response.ok(Templates.page$workspace(view(doc, formOf(fresh), "Editing the gold copy.")))
                        .build();
            }
            return Flash.redirect("/documents/" + id + "/adjudicate/claims/" + c.id + "/edit", null);
        } catch (ClientErrorException e) {
            return done(doc, htmx, "", e.getMessage());
        }
    }

    @GET
    @Path("{id}/adjudicate/claims/new")
    public TemplateInstance newClaim(@RestPath Long id, @QueryParam("start") int start, @QueryParam("end") int end,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        ClaimForm form = new ClaimForm(null, null, start, end, slice(doc, start, end), "", "", null, null, "", "",
                List.of(blankHop(0), blankHop(1)), null);
        return render(doc, form, htmx);
    }

    @GET
    @Path("{id}/adjudicate/claims/{claimId}/edit")
    public TemplateInstance editClaim(@RestPath Long id, @RestPath Long claimId,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        Claim c = goldClaim(doc, claimId);
        Claim fresh = annotations.claims(c.layer).stream().filter(g -> g.id.equals(c.id)).findFirst().orElse(c);
        return render(doc, formOf(fresh), htmx);
    }

    @POST
    @Path("{id}/adjudicate/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createClaim(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        ClaimForm form = Annotations.readClaimForm(doc, fields, null);
        try {
            Claim c = adjudication.createGoldClaim(doc, me(), Annotations.input(form));
            return done(doc, htmx, "#gold-" + c.id, "Gold claim added.");
        } catch (ClientErrorException e) {
            return rejected(doc, withError(form, e.getMessage()), e, htmx);
        }
    }

    @POST
    @Path("{id}/adjudicate/claims/{claimId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateClaim(@RestPath Long id, @RestPath Long claimId, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        Claim c = goldClaim(doc, claimId);
        ClaimForm form = Annotations.readClaimForm(doc, fields, claimId);
        try {
            adjudication.updateGoldClaim(c, me(), Annotations.input(form), form.version());
            return done(doc, htmx, "#gold-" + claimId, "Gold claim saved.");
        } catch (ClientErrorException e) {
            return rejected(doc, withError(form, e.getMessage()), e, htmx);
        }
    }

    @POST
    @Path("{id}/adjudicate/claims/{claimId}/delete")
    public Response deleteClaim(@RestPath Long id, @RestPath Long claimId, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        Claim c = goldClaim(doc, claimId);
        try {
            adjudication.deleteGoldClaim(c, me());
            return done(doc, htmx, "", "Removed from gold.");
        } catch (ClientErrorException e) {
            return done(doc, htmx, "", e.getMessage());
        }
    }

    /** The confirmation asked before finishing with open items: how many, and a way back to them. */
    @GET
    @Path("{id}/adjudicate/finish")
    public TemplateInstance confirmFinish(@RestPath Long id) {
        return Templates.finish(view(require(id), null, null));
    }

    /** Finishes; with open items only when {@code confirm=true}, else to the confirmation page. */
    @POST
    @Path("{id}/adjudicate/finish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response finish(@RestPath Long id, @FormParam("confirm") boolean confirm,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        try {
            adjudication.finish(doc, me(), confirm);
        } catch (OpenItemsException e) {
            String url = "/documents/" + id + "/adjudicate/finish";
            return htmx ? Response.ok().header("HX-Redirect", url).build() : Response.seeOther(java.net.URI.create(url)).build();
        }
        return done(doc, htmx, "", "Gold layer submitted: the document is adjudicated.");
    }

    @POST
    @Path("{id}/adjudicate/reopen")
    public Response reopen(@RestPath Long id, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = require(id);
        adjudication.reopen(doc, me());
        return done(doc, htmx, "", "Adjudication reopened.");
    }

    // ------------------------------------------------------------------ helpers

    private User me() {
        return currentUser.get();
    }

    /** 404 for non-members, 403 unless adjudicator or manager. */
    private Document require(Long id) {
        Document doc = documents.require(id);
        adjudication.requireAdjudicator(doc, me());
        return doc;
    }

    private Claim goldClaim(Document doc, Long claimId) {
        Claim c = adjudication.requireGoldClaim(claimId, me());
        if (!c.layer.document.id.equals(doc.id)) {
            throw new NotFoundException("Not on document " + doc.id);
        }
        return c;
    }

    View view(Document doc, ClaimForm form, String status) {
        Layer gold = adjudication.gold(doc).orElse(null);
        List<Layer> reviewerLayers = adjudication.reviewerLayers(doc);
        List<Reviewer> reviewers = new ArrayList<>();
        Map<Long, Integer> numberOf = new HashMap<>();
        for (Layer l : reviewerLayers) {
            numberOf.put(l.id, reviewers.size() + 1);
            reviewers.add(new Reviewer(reviewers.size() + 1, l.owner.displayName, l.state.name().replace('_', ' ')));
        }
        boolean canStart = gold == null && !reviewerLayers.isEmpty()
                && reviewerLayers.stream().allMatch(l -> l.state == LayerState.submitted);
        List<ItemRow> items = new ArrayList<>();
        List<Segmenter.Mark> marks = new ArrayList<>();
        if (gold != null) {
            Map<Long, Claim> claims = new HashMap<>();
            for (Layer l : reviewerLayers) {
                annotations.claims(l).forEach(c -> claims.put(c.id, c));
            }
            for (AdjudicationService.Item item : adjudication.items(doc)) {
                List<VersionRow> versions = new ArrayList<>();
                for (Layer l : reviewerLayers) {
                    List<ClaimAlignment.Version> mine = item.cluster().of(l.id);
                    if (mine.isEmpty() && item.cluster().versions().isEmpty()) {
                        continue;
                    }
                    if (mine.isEmpty()) {
                        versions.add(new VersionRow(numberOf.get(l.id), l.owner.displayName, null, item.differs()));
                    }
                    for (ClaimAlignment.Version v : mine) {
                        versions.add(new VersionRow(numberOf.get(l.id), l.owner.displayName, claims.get(v.claimId()),
                                item.differs()));
                    }
                }
                int number = items.size() + 1;
                items.add(new ItemRow(number, item.cluster().start(), item.cluster().end(),
                        slice(doc, item.cluster().start(), item.cluster().end()), item.agreed(), versions, item.gold()));
                marks.add(Segmenter.Mark.claim(number, item.cluster().start(), item.cluster().end()));
            }
        }
        List<MarkRow> markRows = new ArrayList<>();
        for (MarkAdjudication.MarkItem mi : markAdjudication.items(doc)) {
            List<MarkVersion> versions = new ArrayList<>();
            for (Layer l : reviewerLayers) {
                List<SpanItems.Mark> mine = mi.item().of(l.id);
                if (mine.isEmpty() && !mi.item().versions().isEmpty()) {
                    versions.add(new MarkVersion(numberOf.get(l.id), l.owner.displayName, null));
                }
                mine.forEach(m -> versions.add(new MarkVersion(numberOf.get(l.id), l.owner.displayName, m)));
            }
            markRows.add(new MarkRow(mi.kind().name(), markRows.size() + 1,
                    slice(doc, mi.item().start(), mi.item().end()), mi.agreed(), mi.item().spansDiffer(),
                    mi.item().valuesDiffer(), versions, mi.gold()));
        }
        List<Mention> mentions = gold == null ? List.of() : annotations.mentions(gold);
        List<Cue> cues = gold == null ? List.of() : annotations.cues(gold);
        return new View(doc, gold, reviewers, canStart, items, Segmenter.segments(doc.text, marks), mentions, cues,
                form, status, markRows, schemas.of(doc.project));
    }

    private TemplateInstance render(Document doc, ClaimForm form, boolean htmx) {
        View v = view(doc, form, null);
        return htmx ? Templates.page$editor(v) : Templates.page(v);
    }

    private Response done(Document doc, boolean htmx, String anchor, String message) {
        if (htmx) {
            Response.ResponseBuilder ok = Response.ok(Templates.page$workspace(view(doc, null, message)));
            if (anchor.startsWith("#")) {
                ok.header("X-Credence-Focus", anchor.substring(1));
            }
            return ok.build();
        }
        return Flash.redirect("/documents/" + doc.id + "/adjudicate" + anchor, message);
    }

    private Response rejected(Document doc, ClaimForm form, ClientErrorException e, boolean htmx) {
        return Response.status(e.getResponse().getStatus()).entity(render(doc, form, htmx))
                .header("HX-Retarget", "#editor").header("HX-Reswap", "innerHTML").build();
    }

    static HopForm blankHop(int index) {
        return new HopForm(index, "", "", null, null, index == 0 ? "asserts" : "reports", "");
    }

    private static ClaimForm formOf(Claim c) {
        List<HopForm> hops = new ArrayList<>();
        for (AttributionHop h : c.hops) {
            hops.add(new HopForm(hops.size(), h.source.name, h.source.type.name(),
                    h.mention == null ? null : h.mention.id, h.cue == null ? null : h.cue.id, h.relation,
                    h.reliability == null ? "" : h.reliability));
        }
        // One empty row to add a hop without JavaScript; input() drops it while left empty.
        hops.add(blankHop(hops.size()));
        return new ClaimForm(c.id, c.version, c.start, c.end, c.exact, c.kind == null ? "" : c.kind,
                c.stance == null ? "" : c.stance, c.checkWorthy, c.credibility,
                c.rationale == null ? "" : c.rationale, c.evidenceUrl == null ? "" : c.evidenceUrl, hops, null);
    }

    private static ClaimForm withError(ClaimForm f, String error) {
        return new ClaimForm(f.claimId(), f.version(), f.start(), f.end(), f.exact(), f.kind(), f.stance(),
                f.checkWorthy(), f.credibility(), f.rationale(), f.evidenceUrl(), f.hops(), error);
    }

    static String slice(Document doc, int start, int end) {
        if (start < 0 || end <= start || end > doc.lengthCp) {
            return "";
        }
        return Offsets.slice(doc.text, start, end);
    }
}
