package dev.credence.suggest;

import dev.credence.suggest.Suggested.Range;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.io.BinaryGISModelReader;
import opennlp.tools.ml.maxent.io.BinaryGISModelWriter;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * The learned part: an OpenNLP maxent (GIS) classifier over each rule candidate's features (cue lemma and class,
 * where the source and content were found, what kind of name the source is, the content's length, and pairs of
 * these) that says whether the candidate is a real attribution. Trained from the project's gold (a candidate is
 * right when its claim overlaps a gold claim by half and its cue a gold cue) and from reviewers' accept/reject
 * decisions; it then replaces the rule score. Pure: no database.
 */
public final class SuggestionLearner {
    static final String YES = "yes";
    static final String NO = "no";
    public static final double THRESHOLD = 0.5;

    /** One training example: a candidate's features and whether it was right. */
    public record Example(List<String> features, boolean correct) {
    }

    /** Hand-marked or adjudicated spans of one document. */
    public record Gold(List<Range> claims, List<Range> cues) {
    }

    private SuggestionLearner() {
    }

    /** The model's context for a candidate: its features and their pairs with the cue lemma. */
    static String[] context(List<String> features) {
        List<String> out = new ArrayList<>(features);
        String cue = features.stream().filter(f -> f.startsWith("cue=")).findFirst().orElse("cue=?");
        for (String f : features) {
            if (!f.startsWith("cue=")) {
                out.add(cue + "&" + f);
            }
        }
        String src = features.stream().filter(f -> f.startsWith("srcKind=")).findFirst().orElse("srcKind=?");
        String content = features.stream().filter(f -> f.startsWith("content=")).findFirst().orElse("content=?");
        out.add(src + "&" + content);
        out.add("bias");
        return out.toArray(String[]::new);
    }

    /** Labels every candidate of a document against its gold. */
    public static List<Example> examples(List<Suggested> candidates, Gold gold) {
        List<Example> out = new ArrayList<>(candidates.size());
        for (Suggested s : candidates) {
            out.add(new Example(s.features(), matches(s, gold)));
        }
        return out;
    }

    static boolean matches(Suggested s, Gold gold) {
        boolean claim = gold.claims().stream().anyMatch(g -> SuggestionQuality.overlaps(g, s.claim()));
        boolean cue = s.cue() == null || gold.cues().stream().anyMatch(g -> SuggestionQuality.overlaps(g, s.cue()));
        return claim && cue;
    }

    /** Trains a maxent model; null when the examples have only one outcome (nothing to learn yet). */
    public static MaxentModel train(List<Example> examples) {
        long yes = examples.stream().filter(Example::correct).count();
        if (yes == 0 || yes == examples.size()) {
            return null;
        }
        List<Event> events = new ArrayList<>(examples.size());
        for (Example e : examples) {
            events.add(new Event(e.correct() ? YES : NO, context(e.features())));
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, 150);
        params.put(TrainingParameters.CUTOFF_PARAM, 0);
        params.put("PrintMessages", false);
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
        try {
            return trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** P(right) for a candidate. */
    public static double probability(MaxentModel model, List<String> features) {
        double[] p = model.eval(context(features));
        int yes = model.getIndex(YES);
        return yes < 0 ? 0 : p[yes];
    }

    /** The candidates rescored by the model, those at or above {@link #THRESHOLD} kept. */
    public static List<Suggested> rescore(MaxentModel model, List<Suggested> candidates) {
        List<Suggested> out = new ArrayList<>();
        for (Suggested s : candidates) {
            double p = probability(model, s.features());
            if (p >= THRESHOLD) {
                out.add(s.withScore(p));
            }
        }
        return out;
    }

    public static String serialize(MaxentModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new BinaryGISModelWriter((AbstractModel) model, out).persist();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    public static MaxentModel read(String base64) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            return new BinaryGISModelReader(in).getModel();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
