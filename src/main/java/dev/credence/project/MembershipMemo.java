package dev.credence.project;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * The memberships one request has found, by project and user: a claim save checks the caller's
 * membership in the document's project twice (the route's access check, then the service's own),
 * which would be two queries. Only found memberships are remembered, and only while they belong to the
 * current persistence context ({@link Membership#of}); a removed membership is forgotten
 * ({@link ProjectService#removeMember}), so a check after the removal queries again.
 */
@RequestScoped
@Unremovable
public class MembershipMemo {
    private final Map<Key, Membership> found = new HashMap<>();

    private record Key(long projectId, long userId) {
    }

    /** The memo of the current request, or null outside a request (background jobs, start-up). */
    static MembershipMemo current() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return null;
        }
        return arc.instance(MembershipMemo.class).get();
    }

    Membership get(long projectId, long userId) {
        return found.get(new Key(projectId, userId));
    }

    void put(Membership m) {
        found.put(new Key(m.project.id, m.user.id), m);
    }

    void forget(long projectId, long userId) {
        found.remove(new Key(projectId, userId));
    }
}
