package dev.credence.review;

import dev.credence.account.User;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.document.Document;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Layers stored directly, for states the review tests need (gold is written by adjudication, elsewhere). */
@ApplicationScoped
public class ReviewFixtures {
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
