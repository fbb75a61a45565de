package dev.credence.document;

import dev.credence.account.User;
import dev.credence.project.Project;
import dev.credence.web.ConflictException;
import dev.credence.web.UnprocessableException;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
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
