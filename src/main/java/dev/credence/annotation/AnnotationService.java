package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.history.ChangeAction;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.project.ProjectRole;
import dev.credence.source.Source;
import dev.credence.source.SourceService;
import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.project.Project;
import dev.credence.web.ConflictException;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reviewer's annotations on a document: claims with their attribution chains, mentions, cues.
 * Every reviewer works in their own layer; a submitted layer is read-only until reopened.
 *
 * <p>Write methods reload what they are given by id, so callers may pass entities loaded
 * outside the transaction (e.g. by {@link #requireClaim} in a resource method).
 */
@ApplicationScoped
public class AnnotationService {
    static final String SUBMITTED = "layer submitted; reopen it first";
    private static final int MAX_SHORT_SPAN = 4000;
    /** Longest attribution chain; real chains have 1-4 hops, and each hop is stored and written to history. */
    public static final int MAX_HOPS = 20;

    @Inject
    EntityManager em;
    @Inject
    SourceService sources;
    @Inject
    AnnotationHistory history;
    @Inject
    LabelSchemaService schemas;

    // ---------------------------------------------------------------- layers

    /**
     * The caller's reviewer layer on the document, created (state assigned) on first use. 404 for non-members.
     * A member with the reviewer role gets a layer only while the document has a free reviewer slot
     * (409 otherwise): annotating without an assignment takes a slot like "Next document" does.
     */
    @Transactional
    public Layer layerFor(Document doc, User user) {
        Document d = requireMember(doc, user);
        return Layer.ofReviewer(d, user).orElseGet(() -> {
            requireFreeSlot(d, user);
            Layer l = new Layer();
            l.document = d;
            l.owner = User.findById(user.id);
            l.kind = LayerKind.reviewer;
            l.state = LayerState.assigned;
            l.updatedAt = Instant.now();
            l.persist();
            return l;
        });
    }

    private void requireFreeSlot(Document d, User user) {
        boolean reviewer = Membership.of(d.project, User.findById(user.id))
                .map(m -> m.role == ProjectRole.reviewer).orElse(false);
        if (!reviewer) {
            return;
        }
        // Same lock as assignment (the project row), so a concurrent "Next document" cannot take the slot too.
        Project p = em.find(Project.class, d.project.id,
                LockModeType.PESSIMISTIC_WRITE, Map.of("jakarta.persistence.lock.timeout", 10_000));
        long taken = Layer.count("document = ?1 and kind = ?2", d, LayerKind.reviewer);
        if (taken >= p.reviewersPerDocument) {
            throw new ConflictException("This document already has its " + p.reviewersPerDocument
                    + " reviewer(s): ask a manager to assign it to you, or use \"Next document\".");
        }
    }

    /** The caller's reviewer layer if it exists; never creates one. 404 for non-members. */
    public Optional<Layer> findLayer(Document doc, User user) {
        Document d = requireMember(doc, user);
        return Layer.ofReviewer(d, user);
    }

    @Transactional
    public void submit(Layer layer, User user) {
        Layer l = requireOwnLayer(layer.id, user);
        LayerState was = l.state;
        l.state = LayerState.submitted;
        l.updatedAt = Instant.now();
        history.layer(user, l, ChangeAction.submit, was);
    }

    @Transactional
    public void reopen(Layer layer, User user) {
        Layer l = requireOwnLayer(layer.id, user);
        if (l.state == LayerState.submitted) {
            l.state = LayerState.in_progress;
            l.updatedAt = Instant.now();
            history.layer(user, l, ChangeAction.reopen, LayerState.submitted);
        }
    }

    // ---------------------------------------------------------------- reads

    /**
     * The layer's claims in text order with hops, hop sources, mentions and cues, in one query
     * (plus a bounded number of batch loads for entities outside the persistence context).
     */
    public List<Claim> claims(Layer layer) {
        return claims(layer, false);
    }

    /**
     * As {@link #claims(Layer)}; {@code readOnly} for pages that only render them: Hibernate then keeps no
     * snapshot of the 1,000 claims and 2,000 hops for dirty checking. (No {@code distinct}: Hibernate 6
     * de-duplicates fetch-joined roots itself, and an SQL DISTINCT made H2 sort every joined row.)
     */
    public List<Claim> claims(Layer layer, boolean readOnly) {
        List<Claim> claims = em.createQuery("""
                select c from Claim c
                left join fetch c.hops h
                left join fetch h.source
                left join fetch h.mention m
                left join fetch m.source
                left join fetch h.cue
                where c.layer.id = ?1
                order by c.start, c.end, c.id""", Claim.class)
                .setParameter(1, layer.id)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, readOnly)
                .getResultList();
        for (Claim c : claims) {
            c.hops.sort(Comparator.comparingInt(h -> h.position));
        }
        return claims;
    }

    public List<Mention> mentions(Layer layer) {
        return em.createQuery("select m from Mention m left join fetch m.source where m.layer.id = ?1"
                + " order by m.start, m.end, m.id", Mention.class).setParameter(1, layer.id).getResultList();
    }

    public List<Cue> cues(Layer layer) {
        return Cue.list("layer.id = ?1 order by start, end, id", layer.id);
    }

    public record Counts(long claims, long mentions, long cues) {
    }

    /** How many claims, mentions and cues the layer holds. */
    public Counts counts(Layer layer) {
        return new Counts(Claim.count("layer.id", layer.id), Mention.count("layer.id", layer.id),
                Cue.count("layer.id", layer.id));
    }

    /** 404 unless the claim exists and is in the caller's own layer on a document of a project they belong to. */
    public Claim requireClaim(Long claimId, User user) {
        Claim c = claimId == null ? null : Claim.findById(claimId);
        if (c == null || !ownsLayer(c.layer, user)) {
            throw new NotFoundException("No claim " + claimId);
        }
        return c;
    }

    public Mention requireMention(Long id, User user) {
        Mention m = id == null ? null : Mention.findById(id);
        if (m == null || !ownsLayer(m.layer, user)) {
            throw new NotFoundException("No mention " + id);
        }
        return m;
    }

    public Cue requireCue(Long id, User user) {
        Cue c = id == null ? null : Cue.findById(id);
        if (c == null || !ownsLayer(c.layer, user)) {
            throw new NotFoundException("No cue " + id);
        }
        return c;
    }

    // ---------------------------------------------------------------- claims

    @Transactional
    public Claim createClaim(Document doc, User user, ClaimInput in) {
        Layer layer = layerFor(doc, user);
        requireEditable(layer);
        Offsets.CodePointIndex text = Offsets.CodePointIndex.of(layer.document.text);
        Claim c = new Claim();
        c.layer = layer;
        c.createdAt = Instant.now();
        applyFields(c, text, in);
        List<AttributionHop> hops = resolveHops(layer, text, in.hops(), user);
        c.persist();
        attachHops(c, hops);
        history.claim(user, c, ChangeAction.create, null, AnnotationHistory.snapshot(c));
        return c;
    }

    @Transactional
    public Claim updateClaim(Claim claim, User user, ClaimInput in, Long expectedVersion) {
        Claim c = requireClaim(claim.id, user);
        if (expectedVersion != null && expectedVersion != c.version) {
            throw new ConflictException("claim " + c.id + " was changed by someone else (version " + c.version
                    + ", you sent " + expectedVersion + "); reload it and try again");
        }
        Layer layer = c.layer;
        requireEditable(layer);
        var before = AnnotationHistory.snapshot(c);
        Offsets.CodePointIndex text = Offsets.CodePointIndex.of(layer.document.text);
        applyFields(c, text, in);
        List<AttributionHop> hops = resolveHops(layer, text, in.hops(), user);
        replaceHops(c, hops);
        em.flush(); // the answer carries the new version, which the flush assigns
        history.claim(user, c, ChangeAction.update, before, AnnotationHistory.snapshot(c));
        return c;
    }

    @Transactional
    public void deleteClaim(Claim claim, User user) {
        Claim c = requireClaim(claim.id, user);
        requireEditable(c.layer);
        history.claim(user, c, ChangeAction.delete, AnnotationHistory.snapshot(c), null);
        c.delete();
    }

    /**
     * A claim in the given layer (e.g. the gold layer). The caller has checked the user's right to
     * write that layer; sources, mentions and cues resolve as in {@link #createClaim}.
     */
    @Transactional
    public Claim createClaimInLayer(Layer target, User user, ClaimInput in) {
        Layer layer = Layer.findById(target.id);
        requireEditable(layer);
        Offsets.CodePointIndex text = Offsets.CodePointIndex.of(layer.document.text);
        Claim c = new Claim();
        c.layer = layer;
        c.createdAt = Instant.now();
        applyFields(c, text, in);
        List<AttributionHop> hops = resolveHops(layer, text, in.hops(), user);
        c.persist();
        attachHops(c, hops);
        history.claim(user, c, ChangeAction.create, null, AnnotationHistory.snapshot(c));
        return c;
    }

    /** Replaces a claim of any layer; the caller has checked the user's right to write that layer. */
    @Transactional
    public Claim updateClaimInLayer(Claim claim, User user, ClaimInput in, Long expectedVersion) {
        Claim c = Claim.findById(claim.id);
        if (c == null) {
            throw new NotFoundException("No claim " + claim.id);
        }
        if (expectedVersion != null && expectedVersion != c.version) {
            throw new ConflictException("claim " + c.id + " was changed by someone else (version " + c.version
                    + ", you sent " + expectedVersion + "); reload it and try again");
        }
        Layer layer = c.layer;
        requireEditable(layer);
        var before = AnnotationHistory.snapshot(c);
        Offsets.CodePointIndex text = Offsets.CodePointIndex.of(layer.document.text);
        applyFields(c, text, in);
        List<AttributionHop> hops = resolveHops(layer, text, in.hops(), user);
        replaceHops(c, hops);
        em.flush(); // the answer carries the new version, which the flush assigns
        history.claim(user, c, ChangeAction.update, before, AnnotationHistory.snapshot(c));
        return c;
    }

    /** Moves the hop at {@code fromPosition} to {@code toPosition}; the others shift, positions stay 0..n-1. */
    @Transactional
    public Claim moveHop(Claim claim, User user, int fromPosition, int toPosition) {
        Claim c = requireClaim(claim.id, user);
        requireEditable(c.layer);
        List<AttributionHop> hops = new ArrayList<>(c.hops);
        hops.sort(Comparator.comparingInt(h -> h.position));
        int n = hops.size();
        if (fromPosition < 0 || fromPosition >= n || toPosition < 0 || toPosition >= n) {
            throw new UnprocessableException("hop positions must be within 0.." + (n - 1) + " (got from "
                    + fromPosition + " to " + toPosition + ")");
        }
        if (fromPosition == toPosition) {
            return c;
        }
        var before = AnnotationHistory.snapshot(c);
        hops.add(toPosition, hops.remove(fromPosition));
        renumber(hops);
        c.hops.clear();
        c.hops.addAll(hops);
        c.updatedAt = Instant.now();
        history.claim(user, c, ChangeAction.update, before, AnnotationHistory.snapshot(c));
        return c;
    }

    // ---------------------------------------------------------------- mentions and cues

    /** A mention in the caller's layer; the source (by id, or name+type found or created) is optional. */
    @Transactional
    public Mention createMention(Document doc, User user, SpanInput span, Long sourceId, String sourceName,
            String sourceType) {
        Layer layer = layerFor(doc, user);
        requireEditable(layer);
        Offsets.CodePointIndex text = Offsets.CodePointIndex.of(layer.document.text);
        Source source = null;
        if (sourceId != null || (sourceName != null && !sourceName.isBlank())) {
            source = resolveSource("source", layer.document.project, sourceId, sourceName, sourceType, user,
                    new java.util.HashMap<>());
        }
        Mention m = newMention(layer, text, span, "mention", source);
        history.mention(user, m, ChangeAction.create);
        return m;
    }

    /** Links the mention to another source (by id, or name+type found or created), or to none. Span stays. */
    @Transactional
    public Mention updateMention(Mention m, User user, Long sourceId, String sourceName, String sourceType) {
        Mention mention = requireMention(m.id, user);
        requireEditable(mention.layer);
        var before = AnnotationHistory.snapshot(mention);
        Source source = null;
        if (sourceId != null || (sourceName != null && !sourceName.isBlank())) {
            source = resolveSource("source", mention.layer.document.project, sourceId, sourceName, sourceType,
                    user, new java.util.HashMap<>());
        }
        mention.source = source;
        history.mentionUpdated(user, mention, before);
        return mention;
    }

    /** Deletes the mention; hops that pointed at it keep their source and lose only the mention. */
    @Transactional
    public void deleteMention(Mention m, User user) {
        Mention mention = requireMention(m.id, user);
        requireEditable(mention.layer);
        for (AttributionHop h : AttributionHop.<AttributionHop>list("mention", mention)) {
            h.mention = null;
        }
        history.mention(user, mention, ChangeAction.delete);
        mention.delete();
    }

    @Transactional
    public Cue createCue(Document doc, User user, SpanInput span, String cueClass) {
        Layer layer = layerFor(doc, user);
        requireEditable(layer);
        Offsets.CodePointIndex text = Offsets.CodePointIndex.of(layer.document.text);
        String parsed = schemas.of(layer.document.project).require(LabelField.cueClass, "cueClass", cueClass);
        Cue c = newCue(layer, text, span, "cue");
        c.cueClass = parsed;
        history.cue(user, c, ChangeAction.create);
        return c;
    }

    /** Changes the cue's class. Span stays. */
    @Transactional
    public Cue updateCue(Cue c, User user, String cueClass) {
        Cue cue = requireCue(c.id, user);
        requireEditable(cue.layer);
        var before = AnnotationHistory.snapshot(cue);
        cue.cueClass = schemas.of(cue.layer.document.project).require(LabelField.cueClass, "cueClass", cueClass);
        history.cueUpdated(user, cue, before);
        return cue;
    }

    @Transactional
    public void deleteCue(Cue c, User user) {
        Cue cue = requireCue(c.id, user);
        requireEditable(cue.layer);
        for (AttributionHop h : AttributionHop.<AttributionHop>list("cue", cue)) {
            h.cue = null;
        }
        history.cue(user, cue, ChangeAction.delete);
        cue.delete();
    }

    // ---------------------------------------------------------------- internals

    private Document requireMember(Document doc, User user) {
        Document d = doc == null || doc.id == null ? null : Document.findById(doc.id);
        if (d == null || user == null || Membership.of(d.project, user).isEmpty()) {
            throw new NotFoundException("No document " + (doc == null ? null : doc.id));
        }
        return d;
    }

    private boolean ownsLayer(Layer layer, User user) {
        return user != null && layer.kind == LayerKind.reviewer && layer.owner != null
                && Objects.equals(layer.owner.id, user.id)
                && Membership.of(layer.document.project, user).isPresent();
    }

    private Layer requireOwnLayer(Long layerId, User user) {
        Layer l = layerId == null ? null : Layer.findById(layerId);
        if (l == null || !ownsLayer(l, user)) {
            throw new NotFoundException("No layer " + layerId);
        }
        return l;
    }

    /**
     * How stale a layer's {@code updatedAt} may get while its reviewer keeps saving: a layer already in
     * progress is touched again only when its last touch is older than this, so a burst of saves does not
     * rewrite (and re-version) the layer row on every save. A state change always writes it.
     */
    static final java.time.Duration LAYER_TOUCH_PRECISION = java.time.Duration.ofSeconds(30);

    /** 409 on a submitted layer; otherwise marks it in progress and touched (within LAYER_TOUCH_PRECISION). */
    private static void requireEditable(Layer layer) {
        if (layer.state == LayerState.submitted) {
            throw new ConflictException(SUBMITTED);
        }
        Instant now = Instant.now();
        if (layer.state != LayerState.in_progress || layer.updatedAt == null
                || layer.updatedAt.isBefore(now.minus(LAYER_TOUCH_PRECISION))) {
            layer.state = LayerState.in_progress;
            layer.updatedAt = now;
        }
    }

    private void applyFields(Claim c, Offsets.CodePointIndex text, ClaimInput in) {
        if (in == null) {
            throw new UnprocessableException("claim: body required");
        }
        // An orphan's own (earlier revision's) offsets sent back: its fields change, it stays orphaned.
        boolean staysOrphaned = c.orphaned && c.id != null && Objects.equals(in.start(), c.start)
                && Objects.equals(in.end(), c.end);
        if (!staysOrphaned) {
            setSpan(c, text, new SpanInput(in.start(), in.end()), "claim");
        }
        LabelSchema schema = schemas.of(c.layer.document.project);
        c.kind = schema.require(LabelField.kind, "kind", in.kind());
        c.stance = schema.require(LabelField.stance, "stance", in.stance());
        c.checkWorthy = in.checkWorthy();
        if (in.credibility() != null && (in.credibility() < 1 || in.credibility() > 6)) {
            throw new UnprocessableException("credibility: " + in.credibility() + " is not within 1..6");
        }
        c.credibility = in.credibility();
        c.rationale = blankToNull(in.rationale());
        if (c.rationale != null && c.rationale.length() > 4000) {
            throw new UnprocessableException("rationale: at most 4000 characters");
        }
        c.evidenceUrl = httpUrl(in.evidenceUrl());
        c.updatedAt = Instant.now();
    }

    /** Validates and resolves every hop before anything is attached, creating sources, mentions, cues as needed. */
    private List<AttributionHop> resolveHops(Layer layer, Offsets.CodePointIndex text, List<HopInput> inputs,
            User user) {
        List<AttributionHop> hops = new ArrayList<>();
        if (inputs == null) {
            return hops;
        }
        if (inputs.size() > MAX_HOPS) {
            throw new UnprocessableException("attribution: at most " + MAX_HOPS + " hops (this claim has "
                    + inputs.size() + ")");
        }
        LabelSchema schema = schemas.of(layer.document.project);
        // Cheap checks first, so a bad grade in hop 2 does not create hop 0's source.
        for (int i = 0; i < inputs.size(); i++) {
            HopInput in = inputs.get(i);
            String where = "attribution[" + i + "]";
            if (in == null) {
                throw new UnprocessableException(where + ": must be an object");
            }
            schema.require(LabelField.relation, where + ".relation", in.relation());
            reliability(where, in.reliability());
            if (in.sourceId() == null) {
                schema.require(LabelField.sourceType, where + ".source.type", in.sourceType());
            }
            if (in.mention() != null) {
                checkSpan(text, in.mention(), where + ".mention");
            }
            if (in.cue() != null) {
                checkSpan(text, in.cue(), where + ".cue");
            }
        }
        // Every source the chain names by name, in one look-up; names not in the registry are created below.
        Map<String, Source> registry = sources.findByNamesOrAliases(inputs.stream()
                .filter(in -> in.sourceId() == null).map(HopInput::sourceName).toList());
        for (int i = 0; i < inputs.size(); i++) {
            HopInput in = inputs.get(i);
            String where = "attribution[" + i + "]";
            AttributionHop h = new AttributionHop();
            h.position = i;
            String relation = schema.require(LabelField.relation, where + ".relation", in.relation());
            // An omitted relation reads as the common case: the originator asserts, later hops report
            // (the schema's first and second relations; "asserts" and "reports" by default).
            h.relation = relation != null ? relation
                    : i == 0 ? schema.first(LabelField.relation) : schema.second(LabelField.relation);
            h.reliability = reliability(where, in.reliability());
            Mention existing = null;
            if (in.mentionId() != null) {
                existing = Mention.findById(in.mentionId());
                if (existing == null || !Objects.equals(existing.layer.id, layer.id)) {
                    throw new UnprocessableException(where + ".mentionId: no mention " + in.mentionId()
                            + " in your layer of this document");
                }
            }
            boolean named = in.sourceId() != null || (in.sourceName() != null && !in.sourceName().isBlank());
            if (named) {
                h.source = resolveSource(where + ".source", layer.document.project, in.sourceId(), in.sourceName(),
                        in.sourceType(), user, registry);
            } else if (existing != null && existing.source != null) {
                h.source = existing.source;
            } else {
                throw new UnprocessableException(where + ": a source is required: sourceId, or source {name, type}");
            }
            if (existing != null) {
                h.mention = existing;
            } else if (in.mention() != null) {
                h.mention = newMention(layer, text, in.mention(), where + ".mention", h.source);
            }
            if (in.cueId() != null) {
                Cue cue = Cue.findById(in.cueId());
                if (cue == null || !Objects.equals(cue.layer.id, layer.id)) {
                    throw new UnprocessableException(where + ".cueId: no cue " + in.cueId()
                            + " in your layer of this document");
                }
                h.cue = cue;
            } else if (in.cue() != null) {
                h.cue = newCue(layer, text, in.cue(), where + ".cue");
            }
            hops.add(h);
        }
        return hops;
    }

    private void attachHops(Claim c, List<AttributionHop> hops) {
        for (AttributionHop h : hops) {
            h.claim = c;
            c.hops.add(h);
            h.persist();
        }
    }

    /**
     * Makes the claim's chain {@code hops} (positions 0..n-1), reusing the stored hop at each position: an
     * edit that leaves the chain as it was (the common case: credibility, rationale) writes no hop row,
     * a changed hop is one update, and only a longer or shorter chain inserts or deletes. Positions of kept
     * rows never change here, so uq_hop_position holds at every statement.
     */
    private void replaceHops(Claim c, List<AttributionHop> hops) {
        List<AttributionHop> old = new ArrayList<>(c.hops);
        old.sort(Comparator.comparingInt(h -> h.position));
        int kept = Math.min(old.size(), hops.size());
        for (int i = 0; i < kept; i++) {
            AttributionHop o = old.get(i);
            AttributionHop n = hops.get(i);
            o.source = n.source;
            o.mention = n.mention;
            o.cue = n.cue;
            o.relation = n.relation;
            o.reliability = n.reliability;
        }
        c.hops.removeAll(old.subList(kept, old.size())); // a shorter chain: nothing is inserted then
        attachHops(c, hops.subList(kept, hops.size())); // a longer chain: nothing is deleted then
    }

    /** Renumbers through temporary negative positions so no intermediate state breaks uq_hop_position. */
    private void renumber(List<AttributionHop> hops) {
        for (int i = 0; i < hops.size(); i++) {
            hops.get(i).position = -1 - i;
        }
        em.flush();
        for (int i = 0; i < hops.size(); i++) {
            hops.get(i).position = i;
        }
        em.flush();
    }

    private Source resolveSource(String where, Project project, Long sourceId, String name, String type, User user,
            Map<String, Source> named) {
        if (sourceId != null) {
            Source s = Source.findById(sourceId);
            if (s == null) {
                throw new UnprocessableException(where + ": no source " + sourceId);
            }
            return s;
        }
        // The registry knows every source type; a project offers (and accepts for new sources) its schema's subset.
        schemas.of(project).require(LabelField.sourceType, where + ".type", type);
        String key = name == null || name.isBlank() ? null : dev.credence.source.SourceNames.key(name);
        Source known = key == null ? null : named.get(key);
        if (known != null) {
            return known;
        }
        try {
            Source s = sources.findOrCreate(name, type, user);
            if (key != null) {
                named.put(key, s);
            }
            return s;
        } catch (UnprocessableException e) {
            throw new UnprocessableException(where + ": " + e.getMessage());
        }
    }

    private Mention newMention(Layer layer, Offsets.CodePointIndex text, SpanInput span, String where, Source source) {
        Mention m = new Mention();
        m.layer = layer;
        setSpan(m, text, span, where);
        if (m.exact.length() > MAX_SHORT_SPAN) {
            throw new UnprocessableException(where + ": at most " + MAX_SHORT_SPAN + " characters");
        }
        m.source = source;
        m.createdAt = Instant.now();
        m.persist();
        return m;
    }

    private Cue newCue(Layer layer, Offsets.CodePointIndex text, SpanInput span, String where) {
        Cue c = new Cue();
        c.layer = layer;
        setSpan(c, text, span, where);
        if (c.exact.length() > MAX_SHORT_SPAN) {
            throw new UnprocessableException(where + ": at most " + MAX_SHORT_SPAN + " characters");
        }
        c.createdAt = Instant.now();
        c.persist();
        return c;
    }

    private static void setSpan(Span s, Offsets.CodePointIndex text, SpanInput span, String where) {
        checkSpan(text, span, where);
        Offsets.Context ctx = text.context(span.start(), span.end());
        s.start = span.start();
        s.end = span.end();
        s.exact = ctx.exact();
        s.prefix = ctx.prefix();
        s.suffix = ctx.suffix();
        s.orphaned = false; // placed again on the current text by the reviewer
        s.orphanedRevision = null;
    }

    static void checkSpan(Offsets.CodePointIndex text, SpanInput span, String where) {
        if (span == null || span.start() == null || span.end() == null) {
            throw new UnprocessableException(where + ": start and end are required (code points, end exclusive)");
        }
        int start = span.start();
        int end = span.end();
        if (start < 0 || end > text.length() || start > text.length() || end < 0) {
            throw new UnprocessableException(where + ": offsets " + start + ".." + end
                    + " are outside the text (0.." + text.length() + " code points)");
        }
        if (start >= end) {
            throw new UnprocessableException(where + ": start " + start + " must be before end " + end);
        }
    }

    private static String reliability(String where, String grade) {
        try {
            return SourceService.reliability(grade);
        } catch (UnprocessableException e) {
            throw new UnprocessableException(where + "." + e.getMessage());
        }
    }

    static String httpUrl(String url) {
        String u = blankToNull(url);
        if (u == null) {
            return null;
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && u.length() <= 2000) {
                return u;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new UnprocessableException("evidenceUrl: '" + url + "' is not an http(s) URL");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
