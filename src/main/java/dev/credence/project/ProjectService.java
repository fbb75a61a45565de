package dev.credence.project;

import dev.credence.account.User;
import dev.credence.web.ConflictException;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

@ApplicationScoped
public class ProjectService {

    /** Creates a project; its creator becomes its manager. */
    @Transactional
    public Project create(User creator, String name, String description, String guidelines) {
        Project p = new Project();
        apply(p, name, description, guidelines);
        p.createdBy = User.findById(creator.id);
        p.createdAt = Instant.now();
        p.persist();
        Membership m = new Membership();
        m.project = p;
        m.user = p.createdBy;
        m.role = ProjectRole.manager;
        m.persist();
        return p;
    }

    @Transactional
    public Project update(Long projectId, String name, String description, String guidelines, Integer reviewersPerDocument) {
        Project p = Project.findById(projectId);
        apply(p, name, description, guidelines);
        if (reviewersPerDocument != null) {
            if (reviewersPerDocument < 1 || reviewersPerDocument > 10) {
                throw new UnprocessableException("reviewersPerDocument: between 1 and 10");
            }
            p.reviewersPerDocument = reviewersPerDocument;
        }
        return p;
    }

    private static void apply(Project p, String name, String description, String guidelines) {
        if (name == null || name.isBlank()) {
            throw new UnprocessableException("name: required");
        }
        if (name.length() > 200) {
            throw new UnprocessableException("name: at most 200 characters");
        }
        if (description != null && description.length() > 2000) {
            throw new UnprocessableException("description: at most 2000 characters");
        }
        if (guidelines != null && guidelines.length() > 100000) {
            throw new UnprocessableException("guidelines: at most 100000 characters");
        }
        p.name = name.trim();
        p.description = blankToNull(description);
        p.guidelines = blankToNull(guidelines);
    }

    /** Adds a member or changes their role. 404 for an unknown user, 422 for an unknown role. */
    @Transactional
    public Membership setMember(Project project, String username, String roleName) {
        ProjectRole role = ProjectRole.parse(roleName);
        if (role == null) {
            throw new UnprocessableException("role: one of manager, reviewer, adjudicator");
        }
        User user = User.findByUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> new UnprocessableException("username: no user '" + username + "'"));
        Project managed = Project.findById(project.id);
        Membership m = Membership.of(managed, user).orElseGet(() -> {
            Membership fresh = new Membership();
            fresh.project = managed;
            fresh.user = user;
            return fresh;
        });
        if (m.role == ProjectRole.manager && role != ProjectRole.manager
                && Membership.count("project = ?1 and role = ?2", managed, ProjectRole.manager) == 1) {
            throw new ConflictException("A project keeps at least one manager");
        }
        m.role = role;
        m.persist();
        return m;
    }

    @Transactional
    public void removeMember(Project project, Long userId) {
        Membership m = Membership.find("project.id = ?1 and user.id = ?2", project.id, userId).firstResult();
        if (m == null) {
            throw new jakarta.ws.rs.NotFoundException("No such member");
        }
        if (m.role == ProjectRole.manager && Membership.count("project.id = ?1 and role = ?2", project.id, ProjectRole.manager) == 1) {
            throw new ConflictException("A project keeps at least one manager");
        }
        m.delete();
        MembershipMemo memo = MembershipMemo.current();
        if (memo != null) {
            memo.forget(project.id, userId);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
