package dev.credence.exchange.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.web.JsonConfig;
import dev.credence.web.UnprocessableException;
import jakarta.ws.rs.BadRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which foreign label becomes which Credence annotation ({@link LabelTarget}). Labels the caller
 * does not map are guessed from their names ("Claim", "claim_event", "Source", "hedged", "reports");
 * a label that cannot be guessed is reported, and the import refused until it is mapped (to
 * {@code ignore} at least).
 */
public final class LabelMapping {
    /** Where a label is used in the file: the guess and the allowed targets differ. */
    public enum Use { span, choice, relation }

    /** The caller's targets as written ({@code Label → "claim:event"}), resolved against {@link #schema}. */
    private final Map<String, String> raw;
    private final Map<String, LabelTarget> given;
    private final LabelSchema schema;

    private LabelMapping(Map<String, String> raw, LabelSchema schema) {
        this.raw = raw;
        this.schema = schema;
        Map<String, LabelTarget> g = new LinkedHashMap<>();
        raw.forEach((label, target) -> {
            LabelTarget t = LabelTarget.parse(target, schema);
            if (t != null) {
                g.put(label, t);
            }
        });
        this.given = g;
    }

    public static LabelMapping none() {
        return new LabelMapping(Map.of(), LabelSchema.defaults());
    }

