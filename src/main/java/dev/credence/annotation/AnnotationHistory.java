package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.history.ChangeAction;
import dev.credence.history.HistoryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link AnnotationService} writes to the change log: JSON snapshots of claims (with their
 * hops and grades), mentions, cues and layer states. Kept apart so the service only gains one call
 * per change.
 */
@ApplicationScoped
public class AnnotationHistory {
    @Inject
    HistoryService history;

    /** A claim as recorded: its span, fields, grades and whole attribution chain (hop 0 first). */
    public static Map<String, Object> snapshot(Claim c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", c.start);
        m.put("end", c.end);
        m.put("exact", c.exact);
        m.put("kind", c.kind);
        m.put("stance", c.stance);
        m.put("checkWorthy", c.checkWorthy);
        m.put("credibility", c.credibility);
        m.put("rationale", c.rationale);
        m.put("evidenceUrl", c.evidenceUrl);
        List<Map<String, Object>> hops = new ArrayList<>();
        List<AttributionHop> ordered = new ArrayList<>(c.hops);
        ordered.sort(java.util.Comparator.comparingInt(h -> h.position));
        for (AttributionHop h : ordered) {
            Map<String, Object> hop = new LinkedHashMap<>();
            hop.put("position", h.position);
            hop.put("source", h.source == null ? null : h.source.name);
            hop.put("sourceId", h.source == null ? null : h.source.id);
            hop.put("relation", h.relation);
            hop.put("reliability", h.reliability);
            hop.put("mention", h.mention == null ? null : h.mention.exact);
            hop.put("mentionId", h.mention == null ? null : h.mention.id);
            hop.put("cue", h.cue == null ? null : h.cue.exact);
            hop.put("cueId", h.cue == null ? null : h.cue.id);
            hops.add(hop);
        }
        m.put("attribution", hops);
        return m;
    }

    public static Map<String, Object> snapshot(Mention mention) {
        Map<String, Object> m = span(mention);
        m.put("source", mention.source == null ? null : mention.source.name);
        m.put("sourceId", mention.source == null ? null : mention.source.id);
        return m;
    }

    public static Map<String, Object> snapshot(Cue cue) {
        Map<String, Object> m = span(cue);
        m.put("cueClass", cue.cueClass);
        return m;
    }

    public void claim(User who, Claim c, ChangeAction action, Map<String, Object> before, Map<String, Object> after) {
        Layer l = c.layer;
        history.record(who, l.document.project.id, l.document.id, HistoryService.CLAIM, c.id, action, before, after);
    }

    public void mention(User who, Mention m, ChangeAction action) {
        Map<String, Object> s = snapshot(m);
        history.record(who, m.layer.document.project.id, m.layer.document.id, HistoryService.MENTION, m.id, action,
                action == ChangeAction.create ? null : s, action == ChangeAction.create ? s : null);
    }

    public void cue(User who, Cue c, ChangeAction action) {
        Map<String, Object> s = snapshot(c);
        history.record(who, c.layer.document.project.id, c.layer.document.id, HistoryService.CUE, c.id, action,
                action == ChangeAction.create ? null : s, action == ChangeAction.create ? s : null);
    }

    /** An edit of a mention (its source link) or a cue (its class): before and after snapshots. */
    public void mentionUpdated(User who, Mention m, Map<String, Object> before) {
        history.record(who, m.layer.document.project.id, m.layer.document.id, HistoryService.MENTION, m.id,
                ChangeAction.update, before, snapshot(m));
    }

    public void cueUpdated(User who, Cue c, Map<String, Object> before) {
        history.record(who, c.layer.document.project.id, c.layer.document.id, HistoryService.CUE, c.id,
                ChangeAction.update, before, snapshot(c));
    }

    public void layer(User who, Layer l, ChangeAction action, LayerState before) {
        history.record(who, l.document.project.id, l.document.id, HistoryService.LAYER, l.id, action,
                Map.of("state", before.name()), Map.of("state", l.state.name()));
    }

    private static Map<String, Object> span(Span s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", s.start);
        m.put("end", s.end);
        m.put("exact", s.exact);
        return m;
    }

}
