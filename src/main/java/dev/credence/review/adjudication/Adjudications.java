package dev.credence.review.adjudication;

import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimForm;
import dev.credence.annotation.ClaimService;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.MarkService;
import dev.credence.annotation.Mention;
import dev.credence.annotation.Segmenter;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.document.Document;
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
    AdjudicatorAccess access;
    @Inject
    AdjudicationService adjudication;
    @Inject
    ClaimService claimService;
    @Inject
    MarkService markService;
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
        Document doc = access.adjudicated(id);
        return Templates.page(view(doc, null, null));
    }

    @POST
    @Path("{id}/adjudicate/start")
    public Response start(@RestPath Long id) {
        Document doc = access.adjudicated(id);
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
        Document doc = access.adjudicated(id);
        try {
            Claim c = adjudication.accept(doc, me(), claimId);
            return done(doc, htmx, "#gold-" + c.id, "Version accepted into gold.");
        } catch (ClientErrorException e) {
            return done(doc, htmx, "", e.getMessage());
        }
    }

    /** Copies every item all reviewers agree on (claims, mentions, cues) that gold lacks. */
    @POST
    @Path("{id}/adjudicate/accept-unanimous")
    public Response acceptUnanimous(@RestPath Long id, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = access.adjudicated(id);
        try {
            int n = adjudication.acceptUnanimous(doc, me());
            return done(doc, htmx, "", n == 0 ? "No unanimous item was waiting: nothing copied."
                    : n + " unanimous item(s) accepted into gold.");
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
        Document doc = access.adjudicated(id);
        try {
            Claim c = adjudication.accept(doc, me(), claimId);
            if (htmx) {
                return Response.ok(Templates.page$workspace(view(doc, formOf(c), "Editing the gold copy.")))
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
        Document doc = access.adjudicated(id);
        return render(doc, ClaimForm.blank(doc, start, end, 2), htmx);
    }

    @GET
    @Path("{id}/adjudicate/claims/{claimId}/edit")
    public TemplateInstance editClaim(@RestPath Long id, @RestPath Long claimId,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = access.adjudicated(id);
        return render(doc, formOf(goldClaim(doc, claimId)), htmx);
    }

    @POST
    @Path("{id}/adjudicate/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createClaim(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = access.adjudicated(id);
        ClaimForm form = ClaimForm.read(doc, fields, null);
        try {
            Claim c = adjudication.createGoldClaim(doc, me(), form.input());
            return done(doc, htmx, "#gold-" + c.id, "Gold claim added.");
        } catch (ClientErrorException e) {
            return rejected(doc, form.withError(e.getMessage()), e, htmx);
        }
    }

    @POST
    @Path("{id}/adjudicate/claims/{claimId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateClaim(@RestPath Long id, @RestPath Long claimId, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = access.adjudicated(id);
        Claim c = goldClaim(doc, claimId);
        ClaimForm form = ClaimForm.read(doc, fields, claimId);
        try {
            adjudication.updateGoldClaim(c, me(), form.input(), form.version());
            return done(doc, htmx, "#gold-" + claimId, "Gold claim saved.");
        } catch (ClientErrorException e) {
            return rejected(doc, form.withError(e.getMessage()), e, htmx);
        }
    }

    @POST
    @Path("{id}/adjudicate/claims/{claimId}/delete")
    public Response deleteClaim(@RestPath Long id, @RestPath Long claimId, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = access.adjudicated(id);
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
        return Templates.finish(view(access.adjudicated(id), null, null));
    }

    /** Finishes; with open items only when {@code confirm=true}, else to the confirmation page. */
    @POST
    @Path("{id}/adjudicate/finish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response finish(@RestPath Long id, @FormParam("confirm") boolean confirm,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = access.adjudicated(id);
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
        Document doc = access.adjudicated(id);
        adjudication.reopen(doc, me());
        return done(doc, htmx, "", "Adjudication reopened.");
    }

    // ------------------------------------------------------------------ helpers

    private User me() {
        return access.me();
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
                claimService.claims(l).forEach(c -> claims.put(c.id, c));
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
                        ClaimForm.slice(doc, item.cluster().start(), item.cluster().end()), item.agreed(), versions, item.gold()));
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
                    ClaimForm.slice(doc, mi.item().start(), mi.item().end()), mi.agreed(), mi.item().spansDiffer(),
                    mi.item().valuesDiffer(), versions, mi.gold()));
        }
        List<Mention> mentions = gold == null ? List.of() : markService.mentions(gold);
        List<Cue> cues = gold == null ? List.of() : markService.cues(gold);
        return new View(doc, gold, reviewers, canStart, items, Segmenter.segments(doc.text, marks), mentions, cues,
                form, status, markRows, schemas.of(doc.project));
    }

    private TemplateInstance render(Document doc, ClaimForm form, boolean htmx) {
        View v = view(doc, form, null);
        return htmx ? Templates.page$editor(v) : Templates.page(v);
    }

    Response done(Document doc, boolean htmx, String anchor, String message) {
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

    /** The form on a gold claim as stored now, with one empty hop row to add a hop without JavaScript. */
    private ClaimForm formOf(Claim c) {
        Claim fresh = claimService.claims(c.layer).stream().filter(g -> g.id.equals(c.id)).findFirst().orElse(c);
        return ClaimForm.of(fresh, true);
    }
}
