package dev.credence.project;

import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may do what in a project. A project the caller does not belong to answers
 * 404, never 403, so that ids of other teams' projects do not leak.
 */
@ApplicationScoped
public class ProjectAccess {
    @Inject
    CurrentUser currentUser;

    /** The project if the caller is a member (any role); 404 otherwise. */
    public Project requireMember(Long projectId) {
        Project project = projectId == null ? null : Project.findById(projectId);
        if (project == null || membership(project).isEmpty()) {
            throw new NotFoundException("No project " + projectId);
        }
        return project;
    }

    /** Member check for an already loaded project (e.g. reached through a document); 404 otherwise. */
    public Membership requireMember(Project project) {
        return membership(project).orElseThrow(() -> new NotFoundException("Not found"));
    }

    /** The caller's membership must have one of these roles: 404 if not a member, 403 if the role is wrong. */
    public Membership requireRole(Project project, ProjectRole first, ProjectRole... rest) {
        Membership m = requireMember(project);
        Set<ProjectRole> allowed = EnumSet.of(first, rest);
        if (!allowed.contains(m.role)) {
            throw new ForbiddenException("Needs role " + allowed + " in project " + project.id);
        }
        return m;
    }

    public Project requireManager(Long projectId) {
        Project project = requireMember(projectId);
        requireRole(project, ProjectRole.manager);
        return project;
    }

    public java.util.Optional<Membership> membership(Project project) {
        return Membership.of(project, currentUser.get());
    }

    public boolean isMember(Project project) {
        return membership(project).isPresent();
    }

    /** Projects the caller belongs to, newest first. */
    public List<Project> myProjects() {
        User me = currentUser.get();
        return Project.list("select m.project from Membership m where m.user = ?1 order by m.project.createdAt desc", me);
    }
}
