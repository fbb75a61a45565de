package dev.credence.document;

import dev.credence.project.Membership;
import dev.credence.project.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

/** Looks a document up by id for the caller: 404 if it does not exist or the caller is not in its project. */
@ApplicationScoped
public class DocumentAccess {
    @Inject
    ProjectAccess projects;

    public Document require(Long documentId) {
        Document d = documentId == null ? null : Document.findById(documentId);
        if (d == null || !projects.isMember(d.project)) {
            throw new NotFoundException("No document " + documentId);
        }
        return d;
    }

    public Membership membership(Document document) {
        return projects.requireMember(document.project);
    }
}
