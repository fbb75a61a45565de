package dev.credence.suggest;

import dev.credence.account.CurrentUser;
import dev.credence.annotation.AttributionChain;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerState;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import dev.credence.nlp.EnglishModels;
import dev.credence.nlp.Segmentation;
import dev.credence.source.Reliability;
import dev.credence.source.SourceType;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The suggestions panel of the document page (an htmx fragment loaded after the page): the caller's own open
 * suggestions, accept (optionally with a source type and reliability), reject, accept all in a sentence. Without
 * JavaScript the forms post and redirect back to the document.
 */
@Path("/documents/{id}/suggestions")
@Produces(MediaType.TEXT_HTML)
public class Suggestions {
    @Inject
    CurrentUser currentUser;
    @Inject
    DocumentAccess documents;
    @Inject
    SuggestionService suggestions;
    @Inject
    EnglishModels models;

    /** One row of the panel. */
    public record Item(Suggestion s, String chain, String registryType, String lastGrade, boolean needsType) {
        public String typeLabel() {
            return registryType == null ? null : registryType.replace('_', ' ');
        }
    }

    public record Panel(Document doc, Layer layer, List<Item> items, String model, String message, String error,
            Long errorId) {
        public boolean editable() {
            return layer != null && layer.state != LayerState.submitted;
        }

        public List<String> sourceTypes() {
            return Arrays.stream(SourceType.values()).map(Enum::name).toList();
        }

        public List<String> grades() {
            return Arrays.stream(Reliability.values()).map(Reliability::grade).toList();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(Panel p);
    }

    @GET
    public TemplateInstance panel(@RestPath Long id) {
        return Templates.panel(panel(documents.require(id), null, null, null));
    }

    @POST
    @Path("{sid}/accept")
    public Response accept(@RestPath Long id, @RestPath Long sid, @FormParam("sourceType") String sourceType,
            @FormParam("reliability") String reliability, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        try {
            suggestions.accept(sid, currentUser.get(), new SuggestionService.Edits(null, null, null, null,
                    blank(sourceType), null, null, null, null, blank(reliability)));
        } catch (ClientErrorException e) {
            return answer(doc, htmx, null, e.getMessage(), sid, e.getResponse().getStatus());
        }
        return answer(doc, htmx, "Accepted: the claim is in your layer.", null, null, 200);
    }

    @POST
    @Path("{sid}/reject")
    public Response reject(@RestPath Long id, @RestPath Long sid, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        try {
            suggestions.reject(sid, currentUser.get());
        } catch (ClientErrorException e) {
            return answer(doc, htmx, null, e.getMessage(), sid, e.getResponse().getStatus());
        }
        return answer(doc, htmx, "Rejected.", null, null, 200);
    }

    /** Accepts every open suggestion whose claim starts in the same sentence as this one's. */
    @POST
    @Path("{sid}/accept-sentence")
    public Response acceptSentence(@RestPath Long id, @RestPath Long sid, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        Suggestion s = suggestions.require(sid, currentUser.get());
        Segmentation.Sentence sentence = models.segmentation().sentences(doc.text).stream()
                .filter(x -> x.start() <= s.claimStart && s.claimStart < x.end()).findFirst().orElse(null);
        int accepted = 0;
        for (Suggestion other : suggestions.open(s.layer)) {
            boolean same = other.id.equals(s.id) || sentence != null && sentence.start() <= other.claimStart
                    && other.claimStart < sentence.end();
            if (!same) {
                continue;
            }
            try {
                suggestions.accept(other.id, currentUser.get(), SuggestionService.Edits.NONE);
                accepted++;
            } catch (ClientErrorException e) {
                return answer(doc, htmx, accepted + " accepted", e.getMessage(), other.id, e.getResponse().getStatus());
            }
        }
        return answer(doc, htmx, accepted + " accepted in this sentence.", null, null, 200);
    }

    private Response answer(Document doc, boolean htmx, String message, String error, Long errorId, int status) {
        if (!htmx) {
            return Response.seeOther(URI.create("/documents/" + doc.id)).build();
        }
        Response.ResponseBuilder r = Response.status(error == null ? 200 : status)
                .entity(Templates.panel(panel(doc, message, error, errorId)));
        if (error == null) {
            r.header("HX-Trigger", "credence-claims-changed");
        }
        return r.build();
    }

    private Panel panel(Document doc, String message, String error, Long errorId) {
        Optional<Layer> layer = suggestions.ownLayer(doc, currentUser.get());
        List<Item> items = layer.map(l -> suggestions.open(l).stream().map(s -> item(s, doc)).toList()).orElse(List.of());
        String model = items.isEmpty() ? null : items.get(0).s().model;
        return new Panel(doc, layer.orElse(null), items, model, message, error, errorId);
    }

    private static Item item(Suggestion s, Document doc) {
        String type = s.registrySource != null ? s.registrySource.type.name() : s.sourceType;
        String grade = SuggestionService.lastGrade(s.registrySource, doc.project);
        return new Item(s, AttributionChain.outletFirst(SuggestionService.chain(s)), type, grade,
                s.registrySource == null && s.sourceType == null && s.sourceName != null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
