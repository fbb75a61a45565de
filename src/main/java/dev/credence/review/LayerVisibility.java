package dev.credence.review;

import dev.credence.account.User;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.document.Document;
import dev.credence.project.Membership;
import dev.credence.project.ProjectRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may read which layer. One place, so the document page, the layer API and adjudication agree:
 * <ul>
 * <li>managers see every layer in their projects;</li>
 * <li>adjudicators see submitted reviewer layers, the gold layer and their own layer;</li>
 * <li>reviewers see their own layer; others' submitted layers and the gold layer only once they have
 * submitted their own AND the document is in adjudication (a gold layer exists), so reviewing stays blind;</li>
 * <li>non-members see nothing (callers answer 404).</li>
 * </ul>
 * Writing gold is for adjudicators only; that check lives with adjudication ({@link #canWriteGold}).
 */
@ApplicationScoped
public class LayerVisibility {

    public boolean canSee(Layer layer, User user) {
        if (layer == null || user == null) {
            return false;
        }
        Optional<Membership> m = Membership.of(layer.document.project, user);
        if (m.isEmpty()) {
            return false;
        }
        return canSee(layer, user, m.get().role, () -> reviewerUnblinded(layer.document, user));
    }

    /** The layers of the document the user may read: own first, then others, gold last. Empty for non-members. */
    public List<Layer> visibleLayers(Document document, User user) {
        Optional<Membership> m = user == null ? Optional.empty() : Membership.of(document.project, user);
        if (m.isEmpty()) {
            return List.of();
        }
        List<Layer> all = Layer.list("document = ?1 order by kind, id", document);
        // Computed once for the whole list rather than per layer.
        boolean unblinded = reviewerUnblinded(all, user);
        return all.stream().filter(l -> canSee(l, user, m.get().role, () -> unblinded))
                .sorted((a, b) -> Integer.compare(rank(a, user), rank(b, user))).toList();
    }

    /** Only adjudicators write the gold layer. */
    public boolean canWriteGold(Document document, User user) {
        return user != null && Membership.of(document.project, user)
                .map(m -> m.role == ProjectRole.adjudicator).orElse(false);
    }

    private static boolean canSee(Layer layer, User user, ProjectRole role, java.util.function.BooleanSupplier unblinded) {
        if (isOwn(layer, user) || role == ProjectRole.manager) {
            return true;
        }
        boolean readable = layer.kind == LayerKind.gold || layer.state == LayerState.submitted;
        if (role == ProjectRole.adjudicator) {
            return readable;
        }
        return readable && unblinded.getAsBoolean();
    }

    private static boolean reviewerUnblinded(Document document, User user) {
        return reviewerUnblinded(Layer.list("document", document), user);
    }

    /** The reviewer submitted their own layer and the document is in adjudication. */
    private static boolean reviewerUnblinded(List<Layer> layers, User user) {
        boolean submittedOwn = layers.stream().anyMatch(l -> isOwn(l, user) && l.state == LayerState.submitted);
        boolean inAdjudication = layers.stream().anyMatch(l -> l.kind == LayerKind.gold);
        return submittedOwn && inAdjudication;
    }

    private static boolean isOwn(Layer layer, User user) {
        return layer.kind == LayerKind.reviewer && layer.owner != null && Objects.equals(layer.owner.id, user.id);
    }

    private static int rank(Layer l, User user) {
        return isOwn(l, user) ? 0 : l.kind == LayerKind.gold ? 2 : 1;
    }
}
