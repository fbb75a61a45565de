package dev.credence.exchange.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelValue;
import dev.credence.source.SourceType;
import dev.credence.web.JsonConfig;
import dev.credence.web.UnprocessableException;
import jakarta.ws.rs.BadRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
        return t != null ? t : guess(label, use, schema);
    }

    /** True when the caller mapped this label (the preview shows the rest as guesses). */
    public boolean isGiven(String label) {
        return given.containsKey(label);
    }

    public Map<String, LabelTarget> given() {
        return given;
    }

    /** A target from the label's name, in the project's schema (by a value's name or its label), or null. */
    public static LabelTarget guess(String label, Use use, LabelSchema schema) {
        String k = key(label);
        return switch (use) {
            case span -> guessSpan(k, schema);
            case choice -> guessChoice(k, schema);
            case relation -> guessRelation(k, schema);
        };
    }

    private static String key(String label) {
        return label == null ? "" : label.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_")
                .replaceAll("^_|_$", "");
    }

    /** The schema's value of the field that {@code k} names (by name or by label), or null. */
    private static String value(LabelSchema schema, LabelField field, String k) {
        for (LabelValue.Def d : schema.values(field)) {
            if (d.name().equals(k)) {
                return d.name();
            }
        }
        for (LabelValue.Def d : schema.values(field)) {
            if (key(d.label()).equals(k)) {
                return d.name();
            }
        }
        return null;
    }

    private static LabelTarget guessSpan(String k, LabelSchema schema) {
        if (k.equals("claim")) {
            return new LabelTarget(LabelTarget.Type.claim, null);
        }
        String kind = k.startsWith("claim_") ? value(schema, LabelField.kind, k.substring(6))
                : k.endsWith("_claim") ? value(schema, LabelField.kind, k.substring(0, k.length() - 6)) : null;
        if (kind != null) {
            return new LabelTarget(LabelTarget.Type.claim, kind);
        }
        if (k.equals("mention") || k.equals("source") || k.equals("source_mention")) {
            return new LabelTarget(LabelTarget.Type.mention, null);
        }
        String type = value(schema, LabelField.sourceType, k.replaceFirst("^(source|mention)_", ""));
        if (type != null && SourceType.parse(type) != null) {
            return new LabelTarget(LabelTarget.Type.mention, type);
        }
        if (k.equals("cue") || k.equals("attribution_cue")) {
            return new LabelTarget(LabelTarget.Type.cue, null);
        }
        String cue = k.startsWith("cue_") ? value(schema, LabelField.cueClass, k.substring(4))
                : k.endsWith("_cue") ? value(schema, LabelField.cueClass, k.substring(0, k.length() - 4)) : null;
        if (cue != null) {
            return new LabelTarget(LabelTarget.Type.cue, cue);
        }
        return null;
    }

    private static LabelTarget guessChoice(String k, LabelSchema schema) {
        String v = k.replaceFirst("^(stance|kind|credibility|check_?worthy)_", "");
        String stance = value(schema, LabelField.stance, v);
        if (stance != null) {
            return new LabelTarget(LabelTarget.Type.stance, stance);
        }
        String kind = value(schema, LabelField.kind, v);
        if (kind != null) {
            return new LabelTarget(LabelTarget.Type.kind, kind);
        }
        if (v.matches("[1-6]")) {
            return new LabelTarget(LabelTarget.Type.credibility, v);
        }
        if (k.equals("check_worthy") || k.equals("checkworthy") || k.equals("check_worthy_true")) {
            return new LabelTarget(LabelTarget.Type.checkworthy, "true");
        }
        if (k.equals("not_check_worthy") || k.equals("check_worthy_false")) {
            return new LabelTarget(LabelTarget.Type.checkworthy, "false");
        }
        return null;
    }

    private static LabelTarget guessRelation(String k, LabelSchema schema) {
        String relation = value(schema, LabelField.relation, k);
        if (relation != null) {
            return new LabelTarget(LabelTarget.Type.relation, relation);
        }
        if (k.equals("cue") || k.equals("cue_of") || k.equals("has_cue")) {
            return new LabelTarget(LabelTarget.Type.relation, LabelTarget.CUE_LINK);
        }
        return null;
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
        List<ImportDraft.Claim> claims = new ArrayList<>();
        List<ImportDraft.Mention> mentions = new ArrayList<>();
        List<ImportDraft.Cue> cues = new ArrayList<>();
        Map<String, LabelTarget> regionTargets = new LinkedHashMap<>();
        Map<String, LabeledTask.Region> regions = new LinkedHashMap<>();
        for (LabeledTask.Region r : task.regions()) {
            if (r.id() != null) {
                regions.putIfAbsent(r.id(), r);
            }
        }
        // Hops of each claim region, in relation order; cue of each mention region.
        Map<String, List<LabeledTask.Link>> hopLinks = new LinkedHashMap<>();
        Map<String, String> mentionCue = new LinkedHashMap<>();
        for (LabeledTask.Region r : task.regions()) {
            if (r.id() != null) {
                regionTargets.putIfAbsent(r.id(), targetOf(r.label(), Use.span));
            }
        }
        for (LabeledTask.Link l : task.links()) {
            LabelTarget t = targetOf(l.label() == null ? "" : l.label(), Use.relation);
            if (t == null || t.type() == LabelTarget.Type.ignore) {
                continue;
            }
            LabeledTask.Region from = regions.get(l.fromId());
            LabeledTask.Region to = regions.get(l.toId());
            if (from == null || to == null) {
                throw new UnprocessableException(l.where() + ": no region with id '" + (from == null ? l.fromId()
                        : l.toId()) + "' in this " + (task.predictions() ? "prediction" : "annotation"));
            }
            LabelTarget.Type a = regionTargets.get(from.id()).type();
            LabelTarget.Type b = regionTargets.get(to.id()).type();
            if (a == LabelTarget.Type.ignore || b == LabelTarget.Type.ignore) {
                continue; // a relation to a region the mapping drops goes with it
            }
            if (LabelTarget.CUE_LINK.equals(t.value())) {
                if (a == LabelTarget.Type.mention && b == LabelTarget.Type.cue) {
                    mentionCue.put(from.id(), to.id());
                } else if (a == LabelTarget.Type.cue && b == LabelTarget.Type.mention) {
                    mentionCue.put(to.id(), from.id());
                } else {
                    throw new UnprocessableException(l.where() + ": a cue link joins a source mention and a cue, "
                            + "not a " + a + " and a " + b);
                }
            } else if (a == LabelTarget.Type.claim && b == LabelTarget.Type.mention) {
                hopLinks.computeIfAbsent(from.id(), x -> new ArrayList<>()).add(l);
            } else if (a == LabelTarget.Type.mention && b == LabelTarget.Type.claim) {
                hopLinks.computeIfAbsent(to.id(), x -> new ArrayList<>()).add(l);
            } else {
                throw new UnprocessableException(l.where() + ": relation '" + l.label() + "' must join a claim and "
                        + "a source mention, not a " + a + " and a " + b);
            }
        }
        for (LabeledTask.Region r : task.regions()) {
            LabelTarget t = targetOf(r.label(), Use.span);
            switch (t.type()) {
                case claim -> claims.add(claim(r, t, task, regions, regionTargets, hopLinks.get(r.id()), mentionCue));
                case mention -> mentions.add(new ImportDraft.Mention(r.where(), r.id(), r.start(), r.end(),
                        source(task, r, t)));
                case cue -> cues.add(new ImportDraft.Cue(r.where(), r.id(), r.start(), r.end(),
                        t.value()));
                default -> {
                }
            }
        }
        return new ImportDraft.Layer(owner, gold, state, claims, mentions, cues);
    }

    private ImportDraft.Claim claim(LabeledTask.Region r, LabelTarget t, LabeledTask task,
            Map<String, LabeledTask.Region> regions, Map<String, LabelTarget> regionTargets,
            List<LabeledTask.Link> links, Map<String, String> mentionCue) {
        String kind = t.value();
        String stance = null;
        Integer credibility = null;
        Boolean checkWorthy = null;
        for (String choice : r.choices()) {
            LabelTarget c = targetOf(choice, Use.choice);
            switch (c.type()) {
                case stance -> stance = c.value();
                case kind -> kind = c.value();
                case credibility -> credibility = Integer.valueOf(c.value());
                case checkworthy -> checkWorthy = Boolean.valueOf(c.value());
                default -> {
                }
            }
        }
        List<ImportDraft.Hop> hops = new ArrayList<>();
        for (LabeledTask.Link l : links == null ? List.<LabeledTask.Link>of() : links) {
            LabeledTask.Region m = regions.get(l.fromId()).id().equals(r.id()) ? regions.get(l.toId())
                    : regions.get(l.fromId());
            String relation = targetOf(l.label(), Use.relation).value();
            hops.add(new ImportDraft.Hop(l.where(), source(task, m, regionTargets.get(m.id())), m.id(),
                    mentionCue.get(m.id()), relation, null));
        }
        return new ImportDraft.Claim(r.where(), r.start(), r.end(), kind, stance, checkWorthy, credibility, null, null,
                hops);
    }

    /** The source a mention names: its own words, found in the registry by name or created with the label's type. */
    private static ImportDraft.Source source(LabeledTask task, LabeledTask.Region r, LabelTarget t) {
        String name = dev.credence.annotation.Offsets.slice(task.article().text(), r.start(), r.end()).strip();
        return new ImportDraft.Source(name, t.value() == null ? null : SourceType.parse(t.value()), null);
    }

    /** Every valid target string in this mapping's schema, for docs and errors. */
    public List<String> allTargets() {
        List<String> all = new ArrayList<>(LabelTarget.spanChoices(schema));
        all.addAll(LabelTarget.choiceChoices(schema));
        all.addAll(LabelTarget.relationChoices(schema));
        return Arrays.asList(all.stream().distinct().toArray(String[]::new));
    }
}
