package dev.credence.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.project.Project;
import dev.credence.web.JsonConfig;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.util.Optional;

/** What the project page and the API say about a project's learned model. */
public final class SuggestionModels {
    /** A model's summary: name, when, on what, and its held-out quality (rules vs model, overlap ≥ 0.5). */
    public record View(String model, Instant trainedAt, int trainingEvents, int trainingDocuments,
            int heldoutDocuments, JsonNode quality) {
        public String figure(String who, String span, String field) {
            JsonNode n = quality == null ? null : quality.path(who).path(span).path(field);
            return n == null || n.isMissingNode() ? "–" : String.format(java.util.Locale.ROOT, "%.1f", 100 * n.asDouble());
        }
    }

    private SuggestionModels() {
    }

    static View view(SuggestionModel m) {
        JsonNode q;
        try {
            q = JsonConfig.MAPPER.readTree(m.qualityJson);
        } catch (java.io.IOException e) {
            q = null;
        }
        return new View(m.name, m.trainedAt, m.trainingEvents, m.trainingDocuments, m.heldoutDocuments, q);
    }

    /** {@code {project.suggestionModel}} in templates: the latest model, or null while the rules are used. */
    @TemplateExtension
    static View suggestionModel(Project project) {
        Optional<SuggestionModel> m = SuggestionModel.latest(project);
        return m.map(SuggestionModels::view).orElse(null);
    }
}
