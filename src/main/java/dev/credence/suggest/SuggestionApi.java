package dev.credence.suggest;

import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.project.Project;
import dev.credence.source.Source;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Suggested attributions in the caller's own reviewer layer (never another's), accept and reject; Offsets are Unicode code points of the document text, end exclusive.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Suggestions", description = "Proposed claims with cue, source and chain; accept or reject them.")
public class SuggestionApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    SuggestionService suggestions;

    public record SpanView(int start, int end, String exact) {
    }

    public record CueView(int start, int end, String exact, String cueClass) {
    }

    public record RegistrySourceView(Long id, String name, String type, String lastGrade) {
    }

    public record SuggestionView(Long id, SpanView claim, CueView cue, SpanView source, String sourceName,
            Long registrySourceId, RegistrySourceView registrySource, String sourceType, List<String> chain,
            double score, String model) {
        static SuggestionView of(Suggestion s, Project project) {
            Source r = s.registrySource;
            return new SuggestionView(s.id, new SpanView(s.claimStart, s.claimEnd, s.claimExact),
                    s.cueStart == null ? null : new CueView(s.cueStart, s.cueEnd, s.cueExact, s.cueClass),
                    s.sourceStart == null ? null : new SpanView(s.sourceStart, s.sourceEnd, s.sourceExact),
                    s.sourceName, r == null ? null : r.id,
                    r == null ? null : new RegistrySourceView(r.id, r.name, r.type.name(),
                            SuggestionService.lastGrade(r, project)),
                    s.sourceType, SuggestionService.chain(s), Math.round(s.score * 1000) / 1000.0, s.model);
        }
    }

    public record SuggestionList(List<SuggestionView> items) {
    }

    public record Accepted(Long suggestionId, Long claimId, String chain) {
    }

    @GET
    @Path("documents/{id}/suggestions")
    @Operation(summary = "Open suggestions in the caller's layer (made on first call for the current text);"
            + " empty while the caller has no layer on the document")
    public SuggestionList list(@RestPath Long id) {
        return new SuggestionList(suggestions.open(id, me()).stream()
                .map(s -> SuggestionView.of(s, s.layer.document.project)).toList());
    }

    @POST
    @Path("documents/{id}/suggestions/refresh")
    @Operation(summary = "Make the caller's open suggestions again (after registry or model changes)")
    public SuggestionList refresh(@RestPath Long id) {
        return new SuggestionList(suggestions.refresh(id, me()).stream()
                .map(s -> SuggestionView.of(s, s.layer.document.project)).toList());
    }

    @POST
    @Path("suggestions/{id}/accept")
    @Operation(summary = "Accept a suggestion, optionally with edits: creates the claim with its cue, mention and chain")
    public Response accept(@RestPath Long id, SuggestionService.Edits edits) {
        Claim c = suggestions.accept(id, me(), edits);
        return Response.created(URI.create("/api/v1/claims/" + c.id))
                .entity(new Accepted(id, c.id, c.chain())).build();
    }

    @POST
    @Path("suggestions/{id}/reject")
    @Operation(summary = "Reject a suggestion; it is not proposed again on this text")
    public Map<String, Object> reject(@RestPath Long id) {
        suggestions.reject(id, me());
        return Map.of("id", id, "state", Suggestion.REJECTED);
    }

    private User me() {
        return currentUser.get();
    }
}
