package dev.credence.exchange.importing;

import dev.credence.annotation.LayerState;
import dev.credence.source.SourceType;
import dev.credence.web.UnprocessableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regions and relations of one labeled task (doccano, Label Studio) as one Credence draft layer, by a
 * {@link LabelMapping}: claims with their choices and hops, mentions with their sources, cues; links checked.
 */
final class TaskLayerBuilder {
    private final LabelMapping mapping;

    TaskLayerBuilder(LabelMapping mapping) {
        this.mapping = mapping;
    }

        ImportDraft.Layer build(LabeledTask task, String owner, boolean gold, LayerState state) {
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
                regionTargets.putIfAbsent(r.id(), mapping.targetOf(r.label(), LabelMapping.Use.span));
            }
        }
        for (LabeledTask.Link l : task.links()) {
            LabelTarget t = mapping.targetOf(l.label() == null ? "" : l.label(), LabelMapping.Use.relation);
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
            LabelTarget t = mapping.targetOf(r.label(), LabelMapping.Use.span);
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
            LabelTarget c = mapping.targetOf(choice, LabelMapping.Use.choice);
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
            String relation = mapping.targetOf(l.label(), LabelMapping.Use.relation).value();
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
}
