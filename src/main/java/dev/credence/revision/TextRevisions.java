package dev.credence.revision;

import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Mention;
import dev.credence.annotation.Span;
import dev.credence.document.Document;
import dev.credence.document.DocumentRevision;
import dev.credence.document.TextNormalizer;
import dev.credence.history.ChangeAction;
import dev.credence.history.HistoryService;
import dev.credence.revision.Reanchoring.Anchor;
import dev.credence.revision.Reanchoring.Outcome;
import dev.credence.revision.Reanchoring.Placement;
import dev.credence.web.ConflictException;
import dev.credence.web.TextPolicy;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Corrects a document's text: the old text is kept as a revision, and every span of every layer (gold
 * included) is re-anchored on the new text ({@link Reanchoring}) in the same transaction, so the new text and
 * its spans commit together or not at all. The caller has checked that the user manages the project.
 */
@ApplicationScoped
public class TextRevisions {
    /** Longest exact text of a mention or cue (their column); a fuzzy move that would outgrow it orphans. */
    static final int MAX_SHORT_SPAN = 4000;

    @Inject
    EntityManager em;
    @Inject
    HistoryService history;

    /** One span's fate: what it was, where it goes. */
    public record SpanChange(String type, Long id, Long layerId, Span before, Placement placement) {
        public Outcome outcome() {
            return placement.outcome();
        }
    }

    /** The outcome of a revision (or of its preview, where {@code revision} is the number it would get). */
    public record Result(int revision, boolean changed, TextDiff diff, List<SpanChange> spans) {
        public long kept() {
            return spans.stream().filter(s -> s.outcome() == Outcome.kept).count();
        }

        public long moved() {
            return spans.stream().filter(s -> s.outcome() == Outcome.moved).count();
        }

        public List<Long> orphaned(String type) {
            return spans.stream().filter(s -> s.type().equals(type) && s.outcome() == Outcome.orphaned)
                    .map(SpanChange::id).toList();
        }

        public List<SpanChange> claims() {
            return spans.stream().filter(s -> s.type().equals(HistoryService.CLAIM)).toList();
        }
    }

    /** The text as it would be stored: the text policy, the import normalizer and the size limit. */
    public static String normalized(String raw) {
        TextPolicy.check("text", raw);
        String text = TextNormalizer.normalize(raw);
        if (text == null || text.isBlank()) {
            throw new UnprocessableException("text: required, and not blank");
        }
        if (text.length() > Document.MAX_TEXT) {
            throw new ClientErrorException("text: at most " + Document.MAX_TEXT + " characters (this one has "
                    + text.length() + ")", 413);
        }
        return text;
    }

    /** What {@link #revise} would do, without writing anything. */
    @Transactional
    public Result preview(Document document, String rawText) {
        Document d = Document.findById(document.id);
        String text = normalized(rawText);
        if (text.equals(d.text)) {
            return new Result(d.revision, false, TextDiff.between(d.text, text), placements(d, text));
        }
        return new Result(d.revision + 1, true, TextDiff.between(d.text, text), placements(d, text));
    }