    /**
     * {@code Label=target,Other=target} or a JSON object {@code {"Label":"target"}} (for labels holding
     * {@code ,} or {@code =}). 400 on a target that is no type; the values are checked against the project's
     * schema by {@link #against}.
     */
    public static LabelMapping parse(String spec) {
        Map<String, String> map = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return new LabelMapping(map, LabelSchema.defaults());
        }
        String s = spec.strip();
        if (s.startsWith("{")) {
            JsonNode node;
            try {
                node = JsonConfig.MAPPER.readTree(s);
            } catch (Exception e) {
                throw new BadRequestException("mapping: not a JSON object {\"label\":\"target\"}: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new BadRequestException("mapping." + e.getKey() + ": the target must be a string");
                }
                map.put(e.getKey(), target(e.getKey(), e.getValue().textValue()));
            }
            return new LabelMapping(map, LabelSchema.defaults());
        }
        for (String pair : s.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            if (eq <= 0) {
                throw new BadRequestException("mapping: '" + pair.strip() + "' is not Label=target");
            }
            String label = pair.substring(0, eq).strip();
            map.put(label, target(label, pair.substring(eq + 1)));
        }
        return new LabelMapping(map, LabelSchema.defaults());
    }

    private static String target(String label, String value) {
        if (LabelTarget.typeOf(value) == null) {
            throw new BadRequestException("mapping: '" + label + "' → '" + value + "' is not a target; use claim[:kind], "
                    + "mention[:source type], cue[:cue class], stance:…, kind:…, credibility:1-6, checkworthy:true|false, "
                    + "relation:…, or ignore");
        }
        return value.strip();
    }

    /**
     * This mapping for a project with that label schema: every given target's value must be one of the schema's
     * (422 naming the label, the target and the project's values); guesses use the schema's names and labels.
     */
    public LabelMapping against(LabelSchema projectSchema) {
        LabelMapping m = new LabelMapping(raw, projectSchema);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (!m.given.containsKey(e.getKey())) {
                LabelTarget.Type type = LabelTarget.typeOf(e.getValue());
                List<String> allowed = new ArrayList<>();
                for (Use use : Use.values()) {
                    for (String c : LabelTarget.choices(use, projectSchema)) {
                        if (LabelTarget.typeOf(c) == type && !allowed.contains(c)) {
                            allowed.add(c);
                        }
                    }
                }
                throw new UnprocessableException("mapping: '" + e.getKey() + "' → '" + e.getValue()
                        + "' is not a value of this project's label schema; choose one of " + allowed);
            }
        }
        return m;
    }

    public LabelSchema schema() {
        return schema;
    }

    /** The caller's target for the label, else the guess, else null. */
    public LabelTarget targetOf(String label, Use use) {
        LabelTarget t = given.get(label);
        return t != null ? t : LabelGuess.guess(label, use, schema);
    }

    /** True when the caller mapped this label (the preview shows the rest as guesses). */
    public boolean isGiven(String label) {
        return given.containsKey(label);
    }

    public Map<String, LabelTarget> given() {
        return given;
    }

    /** The labels of the tasks by use, each with its count. */
    public record Census(Map<String, Integer> spans, Map<String, Integer> choices, Map<String, Integer> relations,
            Map<String, String> firstAt) {
        public Census(Map<String, Integer> spans, Map<String, Integer> choices, Map<String, Integer> relations) {
            this(spans, choices, relations, Map.of());
        }

        public static Census of(List<LabeledTask> tasks) {
            Map<String, Integer> spans = new TreeMap<>();
            Map<String, Integer> choices = new TreeMap<>();
            Map<String, Integer> relations = new TreeMap<>();
            Map<String, String> firstAt = new java.util.HashMap<>();
            for (LabeledTask t : tasks) {
                for (LabeledTask.Region r : t.regions()) {
                    spans.merge(r.label(), 1, Integer::sum);
                    firstAt.putIfAbsent(Use.span + " " + r.label(), r.where());
                    r.choices().forEach(c -> {
                        choices.merge(c, 1, Integer::sum);
                        firstAt.putIfAbsent(Use.choice + " " + c, r.where());
                    });
                }
                for (LabeledTask.Link l : t.links()) {
                    String label = l.label() == null ? "" : l.label();
                    relations.merge(label, 1, Integer::sum);
                    firstAt.putIfAbsent(Use.relation + " " + label, l.where());
                }
            }
            return new Census(spans, choices, relations, firstAt);
        }
    }

    /** Labels (with their use) that have no valid target for that use. */
    public List<String> unmapped(Census census) {
        return unmapped(census, false);
    }

    private List<String> unmapped(Census census, boolean where) {
        Set<String> out = new LinkedHashSet<>();
        census.spans().keySet().forEach(l -> check(l, Use.span, census, where, out));
        census.choices().keySet().forEach(l -> check(l, Use.choice, census, where, out));
        census.relations().keySet().forEach(l -> check(l, Use.relation, census, where, out));
        return new ArrayList<>(out);
    }

    private void check(String label, Use use, Census census, boolean where, Set<String> out) {
        if (!fits(targetOf(label, use), use)) {
            String at = where ? census.firstAt().get(use + " " + label) : null;
            out.add(use + " label '" + label + "'" + (at == null ? "" : " (first at " + at + ")"));
        }
    }

    static boolean fits(LabelTarget t, Use use) {
        if (t == null) {
            return false;
        }
        return switch (t.type()) {
            case ignore -> true;
            case claim, mention, cue -> use == Use.span;
            case stance, kind, credibility, checkworthy -> use == Use.choice;
            case relation -> use == Use.relation;
        };
    }

    /** 422 naming every label without a target, so one round trip fixes them all. */
    public void requireComplete(Census census) {
        List<String> missing = unmapped(census, true);
        if (!missing.isEmpty()) {
            throw new UnprocessableException("mapping: no target in this project's label schema for "
                    + String.join(", ", missing) + "; add them to mapping= (Label=claim|mention|cue|…|ignore; "
                    + "the values are the project's: " + LabelTarget.spanChoices(schema) + ")");
        }
    }

    /** The task's regions and relations as one Credence layer for {@code owner} (null: gold). */
    public ImportDraft.Layer toLayer(LabeledTask task, String owner, boolean gold, LayerState state) {
        return new TaskLayerBuilder(this).build(task, owner, gold, state);
    }

    /** Every valid target string in this mapping's schema, for docs and errors. */
    public List<String> allTargets() {
        List<String> all = new ArrayList<>(LabelTarget.spanChoices(schema));
        all.addAll(LabelTarget.choiceChoices(schema));
        all.addAll(LabelTarget.relationChoices(schema));
        return Arrays.asList(all.stream().distinct().toArray(String[]::new));
    }
}
