package dev.credence.suggest;

import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.project.Project;
import dev.credence.suggest.Suggested.Range;
import dev.credence.web.JsonConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import opennlp.tools.ml.model.MaxentModel;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Trains a project's suggestion model in the background, from the gold layers (every rule candidate labelled
 * against the adjudicated claims and cues) and the accept/reject decisions in <em>submitted</em> reviewer layers
 * (a layer still being worked on is blind and stays out), and measures it on held-out gold documents (every fifth
 * gold document by id) against the rules. The model and its quality are rows ({@link SuggestionModel}): every
 * instance reads the same ones; the queue of pending requests is only a local de-duplication.
 */
@ApplicationScoped
public class SuggestionTraining {
    private static final Logger LOG = Logger.getLogger(SuggestionTraining.class);

    @Inject
    Suggesters suggesters;

    @ConfigProperty(name = "credence.suggest.auto-train", defaultValue = "true")
    boolean autoTrain;

    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "credence-suggestion-training");
        t.setDaemon(true);
        return t;
    });

    /** Asks for a new model of the project after the current transaction's decisions (no-op when one is queued). */
    public void request(Long projectId) {
        if (!autoTrain || !pending.add(projectId)) {
            return;
        }
        worker.submit(() -> {
            try {
                Thread.sleep(2_000); // let the requesting transaction commit, and gather a burst of decisions
                pending.remove(projectId);
                train(projectId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf(e, "training the suggestion model of project %d failed", projectId);
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Quality figures of one model on the held-out gold (overlap ≥ 0.5). */
    public record Figures(double precision, double recall, double f1) {
        static Figures of(SuggestionQuality.Counts c) {
            return new Figures(round(c.precision(false)), round(c.recall(false)), round(c.f1(false)));
        }

        private static double round(double d) {
            return Math.round(d * 1000) / 1000.0;
        }
    }

    /** Trains and stores a model now; returns it, or null when there is nothing to learn from yet. */
    public SuggestionModel train(Long projectId) {
        return QuarkusTransaction.requiringNew().call(() -> trainNow(projectId));
    }

    private SuggestionModel trainNow(Long projectId) {
        Project project = Project.findById(projectId);
        if (project == null) {
            return null;
        }
        List<Layer> golds = Layer.list("document.project = ?1 and kind = ?2 order by document.id", project,
                LayerKind.gold);
        AttributionSuggester suggester = suggesters.create();
        List<SuggestionLearner.Example> examples = new ArrayList<>();
        List<Layer> heldout = new ArrayList<>();
        int trainingDocuments = 0;
        for (int i = 0; i < golds.size(); i++) {
            Layer g = golds.get(i);
            if (golds.size() >= 2 && i % 5 == 4 || golds.size() >= 2 && golds.size() < 5 && i == golds.size() - 1) {
                heldout.add(g);
                continue;
            }
            trainingDocuments++;
            examples.addAll(SuggestionLearner.examples(suggester.candidates(g.document.text), gold(g).gold()));
        }
        List<Suggestion> decided = Suggestion.list("layer.document.project = ?1 and layer.kind = ?2 and layer.state = ?3"
                + " and state <> ?4", project, LayerKind.reviewer, LayerState.submitted, Suggestion.OPEN);
        for (Suggestion s : decided) {
            if (heldout.stream().anyMatch(h -> Objects.equals(h.document.id, s.layer.document.id))) {
                continue; // held-out documents teach nothing
            }
            examples.add(new SuggestionLearner.Example(Arrays.asList(s.features.split(" ")),
                    Suggestion.ACCEPTED.equals(s.state)));
        }
        MaxentModel model = SuggestionLearner.train(examples);
        if (model == null) {
            return null;
        }
        Map<String, Object> quality = new LinkedHashMap<>();
        SuggestionQuality.Counts[] rules = counts();
        SuggestionQuality.Counts[] learned = counts();
        for (Layer h : heldout) {
            GoldSpans gs = gold(h);
            List<Suggested> candidates = suggester.candidates(h.document.text);
            add(rules, candidates.stream().filter(s -> s.score() >= AttributionSuggester.RULE_THRESHOLD).toList(), gs);
            add(learned, SuggestionLearner.rescore(model, candidates), gs);
        }
        quality.put("heldoutDocuments", heldout.size());
        quality.put("rules", figures(rules));
        quality.put("model", figures(learned));
        SuggestionModel row = new SuggestionModel();
        row.project = project;
        row.trainedAt = Instant.now();
        row.name = "maxent-" + row.trainedAt.toEpochMilli();
        row.modelData = SuggestionLearner.serialize(model);
        row.trainingEvents = examples.size();
        row.trainingDocuments = trainingDocuments;
        row.heldoutDocuments = heldout.size();
        try {
            row.qualityJson = JsonConfig.MAPPER.writeValueAsString(quality);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        row.persist();
        // keep the last three models of the project
        List<SuggestionModel> all = SuggestionModel.list("project = ?1 order by trainedAt desc, id desc", project);
        for (int i = 3; i < all.size(); i++) {
            all.get(i).delete();
        }
        return row;
    }

    private static SuggestionQuality.Counts[] counts() {
        return new SuggestionQuality.Counts[] { new SuggestionQuality.Counts(), new SuggestionQuality.Counts(),
                new SuggestionQuality.Counts() };
    }

    private static void add(SuggestionQuality.Counts[] c, List<Suggested> predicted, GoldSpans g) {
        c[0].add(predicted.stream().map(Suggested::cue).filter(Objects::nonNull).distinct().toList(), g.gold().cues());
        c[1].add(predicted.stream().map(Suggested::source).filter(Objects::nonNull).distinct().toList(), g.sources());
        c[2].add(predicted.stream().map(Suggested::claim).distinct().toList(), g.gold().claims());
    }

    private static Map<String, Figures> figures(SuggestionQuality.Counts[] c) {
        Map<String, Figures> out = new LinkedHashMap<>();
        out.put("cue", Figures.of(c[0]));
        out.put("source", Figures.of(c[1]));
        out.put("claim", Figures.of(c[2]));
        return out;
    }

    record GoldSpans(SuggestionLearner.Gold gold, List<Range> sources) {
    }

    /** The gold layer's claims, their hops' cues, and the mention of the hop nearest the reader with a cue. */
    private static GoldSpans gold(Layer g) {
        List<Range> claims = new ArrayList<>();
        List<Range> cues = new ArrayList<>();
        List<Range> sources = new ArrayList<>();
        for (Claim c : Claim.<Claim>list("layer = ?1 and orphaned = false", g)) {
            claims.add(new Range(c.start, c.end));
            Range source = null;
            for (AttributionHop h : c.hops) {
                if (h.cue != null) {
                    cues.add(new Range(h.cue.start, h.cue.end));
                }
                if (h.mention != null && (source == null || h.cue != null)) {
                    source = new Range(h.mention.start, h.mention.end);
                }
            }
            if (source != null) {
                sources.add(source);
            }
        }
        return new GoldSpans(new SuggestionLearner.Gold(claims.stream().distinct().toList(),
                cues.stream().distinct().toList()), sources.stream().distinct().toList());
    }
}
