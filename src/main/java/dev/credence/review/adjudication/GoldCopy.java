package dev.credence.review.adjudication;

import dev.credence.account.User;
import dev.credence.annotation.AnnotationHistory;
import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.ClaimService;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Mention;
import dev.credence.annotation.Span;
import dev.credence.history.ChangeAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Copies of reviewer claims, mentions and cues into the gold layer. Each copy is recorded in the change history
 * like a reviewer's edit, in the caller's transaction (claims through {@link ClaimService#insert}, the one path every
 * new claim takes); removals from gold go through {@link ClaimService#remove} and
 * {@link dev.credence.annotation.MarkService#remove}.
 */
@ApplicationScoped
public class GoldCopy {
    @Inject
    AnnotationHistory history;
    @Inject
    ClaimService claims;

    /** A copy of the claim in gold, with its hops; their mentions and cues are copied too (reused if gold has them). */
    public Claim claim(Claim from, Layer gold, User user) {
        Claim c = spanOf(new Claim(), from);
        c.layer = gold;
        c.kind = from.kind;
        c.stance = from.stance;
        c.checkWorthy = from.checkWorthy;
        c.credibility = from.credibility;
        c.rationale = from.rationale;
        c.evidenceUrl = from.evidenceUrl;
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        List<AttributionHop> hops = new ArrayList<>(from.hops);
        hops.sort(Comparator.comparingInt(h -> h.position));
        List<AttributionHop> copies = new ArrayList<>();
        for (AttributionHop h : hops) {
            AttributionHop copy = new AttributionHop();
            copy.position = h.position;
            copy.source = h.source;
            copy.relation = h.relation;
            copy.reliability = h.reliability;
            copy.mention = h.mention == null ? null : mention(h.mention, gold, user);
            copy.cue = h.cue == null ? null : cue(h.cue, gold, user);
            copies.add(copy);
        }
        return claims.insert(c, copies, user);
    }

    /** The gold mention on the same span and source, or a new copy of {@code m}. */
    public Mention mention(Mention m, Layer gold, User user) {
        return Mention.<Mention>find("layer.id = ?1 and start = ?2 and end = ?3 and source = ?4", gold.id, m.start,
                m.end, m.source).firstResultOptional().orElseGet(() -> {
                    Mention g = spanOf(new Mention(), m);
                    g.layer = gold;
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
                    Cue g = spanOf(new Cue(), cue);
                    g.layer = gold;
                    g.cueClass = cue.cueClass;
                    g.createdAt = Instant.now();
                    g.persist();
                    history.cue(user, g, ChangeAction.create);
                    return g;
                });
    }

    /** {@code copy} on the same span as {@code from}: offsets, exact text and context. */
    private static <S extends Span> S spanOf(S copy, Span from) {
        copy.start = from.start;
        copy.end = from.end;
        copy.exact = from.exact;
        copy.prefix = from.prefix;
        copy.suffix = from.suffix;
        return copy;
    }
}
