package dev.credence.annotation;

import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import dev.credence.annotation.Segmenter.Mark;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import dev.credence.source.Source;
import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.annotation.schema.LabelValue;
import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The document page: the text with claim, mention and cue highlights, the reviewer's side panel,
 * and the forms that mark and edit them. Every action is a plain form POST with post/redirect/get;
 * with {@code HX-Request} the same routes answer with the fragment to swap in place.
 */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class Annotations {
    private static final Pattern HOP_FIELD = Pattern.compile("hops\\[(\\d{1,2})]\\.(\\w+)");
    static final int MAX_HOPS = AnnotationService.MAX_HOPS;

    @Inject
    CurrentUser currentUser;
    @Inject
    DocumentAccess documents;
    @Inject
    AnnotationService annotations;
    @Inject
    LabelSchemaService schemas;
    @Inject
    PageClaims pageClaims;

    /** One attribution hop row of the claim form, as typed (strings, so a rejected form keeps its values). */
    public record HopForm(int index, String sourceName, String sourceType, Long mentionId, Long cueId,
            String relation, String reliability) {
        public String label() {
            return index == 0 ? "Originator" : "Hop " + (index + 1) + " (passed on by)";
        }

        static HopForm blank(int index) {
            return new HopForm(index, "", "", null, null, index == 0 ? "asserts" : "reports", "");
        }

        public boolean hasMention(Long id) {
            return Objects.equals(mentionId, id);
        }

        public boolean hasCue(Long id) {
            return Objects.equals(cueId, id);
        }

        HopForm at(int i) {
            return new HopForm(i, sourceName, sourceType, mentionId, cueId, relation, reliability);
        }
    }

    /** The claim form's values: new (claimId null) or editing a claim at {@code version}. */
    public record ClaimForm(Long claimId, Long version, int start, int end, String exact, String kind,
            String stance, Boolean checkWorthy, Integer credibility, String rationale, String evidenceUrl,
            List<HopForm> hops, String error) {
        /** The check-worthy choice as the form sends it: "" (not judged), "true" or "false". */
        public String checkWorthyChoice() {
            return checkWorthy == null ? "" : checkWorthy.toString();
        }

        /** The check-worthy choice in words, for read-only views. */
        public String checkWorthyText() {
            return checkWorthyWords(checkWorthy);
        }

        public boolean isLast(HopForm h) {
            return h.index() == hops.size() - 1;
        }

        public boolean isCredibility(String value) {
            return credibility != null && credibility.toString().equals(value);
        }

        public int hopCount() {
            return hops.size();
        }

        /** The error is about {@code field} (its message starts "field: ..."), so it is shown next to it. */
        public boolean errorIn(String field) {
            return error != null && error.startsWith(field + ":");
        }
    }

    /** The mention or cue form: a span plus source fields or a cue class. */
    public record SpanForm(String what, Long id, int start, int end, String exact, String sourceName, String sourceType,
            String cueClass, String error) {
        /** Where the form posts: create for a new span, update for an existing one. */
        public String action(Long documentId) {
            return "/documents/" + documentId + "/" + what + "s" + (id == null ? "" : "/" + id);
        }
    }

    /** A value and the words shown for it, for selects and radio groups. */
    public record Option(String value, String label) {
    }

    /** Everything the page and its fragments render. */
    public record View(Document doc, Layer layer, List<PageClaims.Row> claims, List<Mention> mentions, List<Cue> cues,
            List<Segmenter.Segment> segments, ClaimForm claimForm, SpanForm spanForm, String status,
            LabelSchema schema) {
        /** The claim list's items, written in one pass (see {@link DocumentPageHtml}). */
        public io.quarkus.qute.RawString claimItems() {
            return DocumentPageHtml.claims(doc.id, claims, editable(), schema);
        }

        /** The text's segments, written in one pass. */
        public io.quarkus.qute.RawString textHtml() {
            return DocumentPageHtml.text(segments);
        }

        public boolean editable() {
            return layer == null || layer.state != LayerState.submitted;
        }

        public String state() {
            return layer == null ? "not started" : layer.state.name().replace('_', ' ');
        }

        public boolean submitted() {
            return layer != null && layer.state == LayerState.submitted;
        }

        public boolean editing() {
            return claimForm != null || spanForm != null;
        }

        // The label sets are the project's schema (issue 10): its names, labels, keys and colours.
        public List<LabelValue.Def> kinds() {
            return schema.values(LabelField.kind);
        }

        public List<LabelValue.Def> stances() {
            return schema.values(LabelField.stance);
        }

        public List<LabelValue.Def> relations() {
            return schema.values(LabelField.relation);
        }

        public List<LabelValue.Def> cueClasses() {
            return schema.values(LabelField.cueClass);
        }

        public List<LabelValue.Def> sourceTypes() {
            return schema.values(LabelField.sourceType);
        }

        public List<Option> reliabilities() {
            return List.of(new Option("A", "A · completely reliable"), new Option("B", "B · usually reliable"),
                    new Option("C", "C · fairly reliable"), new Option("D", "D · not usually reliable"),
                    new Option("E", "E · unreliable"), new Option("F", "F · cannot be judged"));
        }

        public List<Option> credibilities() {
            return List.of(new Option("1", "confirmed"), new Option("2", "probably true"),
                    new Option("3", "possibly true"), new Option("4", "doubtful"), new Option("5", "improbable"),
                    new Option("6", "cannot be judged"));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(View v);

        static native TemplateInstance page$workspace(View v);

        static native TemplateInstance page$editor(View v);

        static native TemplateInstance sourceOptions(List<Option> options);

        static native TemplateInstance conflict(View v, ClaimConflict c);

        static native TemplateInstance conflict$panel(View v, ClaimConflict c);
    }

    // ------------------------------------------------------------------ page

    @GET
    @Path("{id}")
    public TemplateInstance page(@RestPath Long id) {
        Document doc = documents.require(id);
        return Templates.page(view(doc, null, null, null));
    }

    @GET
    @Path("{id}/source-options")
    public TemplateInstance sourceOptions(@RestPath Long id, @QueryParam("q") String query,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        documents.require(id);
        // The type-ahead input sends itself under its own field name (hops[2].sourceName); take any value.
        String q = query != null ? query
                : uri.getQueryParameters().values().stream().flatMap(List::stream).findFirst().orElse(null);
        List<Option> options = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            String like = "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            Map<String, String> seen = new LinkedHashMap<>();
            for (Source s : Source.<Source>find("lower(name) like ?1 order by name", like).range(0, 19).list()) {
                seen.putIfAbsent(s.name, s.type.label());
            }
            for (dev.credence.source.SourceAlias a : dev.credence.source.SourceAlias
                    .<dev.credence.source.SourceAlias>find("lower(alias) like ?1 order by alias", like).range(0, 9)
                    .list()) {
                seen.putIfAbsent(a.alias, a.source.type.label() + " · alias of " + a.source.name);
            }
            seen.forEach((name, label) -> options.add(new Option(name, label)));
        }
        return Templates.sourceOptions(options);
    }

    // ------------------------------------------------------------------ claims

    @GET
    @Path("{id}/claims/new")
    public TemplateInstance newClaim(@RestPath Long id, @QueryParam("start") int start, @QueryParam("end") int end,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        ClaimForm form = new ClaimForm(null, null, start, end, slice(doc, start, end), "", "", null, null, "", "",
                List.of(HopForm.blank(0)), null);
        return render(doc, form, null, htmx);
    }

    @GET
    @Path("{id}/claims/{claimId}/edit")
    public TemplateInstance editClaim(@RestPath Long id, @RestPath Long claimId, @QueryParam("start") Integer start,
            @QueryParam("end") Integer end, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Claim claim = ownClaim(doc, claimId);
        ClaimForm form = formOf(claim, null);
        if (start != null && end != null) {
            // Re-placing (an orphaned claim): the form on the text the reviewer selected now.
            form = new ClaimForm(form.claimId(), form.version(), start, end, slice(doc, start, end), form.kind(),
                    form.stance(), form.checkWorthy(), form.credibility(), form.rationale(), form.evidenceUrl(),
                    form.hops(), null);
        }
        return render(doc, form, null, htmx);
    }

    /** Re-renders the claim form after "Add hop", "↑", "↓" or "Remove" (no state change). */
    @POST
    @Path("{id}/claim-form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance reshapeClaimForm(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        // The claim being edited (if any) rides along so the reshaped form still saves to it.
        ClaimForm form = readClaimForm(doc, fields, longOrNull(fields.getFirst("claimId")));
        ClaimForm reshaped = reshape(form, fields.getFirst("op"));
        return render(doc, reshaped, null, htmx);
    }

    @POST
    @Path("{id}/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createClaim(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        ClaimForm form = readClaimForm(doc, fields, null);
        try {
            Claim claim = annotations.createClaim(doc, me(), input(form));
            return done(doc, htmx, "/documents/" + id + "#claim-" + claim.id, "Claim added.");
        } catch (ClientErrorException e) {
            return rejected(doc, withError(form, e.getMessage()), null, e, htmx);
        }
    }

    @POST
    @Path("{id}/claims/{claimId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateClaim(@RestPath Long id, @RestPath Long claimId, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Claim claim = ownClaim(doc, claimId);
        ClaimForm form = readClaimForm(doc, fields, claimId);
        try {
            annotations.updateClaim(claim, me(), input(form), form.version());
            return done(doc, htmx, "/documents/" + id + "#claim-" + claimId, "Claim saved.");
        } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() == 409 && form.version() != null) {
                // Their change beside the user's values, and the form on what is stored now, so
                // saving again is a deliberate choice: reapply mine, or edit theirs.
                Claim current = annotations.claims(claim.layer).stream().filter(c -> c.id.equals(claimId))
                        .findFirst().orElse(claim);
                return conflict(doc, ClaimConflict.of(doc.id, formOf(current, null), form), htmx);
            }
            return rejected(doc, withError(form, e.getMessage()), null, e, htmx);
        }
    }

    @POST
    @Path("{id}/claims/{claimId}/delete")
    public Response deleteClaim(@RestPath Long id, @RestPath Long claimId, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Claim claim = ownClaim(doc, claimId);
        try {
            annotations.deleteClaim(claim, me());
            return done(doc, htmx, "/documents/" + id, "Claim deleted.");
        } catch (ClientErrorException e) {
            return done(doc, htmx, "/documents/" + id, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ mentions and cues

    @GET
    @Path("{id}/mentions/new")
    public TemplateInstance newMention(@RestPath Long id, @QueryParam("start") int start,
            @QueryParam("end") int end, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        String exact = slice(doc, start, end);
        return render(doc, null, new SpanForm("mention", null, start, end, exact, exact, "", "", null), htmx);
    }

    @POST
    @Path("{id}/mentions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createMention(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        int start = integer(fields.getFirst("start"), 0);
        int end = integer(fields.getFirst("end"), 0);
        String name = blankToNull(fields.getFirst("sourceName"));
        String type = blankToNull(fields.getFirst("sourceType"));
        try {
            Mention m = annotations.createMention(doc, me(), new SpanInput(start, end), null, name, type);
            return done(doc, htmx, "/documents/" + id + "#mention-" + m.id, "Source mention added.");
        } catch (ClientErrorException e) {
            SpanForm form = new SpanForm("mention", null, start, end, slice(doc, start, end), name, type, "",
                    e.getMessage());
            return rejected(doc, null, form, e, htmx);
        }
    }

    @GET
    @Path("{id}/mentions/{mentionId}/edit")
    public TemplateInstance editMention(@RestPath Long id, @RestPath Long mentionId,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Mention m = annotations.requireMention(mentionId, me());
        requireSameDocument(doc, m.layer);
        return render(doc, null, new SpanForm("mention", m.id, m.start, m.end, m.exact,
                m.source == null ? "" : m.source.name, m.source == null ? "" : m.source.type.name(), "", null), htmx);
    }

    @POST
    @Path("{id}/mentions/{mentionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateMention(@RestPath Long id, @RestPath Long mentionId, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Mention m = annotations.requireMention(mentionId, me());
        requireSameDocument(doc, m.layer);
        String name = blankToNull(fields.getFirst("sourceName"));
        String type = blankToNull(fields.getFirst("sourceType"));
        try {
            annotations.updateMention(m, me(), null, name, type);
            return done(doc, htmx, "/documents/" + id + "#mention-" + m.id, "Source mention saved.");
        } catch (ClientErrorException e) {
            SpanForm form = new SpanForm("mention", m.id, m.start, m.end, m.exact, name, type, "", e.getMessage());
            return rejected(doc, null, form, e, htmx);
        }
    }

    @POST
    @Path("{id}/mentions/{mentionId}/delete")
    public Response deleteMention(@RestPath Long id, @RestPath Long mentionId,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Mention m = annotations.requireMention(mentionId, me());
        requireSameDocument(doc, m.layer);
        try {
            annotations.deleteMention(m, me());
            return done(doc, htmx, "/documents/" + id, "Source mention deleted.");
        } catch (ClientErrorException e) {
            return done(doc, htmx, "/documents/" + id, e.getMessage());
        }
    }

    @GET
    @Path("{id}/cues/new")
    public TemplateInstance newCue(@RestPath Long id, @QueryParam("start") int start, @QueryParam("end") int end,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        return render(doc, null, new SpanForm("cue", null, start, end, slice(doc, start, end), "", "", "", null), htmx);
    }

    @POST
    @Path("{id}/cues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createCue(@RestPath Long id, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        int start = integer(fields.getFirst("start"), 0);
        int end = integer(fields.getFirst("end"), 0);
        String cueClass = blankToNull(fields.getFirst("cueClass"));
        try {
            Cue c = annotations.createCue(doc, me(), new SpanInput(start, end), cueClass);
            return done(doc, htmx, "/documents/" + id + "#cue-" + c.id, "Cue added.");
        } catch (ClientErrorException e) {
            SpanForm form = new SpanForm("cue", null, start, end, slice(doc, start, end), "", "", cueClass,
                    e.getMessage());
            return rejected(doc, null, form, e, htmx);
        }
    }

    @GET
    @Path("{id}/cues/{cueId}/edit")
    public TemplateInstance editCue(@RestPath Long id, @RestPath Long cueId, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Cue c = annotations.requireCue(cueId, me());
        requireSameDocument(doc, c.layer);
        return render(doc, null, new SpanForm("cue", c.id, c.start, c.end, c.exact, "", "",
                c.cueClass == null ? "" : c.cueClass, null), htmx);
    }

    @POST
    @Path("{id}/cues/{cueId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateCue(@RestPath Long id, @RestPath Long cueId, MultivaluedMap<String, String> fields,
            @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Cue c = annotations.requireCue(cueId, me());
        requireSameDocument(doc, c.layer);
        String cueClass = blankToNull(fields.getFirst("cueClass"));
        try {
            annotations.updateCue(c, me(), cueClass);
            return done(doc, htmx, "/documents/" + id + "#cue-" + c.id, "Cue saved.");
        } catch (ClientErrorException e) {
            SpanForm form = new SpanForm("cue", c.id, c.start, c.end, c.exact, "", "", cueClass, e.getMessage());
            return rejected(doc, null, form, e, htmx);
        }
    }

    @POST
    @Path("{id}/cues/{cueId}/delete")
    public Response deleteCue(@RestPath Long id, @RestPath Long cueId, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Cue c = annotations.requireCue(cueId, me());
        requireSameDocument(doc, c.layer);
        try {
            annotations.deleteCue(c, me());
            return done(doc, htmx, "/documents/" + id, "Cue deleted.");
        } catch (ClientErrorException e) {
            return done(doc, htmx, "/documents/" + id, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ layer

    @POST
    @Path("{id}/submit")
    public Response submit(@RestPath Long id, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        annotations.submit(annotations.layerFor(doc, me()), me());
        return done(doc, htmx, "/documents/" + id, "Layer submitted. Reopen it to change anything.");
    }

    @POST
    @Path("{id}/reopen")
    public Response reopen(@RestPath Long id, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        annotations.findLayer(doc, me()).ifPresent(l -> annotations.reopen(l, me()));
        return done(doc, htmx, "/documents/" + id, "Layer reopened.");
    }

    // ------------------------------------------------------------------ helpers

    private User me() {
        return currentUser.get();
    }

    /**
     * The page's data in bounded queries: two projections for the claim list (claims, then hops with their source
     * names: only what the list shows, no entities), one each for mentions and cues.
     */
    View view(Document doc, ClaimForm claimForm, SpanForm spanForm, String status) {
        Layer layer = annotations.findLayer(doc, me()).orElse(null);
        List<PageClaims.Row> claims = layer == null ? List.of() : pageClaims.of(layer);
        List<Mention> mentions = layer == null ? List.of() : annotations.mentions(layer);
        List<Cue> cues = layer == null ? List.of() : annotations.cues(layer);
        List<Mark> marks = new ArrayList<>(claims.size() + mentions.size() + cues.size());
        // Orphaned spans (offsets of an earlier revision) are listed, flagged, but not marked in this text.
        claims.stream().filter(PageClaims.Row::anchored).forEach(c -> marks.add(Mark.claim(c.id(), c.start(), c.end())));
        mentions.stream().filter(Span::anchored).forEach(m -> marks.add(Mark.mention(m.id, m.start, m.end)));
        cues.stream().filter(Span::anchored).forEach(c -> marks.add(Mark.cue(c.id, c.start, c.end)));
        return new View(doc, layer, claims, mentions, cues, Segmenter.segments(doc.text, marks), claimForm, spanForm,
                status, schemas.of(doc.project));
    }

    /** The editor alone for htmx (needs only mentions and cues, for the hop selects), else the whole page. */
    private TemplateInstance render(Document doc, ClaimForm claimForm, SpanForm spanForm, boolean htmx) {
        if (htmx) {
            Layer layer = annotations.findLayer(doc, me()).orElse(null);
            List<Mention> mentions = layer == null ? List.of() : annotations.mentions(layer);
            List<Cue> cues = layer == null ? List.of() : annotations.cues(layer);
            return Templates.page$editor(new View(doc, layer, List.of(), mentions, cues, List.of(), claimForm,
                    spanForm, null, schemas.of(doc.project)));
        }
        return Templates.page(view(doc, claimForm, spanForm, null));
    }

    private Response done(Document doc, boolean htmx, String location, String message) {
        if (htmx) {
            // The write committed in its own transaction; what this request loaded before it (the claim being
            // edited, say) is stale in the request's session, and the workspace must show what is stored now.
            Document.getEntityManager().clear();
            Document current = Document.findById(doc.id);
            Response.ResponseBuilder ok = Response.ok(Templates.page$workspace(view(current, null, null, message)));
            // "claim-12", "mention-3", "cue-7": where focus goes, and (for undo) what a create made.
            int hash = location.indexOf('#');
            if (hash >= 0) {
                ok.header("X-Credence-Focus", location.substring(hash + 1));
            }
            return ok.build();
        }
        return Flash.redirect(location, message);
    }

    /** A rejected form goes back where it came from, with the message: the editor for htmx, else the page. */
    private Response rejected(Document doc, ClaimForm claimForm, SpanForm spanForm, ClientErrorException e,
            boolean htmx) {
        return Response.status(e.getResponse().getStatus()).entity(render(doc, claimForm, spanForm, htmx))
                .header("HX-Retarget", "#editor").header("HX-Reswap", "innerHTML").build();
    }

    private Response conflict(Document doc, ClaimConflict conflict, boolean htmx) {
        Layer layer = annotations.findLayer(doc, me()).orElse(null);
        List<Mention> mentions = layer == null ? List.of() : annotations.mentions(layer);
        List<Cue> cues = layer == null ? List.of() : annotations.cues(layer);
        View v = new View(doc, layer, List.of(), mentions, cues, List.of(), conflict.theirs(), null, null,
                schemas.of(doc.project));
        return Response.status(409).entity(htmx ? Templates.conflict$panel(v, conflict) : Templates.conflict(v, conflict))
                .header("HX-Retarget", "#editor").header("HX-Reswap", "innerHTML").build();
    }

    private Claim ownClaim(Document doc, Long claimId) {
        Claim claim = annotations.requireClaim(claimId, me());
        requireSameDocument(doc, claim.layer);
        return claim;
    }

    private static void requireSameDocument(Document doc, Layer layer) {
        if (!layer.document.id.equals(doc.id)) {
            throw new jakarta.ws.rs.NotFoundException("Not on document " + doc.id);
        }
    }

    private static ClaimForm formOf(Claim c, String error) {
        List<HopForm> hops = new ArrayList<>();
        for (AttributionHop h : c.hops) {
            hops.add(new HopForm(hops.size(), h.source.name, h.source.type.name(),
                    h.mention == null ? null : h.mention.id, h.cue == null ? null : h.cue.id,
                    h.relation, h.reliability == null ? "" : h.reliability));
        }
        if (hops.isEmpty()) {
            hops.add(HopForm.blank(0));
        }
        return new ClaimForm(c.id, c.version, c.start, c.end, c.exact, nullToEmpty(c.kind), nullToEmpty(c.stance),
                c.checkWorthy, c.credibility, nullToEmpty(c.rationale),
                nullToEmpty(c.evidenceUrl), hops, error);
    }

    private static ClaimForm withError(ClaimForm f, String error) {
        return new ClaimForm(f.claimId(), f.version(), f.start(), f.end(), f.exact(), f.kind(), f.stance(),
                f.checkWorthy(), f.credibility(), f.rationale(), f.evidenceUrl(), f.hops(), error);
    }

    /** The form with a hop added, moved up or down, or removed ({@code op}: add, up-N, down-N, remove-N). */
    public static ClaimForm reshape(ClaimForm form, String op) {
        List<HopForm> hops = new ArrayList<>(form.hops());
        op = Objects.requireNonNullElse(op, "");
        Matcher m = Pattern.compile("(up|down|remove)-(\\d{1,2})").matcher(op);
        if (op.equals("add") && hops.size() < MAX_HOPS) {
            hops.add(HopForm.blank(hops.size()));
        } else if (m.matches()) {
            int i = Integer.parseInt(m.group(2));
            if (i < hops.size()) {
                switch (m.group(1)) {
                    case "up" -> {
                        if (i > 0) {
                            hops.add(i - 1, hops.remove(i));
                        }
                    }
                    case "down" -> {
                        if (i + 1 < hops.size()) {
                            hops.add(i + 1, hops.remove(i));
                        }
                    }
                    default -> hops.remove(i);
                }
            }
        }
        List<HopForm> renumbered = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            renumbered.add(hops.get(i).at(i));
        }
        ClaimForm reshaped = new ClaimForm(form.claimId(), form.version(), form.start(), form.end(), form.exact(),
                form.kind(), form.stance(), form.checkWorthy(), form.credibility(), form.rationale(),
                form.evidenceUrl(), renumbered, null);
        return reshaped;
    }

    /** Reads the claim form, including the indexed hop fields {@code hops[0].sourceName} and so on. */
    public static ClaimForm readClaimForm(Document doc, MultivaluedMap<String, String> f, Long claimId) {
        Map<Integer, Map<String, String>> rows = new java.util.TreeMap<>();
        for (Map.Entry<String, List<String>> e : f.entrySet()) {
            Matcher m = HOP_FIELD.matcher(e.getKey());
            if (m.matches() && !e.getValue().isEmpty()) {
                int i = Integer.parseInt(m.group(1));
                if (i < MAX_HOPS) {
                    rows.computeIfAbsent(i, k -> new java.util.HashMap<>()).put(m.group(2), e.getValue().get(0));
                }
            }
        }
        List<HopForm> hops = new ArrayList<>();
        for (Map<String, String> r : rows.values()) {
            hops.add(new HopForm(hops.size(), nullToEmpty(r.get("sourceName")).strip(), nullToEmpty(r.get("sourceType")),
                    longOrNull(r.get("mentionId")), longOrNull(r.get("cueId")), nullToEmpty(r.get("relation")),
                    nullToEmpty(r.get("reliability"))));
        }
        if (hops.isEmpty()) {
            hops.add(HopForm.blank(0));
        }
        int start = integer(f.getFirst("start"), 0);
        int end = integer(f.getFirst("end"), 0);
        String cred = f.getFirst("credibility");
        return new ClaimForm(claimId, longOrNull(f.getFirst("version")), start, end, slice(doc, start, end),
                nullToEmpty(f.getFirst("kind")), nullToEmpty(f.getFirst("stance")),
                checkWorthyChoice(f.getFirst("checkWorthy")), cred == null || cred.isBlank() ? null : integer(cred, 0),
                nullToEmpty(f.getFirst("rationale")), nullToEmpty(f.getFirst("evidenceUrl")), hops, null);
    }

    /**
     * The check-worthy field: "true" (also "on", a ticked box) is check-worthy, "false" is not, anything else
     * (absent or "") is not judged.
     */
    static Boolean checkWorthyChoice(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "true", "on" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** "yes", "no" or "not judged". */
    public static String checkWorthyWords(Boolean checkWorthy) {
        return checkWorthy == null ? "not judged" : checkWorthy ? "yes" : "no";
    }

    /** Hop rows left entirely empty are dropped rather than rejected. */
    public static ClaimInput input(ClaimForm f) {
        List<HopInput> hops = new ArrayList<>();
        for (HopForm h : f.hops()) {
            if (h.sourceName().isBlank() && h.mentionId() == null) {
                continue;
            }
            hops.add(new HopInput(null, blankToNull(h.sourceName()), blankToNull(h.sourceType()), h.mentionId(), null,
                    h.cueId(), null, blankToNull(h.relation()), blankToNull(h.reliability())));
        }
        return new ClaimInput(f.start(), f.end(), blankToNull(f.kind()), blankToNull(f.stance()), f.checkWorthy(),
                f.credibility(), blankToNull(f.rationale()), blankToNull(f.evidenceUrl()), hops);
    }

    /** The text between two code point offsets, or "" when they are not a valid span. */
    static String slice(Document doc, int start, int end) {
        if (start < 0 || end <= start || end > doc.lengthCp) {
            return "";
        }
        return Offsets.slice(doc.text, start, end);
    }

    private static String name(Enum<?> e) {
        return e == null ? "" : e.name();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int integer(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Long longOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
