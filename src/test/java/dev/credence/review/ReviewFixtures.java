package dev.credence.review;

import dev.credence.account.User;
import dev.credence.annotation.AnnotationService;
import dev.credence.annotation.ClaimInput;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.document.Document;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Layers stored directly, for states the review tests need (gold is written by adjudication, elsewhere). */
@ApplicationScoped
public class ReviewFixtures {
    @Inject
    AnnotationService annotations;

    public Layer layer(Document doc, User owner, LayerKind kind, LayerState state) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Layer l = new Layer();
            l.document = Document.findById(doc.id);
            l.owner = owner == null ? null : User.findById(owner.id);
            l.kind = kind;
            l.state = state;
            l.updatedAt = Instant.now();
            l.persist();
            return l;
        });
    }

    /** A one-word claim in the user's own layer, through the service (marks the layer in progress). */
    public void claim(Document doc, User user) {
        annotations.createClaim(doc, user, new ClaimInput(0, 6, null, null, null, null, null, null, List.of()));
    }

    public void submit(Document doc, User user) {
        annotations.submit(annotations.layerFor(doc, user), user);
    }

    public Layer gold(Document doc, LayerState state) {
        return layer(doc, null, LayerKind.gold, state);
    }

    public void setState(Long layerId, LayerState state) {
        QuarkusTransaction.requiringNew().run(() -> Layer.<Layer>findById(layerId).state = state);
    }

    public long reviewerLayers(Document doc) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Layer.count("document.id = ?1 and kind = ?2", doc.id, LayerKind.reviewer));
    }
}
