package dev.credence.review.progress;

import dev.credence.account.User;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.document.Document;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.review.assignment.AssignmentService;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The project's documents as a manager sorts them out: each with its workflow state and assignees, filtered by
 * state and assignee, sorted by date, title or state, and assigned many at once. Reads two queries (documents,
 * layers) for the whole project and filters in memory: fine for the thousands of documents a project holds;
 * the page shows {@link #PAGE_SIZE} at a time.
 */
@ApplicationScoped
public class DocumentWorklist {
    public static final int PAGE_SIZE = 100;
    /** Most documents one bulk assignment takes (one request, one transaction). */
    public static final int MAX_BULK = 500;

    public enum Sort { date, date_desc, title, state, added }

    /**
     * {@code state} null = any; {@code assignee} null = anyone, "-" = nobody assigned; {@code from}/{@code to}
     * (inclusive, null = open) bound the published date, and an undated document matches only when both are null.
     */
    public record Filter(ReviewProgress.DocumentState state, String assignee, Sort sort, LocalDate from, LocalDate to) {
    }

    public record Row(Long id, String title, String publisher, LocalDate publishedAt, ReviewProgress.DocumentState state,
            List<String> assignees) {
        public String stateLabel() {
            return state.label;
        }
    }

    public record Outcome(List<Long> assigned, List<Long> skipped) {
    }

    @Inject
    EntityManager em;
    @Inject
    AssignmentService assignments;

    public static Filter filter(String state, String assignee, String sort) {
        return filter(state, assignee, sort, null, null);
    }

    public static Filter filter(String state, String assignee, String sort, String from, String to) {
        ReviewProgress.DocumentState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = ReviewProgress.DocumentState.valueOf(state.strip());
            } catch (IllegalArgumentException e) {
                throw new UnprocessableException("state: one of unassigned, assigned, in_progress, submitted_by_all,"
                        + " adjudicated (got '" + state + "')");
            }
        }
        Sort o = Sort.added;
        if (sort != null && !sort.isBlank()) {
            try {
                o = Sort.valueOf(sort.strip());
            } catch (IllegalArgumentException e) {
                throw new UnprocessableException("sort: one of date, date_desc, title, state, added (got '" + sort + "')");
            }
        }
        String a = assignee == null ? null : assignee.strip();
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (f != null && t != null && t.isBefore(f)) {
            throw new UnprocessableException("to: " + t + " is before from " + f);
        }
        return new Filter(s, a == null || a.isEmpty() ? null : a, o, f, t);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new UnprocessableException(field + ": a date as YYYY-MM-DD (got '" + value + "')");
        }
    }

    public List<Row> rows(Project project, Filter filter) {
        Map<Long, List<ReviewProgress.LayerRow>> layers = new HashMap<>();
        for (Object[] r : em.createQuery("""
                select d.id, o.id, o.username, o.displayName, l.kind, l.state
                from Layer l join l.document d left join l.owner o where d.project = ?1""", Object[].class)
                .setParameter(1, project).getResultList()) {
            layers.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new ReviewProgress.LayerRow((Long) r[0],
                    (Long) r[1], (String) r[2], (String) r[3], (LayerKind) r[4], (LayerState) r[5]));
        }
        List<Row> out = new ArrayList<>();
        for (Object[] r : em.createQuery("select d.id, d.title, d.publisher, d.publishedAt from Document d"
                + " where d.project = ?1 order by d.createdAt, d.id", Object[].class).setParameter(1, project)
                .getResultList()) {
            List<ReviewProgress.LayerRow> own = layers.getOrDefault((Long) r[0], List.of());
            List<String> assignees = own.stream().filter(l -> l.kind() == LayerKind.reviewer)
                    .map(ReviewProgress.LayerRow::username).sorted().toList();
            ReviewProgress.DocumentState state = ReviewProgress.stateOf(own, project.reviewersPerDocument);
            if (filter.state() != null && filter.state() != state) {
                continue;
            }
            if (filter.assignee() != null && (filter.assignee().equals("-") ? !assignees.isEmpty()
                    : !assignees.contains(filter.assignee()))) {
                continue;
            }
            LocalDate published = (LocalDate) r[3];
            if ((filter.from() != null || filter.to() != null) && (published == null
                    || (filter.from() != null && published.isBefore(filter.from()))
                    || (filter.to() != null && published.isAfter(filter.to())))) {
                continue;
            }
            out.add(new Row((Long) r[0], (String) r[1], (String) r[2], published, state, assignees));
        }
        Comparator<Row> byDate = Comparator.comparing(Row::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()));
        switch (filter.sort()) {
            case date -> out.sort(byDate);
            case date_desc -> out.sort(Comparator.comparing(Row::publishedAt,
                    Comparator.nullsLast(Comparator.reverseOrder())));
            case title -> out.sort(Comparator.comparing(r -> r.title().toLowerCase(Locale.ROOT)));
            case state -> out.sort(Comparator.comparing(Row::state));
            default -> { }
        }
        return out;
    }

    /**
     * Assigns every listed document of the project to the member, in one transaction. Documents the member
     * already has are skipped (reported), not errors. 404 if any id is not a document of this project, 422 for a
     * non-member or an empty or oversized list: then nothing is written.
     */
    @Transactional
    public Outcome assign(Project project, List<Long> documentIds, String username) {
        Set<Long> ids = new LinkedHashSet<>(documentIds == null ? List.of() : documentIds);
        ids.remove(null);
        if (ids.isEmpty()) {
            throw new UnprocessableException("documents: select at least one document");
        }
        if (ids.size() > MAX_BULK) {
            throw new UnprocessableException("documents: at most " + MAX_BULK + " at once (got " + ids.size() + ")");
        }
        User user = username == null || username.isBlank() ? null : User.findByUsername(username.strip()).orElse(null);
        if (user == null || Membership.of(project, user).isEmpty()) {
            throw new UnprocessableException("username: '" + username + "' is not a member of this project");
        }
        List<Document> docs = Document.list("project.id = ?1 and id in ?2", project.id, ids);
        if (docs.size() != ids.size()) {
            Set<Long> missing = new LinkedHashSet<>(ids);
            docs.forEach(d -> missing.remove(d.id));
            throw new NotFoundException("No document " + missing.iterator().next() + " in project " + project.id);
        }
        List<Long> assigned = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        for (Long id : ids) {
            Document d = docs.stream().filter(x -> x.id.equals(id)).findFirst().orElseThrow();
            if (Layer.ofReviewer(d, user).isPresent()) {
                skipped.add(id);
            } else {
                assignments.assign(d, user.username);
                assigned.add(id);
            }
        }
        return new Outcome(assigned, skipped);
    }
}
