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
import org.hibernate.Session;
import org.hibernate.annotations.NaturalId;

@Entity
public class Membership extends IdEntity {
    // (project, user) is the natural id (uq_membership): Hibernate answers a second look-up of the same
    // pair within one transaction from the session, without SQL (a claim save checks membership twice).
    @NaturalId
    @ManyToOne(optional = false)
    public Project project;

    @NaturalId
    @ManyToOne(optional = false)
    public User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectRole role;

    public static Optional<Membership> of(Project project, User user) {
        if (project == null || user == null || project.id == null || user.id == null) {
            return Optional.empty();
        }
        Session session = getEntityManager().unwrap(Session.class);
        return session.byNaturalId(Membership.class)
                .using("project", session.getReference(Project.class, project.id))
                .using("user", session.getReference(User.class, user.id))
                .loadOptional();
    }

    public static List<Membership> ofProject(Project project) {
        return list("project = ?1 order by user.username", project);
    }
}
