package dev.credence.review.progress;

import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.document.Document;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The numbers behind the manager dashboard: progress per reviewer, documents by state, claims per reviewer. */
@ApplicationScoped
public class ReviewProgress {
    /** Documents listed in the dashboard table (oldest first); the counts cover all of them. */
    static final int TABLE_ROWS = 200;

    /** A document's place in the workflow, in order. */
    public enum DocumentState {
        unassigned("unassigned"), assigned("assigned"), in_progress("in progress"),
        submitted_by_all("submitted by all"), adjudicated("adjudicated");

        public final String label;

        DocumentState(String label) {
            this.label = label;
        }

        public String getLabel() {
            return label;
        }
    }

    public record Assignee(String username, String displayName, LayerState state, boolean untouched) {
        public String stateLabel() {
            return state.name().replace('_', ' ');
        }
    }

    public record DocumentRow(Document document, DocumentState state, List<Assignee> assignees) {
    }

    public record StateCount(DocumentState state, long count) {
    }

    public record ReviewerProgress(String username, String displayName, String role, long assigned, long submitted,
            long claims) {
        public long percent() {
            return assigned == 0 ? 0 : Math.round(100.0 * submitted / assigned);
        }
    }

    /** {@code submitted}: submitted reviews, at most reviewersPerDocument per document; {@code reviewed}: documents with one. */
    public record Dashboard(Project project, long documents, long slots, long submitted, long reviewed,
            List<StateCount> byState,
            List<ReviewerProgress> reviewers, List<DocumentRow> rows, List<Membership> members) {
        /** Submitted reviewer layers over the slots the project needs, capped at 100. */
        public long percent() {
            return slots == 0 ? 0 : Math.min(100, Math.round(100.0 * submitted / slots));
        }

        public long shownSubmitted() {
            return Math.min(submitted, slots);
        }

        public boolean truncated() {
            return documents > rows.size();
        }
    }

    record LayerRow(Long documentId, Long ownerId, String username, String displayName, LayerKind kind,
            LayerState state) {
    }

    @Inject
    EntityManager em;

    public Dashboard dashboard(Project project) {
        List<LayerRow> layers = em.createQuery("""
                select d.id, o.id, o.username, o.displayName, l.kind, l.state
                from Layer l join l.document d left join l.owner o where d.project = ?1""", Object[].class)
                .setParameter(1, project).getResultStream()
                .map(r -> new LayerRow((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (LayerKind) r[4],
                        (LayerState) r[5]))
                .toList();
        Map<Long, Long> claimsByOwner = new HashMap<>();
        Map<String, Long> annotatedLayers = new HashMap<>();
        for (Object[] r : em.createQuery("""
                select o.id, d.id, count(c) from Claim c join c.layer l join l.owner o join l.document d
                where d.project = ?1 and l.kind = ?2 group by o.id, d.id""", Object[].class)
                .setParameter(1, project).setParameter(2, LayerKind.reviewer).getResultList()) {
            claimsByOwner.merge((Long) r[0], (Long) r[2], Long::sum);
            annotatedLayers.put(r[0] + ":" + r[1], (Long) r[2]);
        }
        Map<Long, List<LayerRow>> byDocument = new HashMap<>();
        layers.forEach(l -> byDocument.computeIfAbsent(l.documentId(), k -> new ArrayList<>()).add(l));

        long documents = Document.count("project", project);
        Map<DocumentState, Long> states = new LinkedHashMap<>();
        for (DocumentState s : DocumentState.values()) {
            states.put(s, 0L);
        }
        long withLayers = 0;
        for (Map.Entry<Long, List<LayerRow>> e : byDocument.entrySet()) {
            states.merge(stateOf(e.getValue(), project.reviewersPerDocument), 1L, Long::sum);
            withLayers++;
        }
        states.merge(DocumentState.unassigned, documents - withLayers, Long::sum);

        List<Membership> members = Membership.ofProject(project);
        List<ReviewerProgress> reviewers = new ArrayList<>();
        for (Membership m : members) {
            long assigned = layers.stream().filter(l -> l.kind() == LayerKind.reviewer && m.user.id.equals(l.ownerId()))
                    .count();
            long submitted = layers.stream().filter(l -> l.kind() == LayerKind.reviewer
                    && m.user.id.equals(l.ownerId()) && l.state() == LayerState.submitted).count();
            if (assigned > 0 || m.role == dev.credence.project.ProjectRole.reviewer) {
                reviewers.add(new ReviewerProgress(m.user.username, m.user.displayName, m.role.name(), assigned,
                        submitted, claimsByOwner.getOrDefault(m.user.id, 0L)));
            }
        }
        // A document counts at most reviewersPerDocument submitted reviews: a third reviewer on one document
        // must not make up for another document nobody reviewed (that read 75 % with half the documents empty).
        long submittedLayers = 0;
        long documentsReviewed = 0;
        for (List<LayerRow> own : byDocument.values()) {
            long n = own.stream().filter(l -> l.kind() == LayerKind.reviewer && l.state() == LayerState.submitted)
                    .count();
            submittedLayers += Math.min(n, project.reviewersPerDocument);
            if (n > 0) {
                documentsReviewed++;
            }
        }

        List<DocumentRow> rows = new ArrayList<>();
        for (Document d : Document.<Document>find("project = ?1 order by createdAt, id", project).range(0, TABLE_ROWS - 1)
                .list()) {
            List<LayerRow> own = byDocument.getOrDefault(d.id, List.of());
            List<Assignee> assignees = own.stream().filter(l -> l.kind() == LayerKind.reviewer)
                    .map(l -> new Assignee(l.username(), l.displayName(), l.state(),
                            !annotatedLayers.containsKey(l.ownerId() + ":" + d.id)))
                    .sorted((a, b) -> a.username().compareTo(b.username())).toList();
            rows.add(new DocumentRow(d, stateOf(own, project.reviewersPerDocument), assignees));
        }
        List<StateCount> byState = states.entrySet().stream().map(e -> new StateCount(e.getKey(), e.getValue()))
                .toList();
        return new Dashboard(project, documents, documents * project.reviewersPerDocument, submittedLayers,
                documentsReviewed, byState, reviewers, rows, members);
    }

    static DocumentState stateOf(List<LayerRow> layers, int reviewersPerDocument) {
        if (layers.stream().anyMatch(l -> l.kind() == LayerKind.gold && l.state() == LayerState.submitted)) {
            return DocumentState.adjudicated;
        }
        List<LayerRow> reviewers = layers.stream().filter(l -> l.kind() == LayerKind.reviewer).toList();
        if (reviewers.isEmpty()) {
            return DocumentState.unassigned;
        }
        if (reviewers.size() >= reviewersPerDocument
                && reviewers.stream().allMatch(l -> l.state() == LayerState.submitted)) {
            return DocumentState.submitted_by_all;
        }
        if (reviewers.stream().anyMatch(l -> l.state() != LayerState.assigned)) {
            return DocumentState.in_progress;
        }
        return DocumentState.assigned;
    }
}
