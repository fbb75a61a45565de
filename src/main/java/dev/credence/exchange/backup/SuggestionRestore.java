package dev.credence.exchange.backup;

import dev.credence.annotation.Layer;
import jakarta.persistence.EntityManager;
import java.util.Base64;
import java.util.List;

/** Restores the assistant's suggestions (their registry ids.sources mapped) and the project's trained models. */
final class SuggestionRestore {
    private final EntityManager em;
    private final RestoredIds ids;

    SuggestionRestore(EntityManager em, RestoredIds ids) {
        this.em = em;
        this.ids = ids;
    }

    void suggestion(BackupRow row) {
        var s = new dev.credence.suggest.Suggestion();
        s.layer = em.getReference(Layer.class, ids.mapped(row, "layerId", ids.layers, BackupFormat.LAYERS, true));
        s.documentRevision = row.integer("documentRevision");
        s.claimStart = row.integer("claimStart");
        s.claimEnd = row.integer("claimEnd");
        s.claimExact = row.text("claimExact");
        s.cueStart = row.optInteger("cueStart");
        s.cueEnd = row.optInteger("cueEnd");
        s.cueExact = row.optText("cueExact");
        s.cueClass = row.optText("cueClass");
        s.sourceStart = row.optInteger("sourceStart");
        s.sourceEnd = row.optInteger("sourceEnd");
        s.sourceExact = row.optText("sourceExact");
        s.sourceName = row.optText("sourceName");
        s.registrySource = ids.sourceRef(row, "registrySourceId", false);
        s.sourceType = row.optText("sourceType");
        s.hopsJson = suggestedHops(row);
        s.features = row.text("features");
        s.score = row.number("score");
        s.model = row.text("model");
        s.state = row.text("state");
        if (!List.of(dev.credence.suggest.Suggestion.OPEN, dev.credence.suggest.Suggestion.ACCEPTED,
                dev.credence.suggest.Suggestion.REJECTED).contains(s.state)) {
            throw row.error("state", "'" + s.state + "' is not open, accepted or rejected");
        }
        Long claim = row.optId("claimId");
        // The claim an acceptance made may have been deleted since (no foreign key): then none.
        s.claimId = claim == null ? null : ids.claims.get(claim);
        s.decidedAt = row.optInstant("decidedAt");
        s.createdAt = row.instant("createdAt");
        s.persist();
    }

    /** The suggestion's hops with each registry source id mapped (null for a source the archive does not hold). */
    private String suggestedHops(BackupRow row) {
        String json = row.text("hops");
        try {
            com.fasterxml.jackson.databind.JsonNode tree = BackupArchive.JSON.readTree(json);
            if (!tree.isArray()) {
                throw row.error("hops", "expected a JSON array");
            }
            for (com.fasterxml.jackson.databind.JsonNode hop : tree) {
                if (hop.isObject() && hop.get("registrySourceId") != null && hop.get("registrySourceId").isIntegralNumber()) {
                    Long mappedId = ids.sources.get(hop.get("registrySourceId").longValue());
                    if (mappedId == null) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) hop).putNull("registrySourceId");
                    } else {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) hop).put("registrySourceId", mappedId);
                    }
                }
            }
            return BackupArchive.JSON.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw row.error("hops", "not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    void suggestionModel(BackupRow row) {
        var m = new dev.credence.suggest.SuggestionModel();
        m.project = ids.project();
        m.name = row.text("name");
        m.modelData = row.text("modelData");
        try {
            Base64.getDecoder().decode(m.modelData);
        } catch (IllegalArgumentException e) {
            throw row.error("modelData", "not base64");
        }
        m.trainedAt = row.instant("trainedAt");
        m.trainingEvents = row.integer("trainingEvents");
        m.trainingDocuments = row.integer("trainingDocuments");
        m.heldoutDocuments = row.integer("heldoutDocuments");
        m.qualityJson = row.text("quality");
        m.persist();
    }
}
