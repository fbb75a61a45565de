package dev.credence.exchange.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.annotation.ClaimKind;
import dev.credence.annotation.CueClass;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Relation;
import dev.credence.annotation.Stance;
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

    private final Map<String, LabelTarget> given;

    private LabelMapping(Map<String, LabelTarget> given) {
        this.given = given;
    }

    public static LabelMapping none() {
        return new LabelMapping(Map.of());
    }

    /**
     * {@code Label=target,Other=target} or a JSON object {@code {"Label":"target"}} (for labels holding
     * {@code ,} or {@code =}). 400 on a bad target.
     */
    public static LabelMapping parse(String spec) {
        Map<String, LabelTarget> map = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return new LabelMapping(map);
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
            return new LabelMapping(map);
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
        return new LabelMapping(map);
    }

    private static LabelTarget target(String label, String value) {
        LabelTarget t = LabelTarget.parse(value);
        if (t == null) {
            throw new BadRequestException("mapping: '" + label + "' → '" + value + "' is not a target; use claim[:kind], "
                    + "mention[:source type], cue[:cue class], stance:…, kind:…, credibility:1-6, checkworthy:true|false, "
                    + "relation:…, or ignore");
        }
        return t;
    }

    /** The caller's target for the label, else the guess, else null. */
    public LabelTarget targetOf(String label, Use use) {
        LabelTarget t = given.get(label);
        return t != null ? t : guess(label, use);
    }

    /** True when the caller mapped this label (the preview shows the rest as guesses). */
    public boolean isGiven(String label) {
        return given.containsKey(label);
    }

    public Map<String, LabelTarget> given() {
        return given;
    }

    /** A target from the label's name, or null. */
    public static LabelTarget guess(String label, Use use) {
        String k = label == null ? "" : label.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_")
                .replaceAll("^_|_$", "");
        return switch (use) {
            case span -> guessSpan(k);
            case choice -> guessChoice(k);
            case relation -> guessRelation(k);
        };
    }

    private static LabelTarget guessSpan(String k) {
        if (k.equals("claim")) {
            return new LabelTarget(LabelTarget.Type.claim, null);
        }
        for (ClaimKind kind : ClaimKind.values()) {
            if (k.equals("claim_" + kind) || k.equals(kind + "_claim")) {
                return new LabelTarget(LabelTarget.Type.claim, kind.name());
            }
        }
        if (k.equals("mention") || k.equals("source") || k.equals("source_mention")) {
            return new LabelTarget(LabelTarget.Type.mention, null);
        }
        for (SourceType type : SourceType.values()) {
            if (k.equals(type.name()) || k.equals("source_" + type) || k.equals("mention_" + type)) {
                return new LabelTarget(LabelTarget.Type.mention, type.name());
            }
        }
        if (k.equals("cue") || k.equals("attribution_cue")) {
            return new LabelTarget(LabelTarget.Type.cue, null);
        }
        for (CueClass c : CueClass.values()) {
            if (k.equals("cue_" + c) || k.equals(c + "_cue")) {
                return new LabelTarget(LabelTarget.Type.cue, c.name());
            }
        }
        return null;
    }

    private static LabelTarget guessChoice(String k) {
        String v = k.replaceFirst("^(stance|kind|credibility|check_?worthy)_", "");
        if (LabelTarget.is(Stance.class, v)) {
            return new LabelTarget(LabelTarget.Type.stance, v);
        }
        if (LabelTarget.is(ClaimKind.class, v)) {
            return new LabelTarget(LabelTarget.Type.kind, v);
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

    private static LabelTarget guessRelation(String k) {
        if (LabelTarget.is(Relation.class, k)) {
            return new LabelTarget(LabelTarget.Type.relation, k);
        }
        if (k.equals("cue") || k.equals("cue_of") || k.equals("has_cue")) {
            return new LabelTarget(LabelTarget.Type.relation, LabelTarget.CUE_LINK);
        }
        return null;
    }

    /** The labels of the tasks by use, each with its count. */
    public record Census(Map<String, Integer> spans, Map<String, Integer> choices, Map<String, Integer> relations) {
        public static Census of(List<LabeledTask> tasks) {
            Map<String, Integer> spans = new TreeMap<>();
            Map<String, Integer> choices = new TreeMap<>();
            Map<String, Integer> relations = new TreeMap<>();
            for (LabeledTask t : tasks) {
                for (LabeledTask.Region r : t.regions()) {
                    spans.merge(r.label(), 1, Integer::sum);
                    r.choices().forEach(c -> choices.merge(c, 1, Integer::sum));
                }
                for (LabeledTask.Link l : t.links()) {
                    relations.merge(l.label() == null ? "" : l.label(), 1, Integer::sum);
                }
            }
            return new Census(spans, choices, relations);
        }
    }

    /** Labels (with their use) that have no valid target for that use. */
    public List<String> unmapped(Census census) {
        Set<String> out = new LinkedHashSet<>();
        census.spans().keySet().forEach(l -> check(l, Use.span, out));
        census.choices().keySet().forEach(l -> check(l, Use.choice, out));
        census.relations().keySet().forEach(l -> check(l, Use.relation, out));
        return new ArrayList<>(out);
    }

    private void check(String label, Use use, Set<String> out) {
        if (!fits(targetOf(label, use), use)) {
            out.add(use + " label '" + label + "'");
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
        List<String> missing = unmapped(census);
        if (!missing.isEmpty()) {
            throw new UnprocessableException("mapping: no target for " + String.join(", ", missing)
                    + "; add them to mapping= (Label=claim|mention|cue|…|ignore)");
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
                        LabelTarget.enumOf(CueClass.class, t.value())));
                default -> {
                }
            }
        }
        return new ImportDraft.Layer(owner, gold, state, claims, mentions, cues);
    }

    private ImportDraft.Claim claim(LabeledTask.Region r, LabelTarget t, LabeledTask task,
            Map<String, LabeledTask.Region> regions, Map<String, LabelTarget> regionTargets,
            List<LabeledTask.Link> links, Map<String, String> mentionCue) {
        ClaimKind kind = LabelTarget.enumOf(ClaimKind.class, t.value());
        Stance stance = null;
        Integer credibility = null;
        Boolean checkWorthy = null;
        for (String choice : r.choices()) {
            LabelTarget c = targetOf(choice, Use.choice);
            switch (c.type()) {
                case stance -> stance = Stance.valueOf(c.value());
                case kind -> kind = ClaimKind.valueOf(c.value());
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
            Relation relation = Relation.valueOf(targetOf(l.label(), Use.relation).value());
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

    /** Every valid target string, for docs and errors. */
    public static List<String> allTargets() {
        List<String> all = new ArrayList<>(LabelTarget.spanChoices());
        all.addAll(LabelTarget.choiceChoices());
        all.addAll(LabelTarget.relationChoices());
        return Arrays.asList(all.stream().distinct().toArray(String[]::new));
    }
}
