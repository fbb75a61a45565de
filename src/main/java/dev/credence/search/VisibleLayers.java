package dev.credence.search;

import dev.credence.account.User;
import dev.credence.annotation.LayerVisibility;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.project.ProjectRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The layers of a project whose claims a search may return to the caller, as a Lucene filter, by the one
 * rule ({@link LayerVisibility#jpql}). Read from the database at every search, so a layer that was just
 * submitted or reopened is shown or hidden at once, whatever the index holds.
 */
@ApplicationScoped
public class VisibleLayers {
    @Inject
    EntityManager em;

    /** Empty when the caller sees every layer of the project (manager, adjudicator). */
    public Optional<Query> filter(Project project, User user) {
        Optional<Membership> m = Membership.of(project, user);
        if (m.isPresent() && m.get().role != ProjectRole.reviewer) {
            return Optional.empty();
        }
        List<Long> ids = LayerVisibility.bind(em.createQuery("select a.id from Layer a where a.document.project.id = :p and "
                + LayerVisibility.jpql("a"), Long.class), user.id).setParameter("p", project.id).getResultList();
        return Optional.of(new TermInSetQuery(Fields.LAYER,
                ids.stream().map(id -> new BytesRef(String.valueOf(id))).toList()));
    }
}
