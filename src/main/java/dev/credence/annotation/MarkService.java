package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.document.Document;
import dev.credence.history.ChangeAction;
import dev.credence.source.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

/**
 * The marks of a reviewer's layer beside its claims: source mentions ("TeamT5", "he") linked to a registry source,
 * and attribution cues ("told", "according to") with a cue class. Also the removal of marks from any layer, which
 * adjudication uses for gold.
 */
@ApplicationScoped
public class MarkService {
    @Inject
    EntityManager em;
    @Inject
    LayerService layers;
    @Inject
    HopResolver hops;
    @Inject
    AnnotationHistory history;
    @Inject
    LabelSchemaService schemas;

    public List<Mention> mentions(Layer layer) {
        return em.createQuery("select m from Mention m left join fetch m.source where m.layer.id = ?1"
                + " order by m.start, m.end, m.id", Mention.class).setParameter(1, layer.id).getResultList();
    }

    public List<Cue> cues(Layer layer) {
        return Cue.list("layer.id = ?1 order by start, end, id", layer.id);
    }

    /** 404 unless the mention exists and is in the caller's own layer. */
    public Mention requireMention(Long id, User user) {
        Mention m = id == null ? null : Mention.findById(id);
        if (m == null || !layers.ownsLayer(m.layer, user)) {
            throw new NotFoundException("No mention " + id);
        }
        return m;
    }

    /** 404 unless the cue exists and is in the caller's own layer. */
    public Cue requireCue(Long id, User user) {
        Cue c = id == null ? null : Cue.findById(id);
        if (c == null || !layers.ownsLayer(c.layer, user)) {
            throw new NotFoundException("No cue " + id);
        }
        return c;
    }

    /** A mention in the caller's layer; the source (by id, or name+type found or created) is optional. */
    @Transactional
    public Mention createMention(Document doc, User user, SpanInput span, Long sourceId, String sourceName,
            String sourceType) {
        Layer layer = layers.layerFor(doc, user);
        LayerService.requireEditable(layer);
        Offsets.CodePointIndex text = Offsets.CodePointIndex.of(layer.document.text);
        Source source = hops.mentionSource(layer.document.project, sourceId, sourceName, sourceType, user);
        Mention m = SpanPlacement.newMention(layer, text, span, "mention", source);
        history.mention(user, m, ChangeAction.create);
        return m;
    }

    /** Links the mention to another source (by id, or name+type found or created), or to none. Span stays. */
    @Transactional
    public Mention updateMention(Mention m, User user, Long sourceId, String sourceName, String sourceType) {
        Mention mention = requireMention(m.id, user);
        LayerService.requireEditable(mention.layer);
        var before = AnnotationHistory.snapshot(mention);
        mention.source = hops.mentionSource(mention.layer.document.project, sourceId, sourceName, sourceType, user);
        history.mentionUpdated(user, mention, before);
        return mention;
    }

    /** Deletes the mention; hops that pointed at it keep their source and lose only the mention. */
    @Transactional
    public void deleteMention(Mention m, User user) {
        Mention mention = requireMention(m.id, user);
        LayerService.requireEditable(mention.layer);
        remove(mention, null, user);
    }

    @Transactional
    public Cue createCue(Document doc, User user, SpanInput span, String cueClass) {
        Layer layer = layers.layerFor(doc, user);
        LayerService.requireEditable(layer);
        Offsets.CodePointIndex text = Offsets.CodePointIndex.of(layer.document.text);
        String parsed = schemas.of(layer.document.project).require(LabelField.cueClass, "cueClass", cueClass);
        Cue c = SpanPlacement.newCue(layer, text, span, "cue");
        c.cueClass = parsed;
        history.cue(user, c, ChangeAction.create);
        return c;
    }

    /** Changes the cue's class. Span stays. */
    @Transactional
    public Cue updateCue(Cue c, User user, String cueClass) {
        Cue cue = requireCue(c.id, user);
        LayerService.requireEditable(cue.layer);
        var before = AnnotationHistory.snapshot(cue);
        cue.cueClass = schemas.of(cue.layer.document.project).require(LabelField.cueClass, "cueClass", cueClass);
        history.cueUpdated(user, cue, before);
        return cue;
    }

    @Transactional
    public void deleteCue(Cue c, User user) {
        Cue cue = requireCue(c.id, user);
        LayerService.requireEditable(cue.layer);
        remove(cue, null, user);
    }

    /**
     * Deletes a mention of any layer, recorded in history; hops that pointed at it point at {@code replacement}
     * (null: none) and keep their source. The caller has checked the right to write the layer.
     */
    public void remove(Mention mention, Mention replacement, User user) {
        for (AttributionHop h : AttributionHop.<AttributionHop>list("mention", mention)) {
            h.mention = replacement;
        }
        history.mention(user, mention, ChangeAction.delete);
        mention.delete();
    }

    /** As {@link #remove(Mention, Mention, User)} for a cue. */
    public void remove(Cue cue, Cue replacement, User user) {
        for (AttributionHop h : AttributionHop.<AttributionHop>list("cue", cue)) {
            h.cue = replacement;
        }
        history.cue(user, cue, ChangeAction.delete);
        cue.delete();
    }
}
