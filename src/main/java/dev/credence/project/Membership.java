package dev.credence.project;

import dev.credence.account.User;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import java.util.List;
import java.util.Optional;

@Entity
public class Membership extends IdEntity {
    @ManyToOne(optional = false)
    public Project project;

    @ManyToOne(optional = false)
    public User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectRole role;

    /** The user's membership in the project; remembered for the rest of the request (MembershipMemo). */
    public static Optional<Membership> of(Project project, User user) {
        MembershipMemo memo = project == null || project.id == null || user == null || user.id == null ? null
                : MembershipMemo.current();
        if (memo != null) {
            Membership known = memo.get(project.id, user.id);
            if (known != null && getEntityManager().contains(known)) {
                return Optional.of(known);
            }
        }
        Optional<Membership> m = find("project = ?1 and user = ?2", project, user).firstResultOptional();
        if (memo != null) {
            m.ifPresent(memo::put);
        }
        return m;
    }

    public static List<Membership> ofProject(Project project) {
        return list("project = ?1 order by user.username", project);
    }
}
