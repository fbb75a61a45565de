package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.project.Membership;
import dev.credence.project.ProjectRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may read which layer: the one rule, for every page, API route, export, comment thread, history
 * view and registry listing (documented once, in docs/review-workflow.md, "Who sees which layer").
 * <ul>
 * <li>a non-member sees nothing (callers answer 404);</li>
 * <li>managers and adjudicators of the project see every layer, in every state;</li>
 * <li>everyone sees their own reviewer layer;</li>
 * <li>a reviewer sees another reviewer's layer only when that layer is submitted, and the gold layer, and
 * both only once their own layer on the document is submitted <em>and</em> the document is in adjudication
 * (a gold layer exists). Reopening their own layer hides them again. Review stays blind: nothing of a
 * layer that is still being worked on is ever shown to another reviewer.</li>
 * </ul>
 * Here in {@code annotation}, next to {@link Layer}, so every feature above it may use it. Two forms of the
 * same rule: {@link #canSee} for a loaded layer and {@link #jpql}/{@link #bind} for queries over many.
 * Writing gold is for adjudicators only ({@link #canWriteGold}).
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
        if (seesEverything(m.get().role) || isOwn(layer, user)) {
            return true;
        }
        return readable(layer) && reviewerUnblinded(Layer.list("document", layer.document), user);
    }

    /** The layers of the document the user may read: own first, then others, gold last. Empty for non-members. */
    public List<Layer> visibleLayers(Document document, User user) {
        Optional<Membership> m = user == null ? Optional.empty() : Membership.of(document.project, user);
        if (m.isEmpty()) {
            return List.of();
        }
        List<Layer> all = Layer.list("document = ?1 order by kind, id", document);
        boolean everything = seesEverything(m.get().role);
        boolean unblinded = reviewerUnblinded(all, user);
        return all.stream().filter(l -> everything || isOwn(l, user) || (readable(l) && unblinded))
                .sorted((a, b) -> Integer.compare(rank(a, user), rank(b, user))).toList();
    }

    /**
     * The rule as a JPQL condition on the layer alias {@code a}, for the viewer bound by {@link #bind}: true when
     * the viewer may read that layer. Parameter names start with {@code v} so they do not meet the caller's.
     */
    public static String jpql(String a) {
        return "exists (select vm.id from Membership vm where vm.project = " + a + ".document.project"
                + " and vm.user.id = :vViewer and (vm.role <> :vRole"
                + " or (" + a + ".kind = :vReviewer and " + a + ".owner.id = :vViewer)"
                + " or ((" + a + ".kind = :vGold or " + a + ".state = :vSubmitted)"
                + " and exists (select vo.id from Layer vo where vo.document = " + a + ".document and vo.kind = :vReviewer"
                + " and vo.owner.id = :vViewer and vo.state = :vSubmitted)"
                + " and exists (select vg.id from Layer vg where vg.document = " + a + ".document and vg.kind = :vGold))))";
    }

    /** Binds the parameters of {@link #jpql} for the viewer with this user id. */
    public static <Q extends Query> Q bind(Q query, Long viewerId) {
        query.setParameter("vViewer", viewerId).setParameter("vRole", ProjectRole.reviewer)
                .setParameter("vReviewer", LayerKind.reviewer).setParameter("vGold", LayerKind.gold)
                .setParameter("vSubmitted", LayerState.submitted);
        return query;
    }

    /** Only adjudicators write the gold layer. */
    public boolean canWriteGold(Document document, User user) {
        return user != null && Membership.of(document.project, user)
                .map(m -> m.role == ProjectRole.adjudicator).orElse(false);
    }

    private static boolean seesEverything(ProjectRole role) {
        return role == ProjectRole.manager || role == ProjectRole.adjudicator;
    }

    private static boolean readable(Layer layer) {
        return layer.kind == LayerKind.gold || layer.state == LayerState.submitted;
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
