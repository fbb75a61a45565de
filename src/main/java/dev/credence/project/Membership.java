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

    public static Optional<Membership> of(Project project, User user) {
        return find("project = ?1 and user = ?2", project, user).firstResultOptional();
    }

    public static List<Membership> ofProject(Project project) {
        return list("project = ?1 order by user.username", project);
    }
}
