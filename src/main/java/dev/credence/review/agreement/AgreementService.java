package dev.credence.review.agreement;

import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.project.ProjectRole;
import dev.credence.review.agreement.AgreementCalculator.DocumentClaims;
import dev.credence.review.agreement.AgreementCalculator.Judgement;
import dev.credence.source.SourceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agreement between the reviewers of a project. Only <em>submitted reviewer</em>
 * layers count: a layer still in progress may change, and the gold layer is the
 * adjudicated result, not an independent judgement.
 *
 * <p>Three queries whatever the size: the submitted layers (with their document
 * title and owner), their claims' spans and credibility, and the originator hops
 * (hop 0) of those claims. Document texts are never loaded.
 */
@ApplicationScoped
public class AgreementService {
    @Inject
    EntityManager em;
    @Inject
    ProjectAccess access;

    /** The project for a manager or adjudicator: 404 for non-members, 403 for reviewers. */
    public Project requireViewer(Long projectId) {
        Project project = access.requireMember(projectId);
        access.requireRole(project, ProjectRole.manager, ProjectRole.adjudicator);
        return project;
    }

    /** The document id if it belongs to the project; 404 otherwise. */
    public Long requireDocument(Project project, Long documentId) {
        List<Long> found = em.createQuery("select d.id from Document d where d.id = ?1 and d.project = ?2", Long.class)
                .setParameter(1, documentId).setParameter(2, project).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("No document " + documentId + " in project " + project.id);
        }
        return found.get(0);
    }

    /** Agreement over every document of the project, or over one document when {@code documentId} is set. */
    @Transactional
    public AgreementReport report(Project project, Long documentId) {
        String scope = " l.document.project = :project and l.kind = :kind and l.state = :state"
                + (documentId == null ? "" : " and l.document.id = :document");

        TypedQuery<Object[]> layerQuery = em.createQuery("select l.id, l.document.id, l.document.title, o.username"
                + " from Layer l join l.owner o where" + scope + " order by l.document.id, o.username", Object[].class);
        Map<Long, String> ownerOfLayer = new HashMap<>();
        Map<Long, Long> documentOfLayer = new HashMap<>();
        Map<Long, DocumentClaims> documents = new LinkedHashMap<>();
        for (Object[] row : bind(layerQuery, project, documentId).getResultList()) {
            Long layer = (Long) row[0];
            Long doc = (Long) row[1];
            ownerOfLayer.put(layer, (String) row[3]);
            documentOfLayer.put(layer, doc);
            documents.computeIfAbsent(doc, id -> new DocumentClaims(id, (String) row[2], new TreeMap<>()))
                    .byReviewer().put((String) row[3], new ArrayList<>());
        }
        if (documents.isEmpty()) {
            return AgreementCalculator.compute(project.id, documentId, List.of());
        }

        Map<Long, Object[]> originators = new HashMap<>();
        TypedQuery<Object[]> hopQuery = em.createQuery("select h.claim.id, s.type, h.relation, h.reliability"
                + " from AttributionHop h join h.source s join h.claim c join c.layer l"
                + " where h.position = 0 and" + scope, Object[].class);
        for (Object[] row : bind(hopQuery, project, documentId).getResultList()) {
            originators.put((Long) row[0], row);
        }

        TypedQuery<Object[]> claimQuery = em.createQuery("select c.id, l.id, c.start, c.end, c.credibility"
                + " from Claim c join c.layer l where c.orphaned = false and" + scope + " order by l.id, c.start, c.end, c.id",
                Object[].class);
        for (Object[] row : bind(claimQuery, project, documentId).getResultList()) {
            Long layer = (Long) row[1];
            Object[] hop = originators.get((Long) row[0]);
            Judgement j = new Judgement((Integer) row[2], (Integer) row[3], (Integer) row[4],
                    hop == null ? null : (String) hop[3],
                    hop == null ? null : (SourceType) hop[1],
                    hop == null ? null : (String) hop[2]);
            documents.get(documentOfLayer.get(layer)).byReviewer().get(ownerOfLayer.get(layer)).add(j);
        }
        return AgreementCalculator.compute(project.id, documentId, new ArrayList<>(documents.values()));
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Project project, Long documentId) {
        query.setParameter("project", project)
                .setParameter("kind", LayerKind.reviewer)
                .setParameter("state", LayerState.submitted);
        if (documentId != null) {
            query.setParameter("document", documentId);
        }
        return query;
    }
}
