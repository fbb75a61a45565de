package dev.credence.annotation;

import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import dev.credence.annotation.Segmenter.Mark;
import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.annotation.schema.LabelValue;
import dev.credence.document.Document;
import dev.credence.web.Flash;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The document page's model and its answers, shared by the controllers of its resources ({@link Annotations} for
 * the page and the layer, {@link ClaimForms}, {@link Mentions}, {@link Cues}): what the page and its fragments
 * render, and how a write is answered (post/redirect/get, or with {@code HX-Request} the fragment to swap in).
 */
@ApplicationScoped
public class DocumentPage {
    @Inject
    CurrentUser currentUser;
    @Inject
    LayerService layers;
    @Inject
    MarkService marks;
    @Inject
    LabelSchemaService schemas;
    @Inject
    PageClaims pageClaims;

    /** A value and the words shown for it, for selects and radio groups. */
    public record Option(String value, String label) {
    }

    /** Everything the page and its fragments render. */
    public record View(Document doc, Layer layer, List<PageClaims.Row> claims, List<Mention> mentions, List<Cue> cues,
            List<Segmenter.Segment> segments, ClaimForm claimForm, SpanForm spanForm, String status,
            LabelSchema schema) {
        /** The claim list's items, written in one pass (see {@link DocumentPageHtml}). */
        public RawString claimItems() {
            return DocumentPageHtml.claims(doc.id, claims, editable(), schema);
        }

        /** The text's segments, written in one pass. */
        public RawString textHtml() {
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

    /** A write the page's controllers answer for: it may refuse with a 4xx (ClientErrorException). */
    @FunctionalInterface
    public interface Write {
        void run();
    }

    User me() {
        return currentUser.get();
    }

    /**
     * The page's data in bounded queries: two projections for the claim list (claims, then hops with their source
     * names: only what the list shows, no entities), one each for mentions and cues.
     */
    View view(Document doc, ClaimForm claimForm, SpanForm spanForm, String status) {
        Layer layer = layers.findLayer(doc, me()).orElse(null);
        List<PageClaims.Row> claims = layer == null ? List.of() : pageClaims.of(layer);
        List<Mention> mentions = layer == null ? List.of() : marks.mentions(layer);
        List<Cue> cues = layer == null ? List.of() : marks.cues(layer);
        List<Mark> spans = new ArrayList<>(claims.size() + mentions.size() + cues.size());
        // Orphaned spans (offsets of an earlier revision) are listed, flagged, but not marked in this text.
        claims.stream().filter(PageClaims.Row::anchored).forEach(c -> spans.add(Mark.claim(c.id(), c.start(), c.end())));
        mentions.stream().filter(Span::anchored).forEach(m -> spans.add(Mark.mention(m.id, m.start, m.end)));
        cues.stream().filter(Span::anchored).forEach(c -> spans.add(Mark.cue(c.id, c.start, c.end)));
        return new View(doc, layer, claims, mentions, cues, Segmenter.segments(doc.text, spans), claimForm, spanForm,
                status, schemas.of(doc.project));
    }

    /** The page without its claim list and text: enough for the editor (the hop selects need mentions and cues). */
    private View editorView(Document doc, ClaimForm claimForm, SpanForm spanForm) {
        Layer layer = layers.findLayer(doc, me()).orElse(null);
        List<Mention> mentions = layer == null ? List.of() : marks.mentions(layer);
        List<Cue> cues = layer == null ? List.of() : marks.cues(layer);
        return new View(doc, layer, List.of(), mentions, cues, List.of(), claimForm, spanForm, null,
                schemas.of(doc.project));
    }

    /** The editor alone for htmx, else the whole page. */
    TemplateInstance render(Document doc, ClaimForm claimForm, SpanForm spanForm, boolean htmx) {
        if (htmx) {
            return Annotations.Templates.page$editor(editorView(doc, claimForm, spanForm));
        }
        return Annotations.Templates.page(view(doc, claimForm, spanForm, null));
    }

    /** A write done: the workspace for htmx (focus on what {@code location}'s anchor names), else 303 there. */
    Response done(Document doc, boolean htmx, String location, String message) {
        if (htmx) {
            // The write committed in its own transaction; what this request loaded before it (the claim being
            // edited, say) is stale in the request's session, and the workspace must show what is stored now.
            Document.getEntityManager().clear();
            Document current = Document.findById(doc.id);
            Response.ResponseBuilder ok = Response.ok(Annotations.Templates.page$workspace(
                    view(current, null, null, message)));
            // "claim-12", "mention-3", "cue-7": where focus goes, and (for undo) what a create made.
            int hash = location.indexOf('#');
            if (hash >= 0) {
                ok.header("X-Credence-Focus", location.substring(hash + 1));
            }
            return ok.build();
        }
        return Flash.redirect(location, message);
    }

    /** Runs a delete (or other write without a form): done with {@code message}, or with the refusal's message. */
    Response act(Document doc, boolean htmx, String message, Write write) {
        try {
            write.run();
            return done(doc, htmx, "/documents/" + doc.id, message);
        } catch (ClientErrorException e) {
            return done(doc, htmx, "/documents/" + doc.id, e.getMessage());
        }
    }

    /** A rejected form goes back where it came from, with the message: the editor for htmx, else the page. */
    Response rejected(Document doc, ClaimForm claimForm, SpanForm spanForm, ClientErrorException e, boolean htmx) {
        return Response.status(e.getResponse().getStatus()).entity(render(doc, claimForm, spanForm, htmx))
                .header("HX-Retarget", "#editor").header("HX-Reswap", "innerHTML").build();
    }

    /** 409: their change beside the user's values (see {@link ClaimConflict}). */
    Response conflict(Document doc, ClaimConflict conflict, boolean htmx) {
        View v = editorView(doc, conflict.theirs(), null);
        return Response.status(409).entity(htmx ? Annotations.Templates.conflict$panel(v, conflict)
                : Annotations.Templates.conflict(v, conflict))
                .header("HX-Retarget", "#editor").header("HX-Reswap", "innerHTML").build();
    }

    /** 404 unless the span's layer is on this document (ids in the URL must agree). */
    static void requireSameDocument(Document doc, Layer layer) {
        if (!layer.document.id.equals(doc.id)) {
            throw new NotFoundException("Not on document " + doc.id);
        }
    }
}