    /**
     * Stores {@code rawText} as the document's next revision and re-anchors every span. With
     * {@code expectedRevision} set, 409 unless the document is still at that revision. The same text
     * again changes nothing (its result has {@code changed = false}).
     */
    @Transactional
    public Result revise(Document document, User user, String rawText, Integer expectedRevision) {
        String text = normalized(rawText);
        // The row lock orders concurrent corrections of one document: the second waits, then sees the new revision.
        Document d = em.find(Document.class, document.id, LockModeType.PESSIMISTIC_WRITE,
                Map.of("jakarta.persistence.lock.timeout", 10_000));
        if (d == null) {
            throw new NotFoundException("No document " + document.id);
        }
        if (expectedRevision != null && expectedRevision != d.revision) {
            throw new ConflictException("document " + d.id + " is at revision " + d.revision + ", you sent "
                    + expectedRevision + "; reload it and review the change again");
        }
        if (text.equals(d.text)) {
            return new Result(d.revision, false, TextDiff.between(d.text, text), placements(d, text));
        }
        String sha = TextNormalizer.sha256(text);
        Long other = em.createQuery("select d.id from Document d where d.project = ?1 and d.textSha256 = ?2 and d.id <> ?3",
                Long.class).setParameter(1, d.project).setParameter(2, sha).setParameter(3, d.id)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (other != null) {
            throw new ConflictException("text: document " + other + " of this project already has exactly this text");
        }
        User by = user == null ? null : User.findById(user.id);
        Instant now = Instant.now();

        DocumentRevision old = new DocumentRevision();
        old.document = d;
        old.revision = d.revision;
        old.text = d.text;
        old.textSha256 = d.textSha256;
        old.lengthCp = d.lengthCp;
        old.createdBy = d.revision == 1 ? d.createdBy : d.revisedBy;
        old.createdAt = d.revision == 1 || d.revisedAt == null ? d.createdAt : d.revisedAt;
        old.persist();

        List<SpanChange> changes = placements(d, text);
        int oldRevision = d.revision;
        Map<String, Object> before = snapshot(d);
        d.text = text;
        d.textSha256 = sha;
        d.lengthCp = TextNormalizer.codePointLength(text);
        d.revision = oldRevision + 1;
        d.revisedBy = by;
        d.revisedAt = now;
        for (SpanChange c : changes) {
            Map<String, Object> was = spanSnapshot(c.before(), oldRevision);
            apply(c, oldRevision);
            if (c.outcome() != Outcome.kept) {
                history.record(by, d.project.id, d.id, c.type(), c.id(), ChangeAction.reanchor, was,
                        placementSnapshot(c.placement(), d.revision, oldRevision));
            }
        }
        // Every claim and layer of the document gets a new version: an editor holding a form made on the old
        // text gets a conflict rather than saving offsets that now point elsewhere.
        for (Claim c : em.createQuery("select c from Claim c where c.layer.document = ?1", Claim.class)
                .setParameter(1, d).getResultList()) {
            em.lock(c, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        for (Layer l : em.createQuery("select l from Layer l where l.document = ?1", Layer.class)
                .setParameter(1, d).getResultList()) {
            em.lock(l, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        Result result = new Result(d.revision, true, TextDiff.between(old.text, text), changes);
        Map<String, Object> after = snapshot(d);
        after.put("kept", result.kept());
        after.put("moved", result.moved());
        after.put("orphanedClaims", result.orphaned(HistoryService.CLAIM));
        after.put("orphanedMentions", result.orphaned(HistoryService.MENTION));
        after.put("orphanedCues", result.orphaned(HistoryService.CUE));
        history.record(by, d.project.id, d.id, HistoryService.DOCUMENT, d.id, ChangeAction.revise, before, after);
        return result;
    }

    /** Where every anchored span of the document would go on {@code text}; orphans stay orphans. */
    private List<SpanChange> placements(Document d, String text) {
        Reanchoring anchoring = Reanchoring.between(d.text, text);
        List<SpanChange> out = new ArrayList<>();
        for (Claim c : em.createQuery("select c from Claim c where c.layer.document = ?1 and c.orphaned = false"
                + " order by c.start, c.end, c.id", Claim.class).setParameter(1, d).getResultList()) {
            out.add(new SpanChange(HistoryService.CLAIM, c.id, c.layer.id, c, anchoring.place(anchor(c))));
        }
        for (Mention m : em.createQuery("select m from Mention m where m.layer.document = ?1 and m.orphaned = false"
                + " order by m.start, m.end, m.id", Mention.class).setParameter(1, d).getResultList()) {
            out.add(new SpanChange(HistoryService.MENTION, m.id, m.layer.id, m, shortSpan(anchoring.place(anchor(m)), m)));
        }
        for (Cue c : em.createQuery("select c from Cue c where c.layer.document = ?1 and c.orphaned = false"
                + " order by c.start, c.end, c.id", Cue.class).setParameter(1, d).getResultList()) {
            out.add(new SpanChange(HistoryService.CUE, c.id, c.layer.id, c, shortSpan(anchoring.place(anchor(c)), c)));
        }
        return out;
    }

    private static Placement shortSpan(Placement p, Span s) {
        if (p.outcome() != Outcome.orphaned && p.exact().length() > MAX_SHORT_SPAN) {
            return new Placement(Outcome.orphaned, Reanchoring.Method.none, s.start, s.end, s.exact, s.prefix,
                    s.suffix, p.similarity());
        }
        return p;
    }

    private static Anchor anchor(Span s) {
        return new Anchor(s.start, s.end, s.exact, s.prefix, s.suffix);
    }

    private static void apply(SpanChange c, int oldRevision) {
        Span s = c.before();
        Placement p = c.placement();
        if (p.outcome() == Outcome.orphaned) {
            s.orphaned = true;
            s.orphanedRevision = oldRevision; // offsets, exact, prefix and suffix stay: they are that revision's
            return;
        }
        s.start = p.start();
        s.end = p.end();
        s.exact = p.exact();
        s.prefix = p.prefix();
        s.suffix = p.suffix();
        if (s instanceof Claim claim) {
            claim.updatedAt = Instant.now();
        }
    }

    private static Map<String, Object> snapshot(Document d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", d.revision);
        m.put("textSha256", d.textSha256);
        m.put("lengthCp", d.lengthCp);
        return m;
    }

    private static Map<String, Object> spanSnapshot(Span s, int revision) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", s.start);
        m.put("end", s.end);
        m.put("exact", s.exact);
        m.put("revision", revision);
        m.put("orphaned", false);
        return m;
    }

    private static Map<String, Object> placementSnapshot(Placement p, int newRevision, int oldRevision) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (p.outcome() == Outcome.orphaned) {
            m.put("revision", oldRevision);
            m.put("orphaned", true);
            m.put("reanchoring", "orphaned: not placed confidently on revision " + newRevision);
            return m;
        }
        m.put("start", p.start());
        m.put("end", p.end());
        m.put("exact", p.exact());
        m.put("revision", newRevision);
        m.put("orphaned", false);
        m.put("reanchoring", p.method().name() + (p.method() == Reanchoring.Method.fuzzy
                ? String.format(java.util.Locale.ROOT, " (similarity %.2f)", p.similarity()) : ""));
        return m;
    }
}
