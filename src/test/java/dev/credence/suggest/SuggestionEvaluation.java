package dev.credence.suggest;

import dev.credence.nlp.EnglishModels;
import dev.credence.suggest.Suggested.Range;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The suggester against the hand-marked articles: {@code ./mvnw -q -Pbenchmark test -Dtest=SuggestionEvaluation}.
 * Prints cue / source / claim precision, recall and F1 (exact and overlap ≥ 0.5) for the rule-based suggester on
 * all articles and on the test split, and for the learned model on the test split after training on the others.
 */
@Tag("benchmark")
class SuggestionEvaluation {

    static final EnglishModels MODELS = new EnglishModels();

    static List<RegistryNames.Entry> registryEntries(List<List<String>> namesOut) {
        List<RegistryNames.Entry> entries = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SuggestionEvaluation.class.getResourceAsStream("/suggest/eval/registry.tsv"), StandardCharsets.UTF_8))) {
            String line;
            long id = 1;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                entries.add(new RegistryNames.Entry(id++, f[0], f[1], null));
                List<String> names = new ArrayList<>();
                names.add(f[0]);
                if (f.length > 2 && !f[2].isBlank()) {
                    names.addAll(Arrays.asList(f[2].split("\\|")));
                }
                namesOut.add(names);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return entries;
    }

    static AttributionSuggester suggester() {
        List<List<String>> names = new ArrayList<>();
        List<RegistryNames.Entry> entries = registryEntries(names);
        AttributionSuggester s = new AttributionSuggester(MODELS, null);
        RegistryNames trie = s.registryOf(entries, e -> names.get((int) e.id() - 1));
        return s.withRegistry(trie);
    }

    record Scores(SuggestionQuality.Counts cue, SuggestionQuality.Counts source, SuggestionQuality.Counts claim) {
        static Scores empty() {
            return new Scores(new SuggestionQuality.Counts(), new SuggestionQuality.Counts(),
                    new SuggestionQuality.Counts());
        }
    }

    static void score(Scores s, MarkedArticle a, List<Suggested> predicted) {
        s.cue().add(distinct(predicted, Suggested::cue), distinctGold(a, x -> x.cue));
        s.source().add(distinct(predicted, Suggested::source), distinctGold(a, x -> x.source));
        s.claim().add(distinct(predicted, Suggested::claim), distinctGold(a, x -> x.claim));
    }

    static List<Range> distinct(List<Suggested> l, Function<Suggested, Range> f) {
        return l.stream().map(f).filter(Objects::nonNull).distinct().toList();
    }

    static List<Range> distinctGold(MarkedArticle a, Function<MarkedArticle.Attribution, Range> f) {
        return a.attributions().values().stream().map(f).filter(Objects::nonNull).distinct().toList();
    }

    static String row(String what, Scores s) {
        StringBuilder sb = new StringBuilder();
        for (var e : List.of(java.util.Map.entry("cue", s.cue()), java.util.Map.entry("source", s.source()),
                java.util.Map.entry("claim", s.claim()))) {
            SuggestionQuality.Counts c = e.getValue();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d / %d | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f |%n",
                    what, e.getKey(), c.predicted, c.gold, 100 * c.precision(true), 100 * c.recall(true),
                    100 * c.f1(true), 100 * c.precision(false), 100 * c.recall(false), 100 * c.f1(false)));
        }
        return sb.toString();
    }

    @Test
    void evaluate() {
        List<MarkedArticle> articles = MarkedArticle.all();
        AttributionSuggester suggester = suggester();
        Scores all = Scores.empty();
        Scores test = Scores.empty();
        int attributions = 0;
        for (MarkedArticle a : articles) {
            attributions += a.attributions().size();
            List<Suggested> s = suggester.suggest(a.text());
            score(all, a, s);
            if (isTest(a)) {
                score(test, a, s);
            }
            if (Boolean.getBoolean("eval.verbose")) {
                dump(a, s);
            }
        }
        // Learning: maxent over the rule candidates of the training split, labelled by its hand marks.
        List<SuggestionLearner.Example> examples = new ArrayList<>();
        for (MarkedArticle a : articles) {
            if (!isTest(a)) {
                examples.addAll(SuggestionLearner.examples(suggester.candidates(a.text()), gold(a)));
            }
        }
        var model = SuggestionLearner.train(examples);
        var reread = SuggestionLearner.read(SuggestionLearner.serialize(model));
        Scores learned = Scores.empty();
        for (MarkedArticle a : articles) {
            if (isTest(a)) {
                score(learned, a, SuggestionLearner.rescore(reread, suggester.candidates(a.text())));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%d articles, %d hand-marked attributions%n", articles.size(), attributions));
        out.append("| model | span | predicted / marked | exact P / R / F1 | overlap ≥ 0.5 P / R / F1 |\n|---|---|---|---|---|\n");
        out.append(row("rules, all 8 articles", all));
        out.append(row("rules, test split (4)", test));
        out.append(row("learned (maxent, " + examples.size() + " candidates of 4 training articles), test split (4)", learned));
        System.out.println(out);
    }

    static SuggestionLearner.Gold gold(MarkedArticle a) {
        return new SuggestionLearner.Gold(distinctGold(a, x -> x.claim), distinctGold(a, x -> x.cue));
    }

    /** Articles 02, 04, 06, 08 are the test split; 01, 03, 05, 07 train the learned model. */
    static boolean isTest(MarkedArticle a) {
        int n = Integer.parseInt(a.name().substring(0, 2));
        return n % 2 == 0;
    }

    static void dump(MarkedArticle a, List<Suggested> s) {
        System.out.println("== " + a.name());
        for (var e : a.attributions().entrySet()) {
            var g = e.getValue();
            System.out.printf("G%-3d cue=%s src=%s claim=%s%n", e.getKey(), slice(a, g.cue), slice(a, g.source),
                    slice(a, g.claim));
        }
        for (Suggested x : s) {
            System.out.printf("P %.2f cue=%s src=%s [%s] claim=%s chain=%s %s%n", x.score(), slice(a, x.cue()),
                    slice(a, x.source()), x.sourceName(), slice(a, x.claim()), x.chain(), x.features());
        }
    }

    static String slice(MarkedArticle a, Range r) {
        if (r == null) {
            return "-";
        }
        String t = a.text();
        return "«" + t.substring(t.offsetByCodePoints(0, r.start()), t.offsetByCodePoints(0, r.end())) + "»";
    }
}
