package dev.credence.review.assignment;

import dev.credence.account.CurrentUser;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerVisibility;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The layers of a document that the caller may see (see {@link LayerVisibility}). */
@Path("/api/v1/documents/{id}/layers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignment")
public class LayerApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    DocumentAccess documents;
    @Inject
    LayerVisibility visibility;

    public record Owner(String username, String displayName) {
    }

    public record LayerSummary(Long id, String kind, String state, Owner owner, long claimCount, Instant updatedAt) {
    }

    @GET
    @Operation(summary = "Layers of the document the caller may see",
            description = "Own layer always; managers see all; adjudicators see submitted and gold layers;"
                    + " reviewers see others' submitted layers once they submitted theirs and a gold layer exists.")
    public List<LayerSummary> layers(@RestPath Long id) {
        Document doc = documents.require(id);
        List<Layer> layers = visibility.visibleLayers(doc, currentUser.get());
        Map<Long, Long> counts = new HashMap<>();
        if (!layers.isEmpty()) {
            for (Object[] r : Claim.getEntityManager().createQuery(
                    "select c.layer.id, count(c) from Claim c where c.layer in ?1 group by c.layer.id", Object[].class)
                    .setParameter(1, layers).getResultList()) {
                counts.put((Long) r[0], (Long) r[1]);
            }
        }
        return layers.stream().map(l -> new LayerSummary(l.id, l.kind.name(), l.state.name(),
                l.owner == null ? null : new Owner(l.owner.username, l.owner.displayName),
                counts.getOrDefault(l.id, 0L), l.updatedAt)).toList();
    }
}
