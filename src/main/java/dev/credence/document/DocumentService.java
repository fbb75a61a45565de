package dev.credence.document;

import dev.credence.account.User;
import dev.credence.history.ChangeAction;
import dev.credence.history.HistoryService;
import dev.credence.project.Project;
import dev.credence.web.ConflictException;
import dev.credence.web.UnprocessableException;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Imports articles into a project: all of a batch, or nothing. */
@ApplicationScoped
public class DocumentService {
    @Inject
    HistoryService history;

    /** Bound on the SQL IN list when looking up existing hashes. */
    private static final int LOOKUP_CHUNK = 500;

    /**
     * Validates every article first (nothing is written if one is bad), then stores those
     * whose normalized text the project does not hold yet. An article seen before, in the
     * project or earlier in the same batch, is reported as a duplicate, not stored twice.
     */
    @Transactional
    public ImportResult importAll(Project project, User user, List<ArticleInput> articles) {
        if (articles.isEmpty()) {
            throw new UnprocessableException("No article to import");
        }
        List<Document> prepared = articles.stream().map(ArticleValidator::toDocument).toList();

        Project managedProject = Project.findById(project.id);
        User creator = user == null ? null : User.findById(user.id);
        Map<String, Long> known = existingIds(managedProject, prepared.stream().map(d -> d.textSha256).toList());
        Instant now = Instant.now();
        List<Document> imported = new ArrayList<>();
        List<ImportResult.Duplicate> duplicates = new ArrayList<>();
        try {
            for (int i = 0; i < prepared.size(); i++) {
                Document d = prepared.get(i);
                Long existing = known.get(d.textSha256);
                if (existing != null) {
                    duplicates.add(new ImportResult.Duplicate(articles.get(i), d.title, existing));
                    continue;
                }
                d.project = managedProject;
                d.createdBy = creator;
                d.createdAt = now;
                d.persist();
                // An import is a write like any other: one history entry per document, in this transaction (also the
                // change marker other instances' search indexes follow).
                history.record(creator, managedProject.id, d.id, HistoryService.DOCUMENT, d.id, ChangeAction.create, null,
                        snapshot(d));
                known.put(d.textSha256, d.id);
                imported.add(d);
            }
            Document.flush();
        } catch (PersistenceException e) {
            if (!isConstraintViolation(e)) {
                throw e;
            }
            // Only a concurrent import of the same text gets here: the lookup above saw no row.
            throw new ConflictException("Another import of the same text ran at the same time; nothing was imported, "
                    + "please try again");
        }
        return new ImportResult(imported, duplicates);
    }

    /** The fields a manager may change after import; the text has its own route (revisions). */
    public static final List<String> EDITABLE = List.of("title", "url", "publisher", "publishedAt");

    /**
     * Changes some of a document's title, URL, publisher and date. {@code changes} holds only the fields to
     * change (a null value clears an optional field); they are validated as at import, the merged result as a
     * whole, and the change is recorded in the history. An unknown field or the text is a 422 naming it.
     */
    @Transactional
    public Document update(Long documentId, Map<String, ?> changes) {
        Document d = Document.findById(documentId);
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            if (!EDITABLE.contains(e.getKey())) {
                throw new UnprocessableException(e.getKey() + ": " + ("text".equals(e.getKey())
                        ? "the text is changed with PUT /api/v1/documents/{id}/text, not here"
                        : "unknown field; editable are " + String.join(", ", EDITABLE)));
            }
            if (e.getValue() != null && !(e.getValue() instanceof String)) {
                throw new UnprocessableException(e.getKey() + ": expected a string or null");
            }
        }
        Map<String, Object> before = snapshot(d);
        String title = changes.containsKey("title") ? (String) changes.get("title") : d.title;
        String url = changes.containsKey("url") ? (String) changes.get("url") : d.url;
        String publisher = changes.containsKey("publisher") ? (String) changes.get("publisher") : d.publisher;
        String published = changes.containsKey("publishedAt") ? (String) changes.get("publishedAt")
                : d.publishedAt == null ? null : d.publishedAt.toString();
        // the same checks as an import; the text is the stored one and stays as it is
        Document checked = ArticleValidator.toDocument(ArticleInput.of(title, url, publisher, published, d.text));
        d.title = checked.title;
        d.url = checked.url;
        d.publisher = checked.publisher;
        d.publishedAt = checked.publishedAt;
        Map<String, Object> after = snapshot(d);
        if (!before.equals(after)) {
            history.record(null, d.project.id, d.id, HistoryService.DOCUMENT, d.id, ChangeAction.update, before, after);
        }
        return d;
    }

    /**
     * Deletes a document with everything annotated on it (layers, claims, hops, mentions, cues, comments,
     * revisions: the foreign keys cascade). Sources in the project's registry stay. Recorded in the history
     * with the document's fields and how many claims went with it.
     */
    @Transactional
    public void delete(Long documentId) {
        Document d = Document.findById(documentId);
        Map<String, Object> before = snapshot(d);
        before.put("claims", Document.getEntityManager().createQuery(
                "select count(c) from Claim c where c.layer.document.id = ?1", Long.class)
                .setParameter(1, d.id).getSingleResult());
        history.record(null, d.project.id, d.id, HistoryService.DOCUMENT, d.id, ChangeAction.delete, before, null);
        Long id = d.id;
        Document.getEntityManager().detach(d);
        Document.delete("id", id);
    }

    private static Map<String, Object> snapshot(Document d) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("title", d.title);
        m.put("url", d.url);
        m.put("publisher", d.publisher);
        m.put("publishedAt", d.publishedAt == null ? null : d.publishedAt.toString());
        return m;
    }

    /** A page of the project's documents, newest first. */
    public List<Document> page(Project project, int page, int size) {
        return Document.find("project = ?1 order by createdAt desc, id desc", project).page(Page.of(page, size)).list();
    }

    public long count(Project project) {
        return Document.count("project = ?1", project);
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Long> existingIds(Project project, List<String> hashes) {
        Map<String, Long> ids = new HashMap<>();
        List<String> distinct = hashes.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK));
            List<Object[]> rows = Document.getEntityManager().createQuery(
                    "select d.textSha256, d.id from Document d where d.project = ?1 and d.textSha256 in ?2",
                    Object[].class).setParameter(1, project).setParameter(2, chunk).getResultList();
            for (Object[] row : rows) {
                ids.put((String) row[0], (Long) row[1]);
            }
        }
        return ids;
    }
}
