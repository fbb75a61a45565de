package dev.credence.review.adjudication;

import dev.credence.account.User;
import dev.credence.annotation.AnnotationHistory;
import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Mention;
import dev.credence.history.ChangeAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every write of adjudication into the gold layer: copies of reviewer claims, mentions and cues, and their
 * removal. Each write is recorded in the change history like a reviewer's edit, in the caller's transaction.
 */
@ApplicationScoped
public class GoldCopy {
    @Inject
    AnnotationHistory history;

    /** A copy of the claim in gold, with its hops; their mentions and cues are copied too (reused if gold has them). */
    public Claim claim(Claim from, Layer gold, User user) {
        Claim c = new Claim();
        c.layer = gold;
        c.start = from.start;
        c.end = from.end;
        c.exact = from.exact;
        c.prefix = from.prefix;
        c.suffix = from.suffix;
        c.kind = from.kind;
        c.stance = from.stance;
        c.checkWorthy = from.checkWorthy;
        c.credibility = from.credibility;
        c.rationale = from.rationale;
        c.evidenceUrl = from.evidenceUrl;
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        c.persist();
        List<AttributionHop> hops = new ArrayList<>(from.hops);
        hops.sort(Comparator.comparingInt(h -> h.position));
        for (AttributionHop h : hops) {
            AttributionHop copy = new AttributionHop();
            copy.claim = c;
            copy.position = h.position;
            copy.source = h.source;
            copy.relation = h.relation;
            copy.reliability = h.reliability;
            copy.mention = h.mention == null ? null : mention(h.mention, gold, user);
            copy.cue = h.cue == null ? null : cue(h.cue, gold, user);
            copy.persist();
            c.hops.add(copy);
        }
        history.claim(user, c, ChangeAction.create, null, AnnotationHistory.snapshot(c));
        return c;
    }

    /** The gold mention on the same span and source, or a new copy of {@code m}. */
    public Mention mention(Mention m, Layer gold, User user) {
        return Mention.<Mention>find("layer.id = ?1 and start = ?2 and end = ?3 and source = ?4", gold.id, m.start,
                m.end, m.source).firstResultOptional().orElseGet(() -> {
                    Mention g = new Mention();
                    g.layer = gold;
                    g.start = m.start;
                    g.end = m.end;
                    g.exact = m.exact;
                    g.prefix = m.prefix;
                    g.suffix = m.suffix;
                    g.source = m.source;
                    g.createdAt = Instant.now();
                    g.persist();
                    history.mention(user, g, ChangeAction.create);
                    return g;
                });
    }

    /** The gold cue on the same span, or a new copy of {@code cue}. */
    public Cue cue(Cue cue, Layer gold, User user) {
        return Cue.<Cue>find("layer.id = ?1 and start = ?2 and end = ?3", gold.id, cue.start, cue.end)
                .firstResultOptional().orElseGet(() -> {
                    Cue g = new Cue();
                    g.layer = gold;
                    g.start = cue.start;
                    g.end = cue.end;
                    g.exact = cue.exact;
                    g.prefix = cue.prefix;
                    g.suffix = cue.suffix;
                    g.cueClass = cue.cueClass;
                    g.createdAt = Instant.now();
                    g.persist();
                    history.cue(user, g, ChangeAction.create);
                    return g;
                });
    }

    public void deleteClaim(Claim g, User user) {
        history.claim(user, g, ChangeAction.delete, AnnotationHistory.snapshot(g), null);
        g.delete();
    }

    /** Removes a gold mention; gold hops that pointed at it point at {@code replacement} (null: none). */
    public void deleteMention(Mention g, Mention replacement, User user) {
        for (AttributionHop h : AttributionHop.<AttributionHop>list("mention", g)) {
            h.mention = replacement;
        }
        history.mention(user, g, ChangeAction.delete);
        g.delete();
    }

    /** Removes a gold cue; gold hops that pointed at it point at {@code replacement} (null: none). */
    public void deleteCue(Cue g, Cue replacement, User user) {
        for (AttributionHop h : AttributionHop.<AttributionHop>list("cue", g)) {
            h.cue = replacement;
        }
        history.cue(user, g, ChangeAction.delete);
        g.delete();
    }
}
