package dev.credence.source;

import dev.credence.account.User;
import dev.credence.project.Project;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What projects say about a source: reliability grades, appended and never changed, each visible to the members of
 * the project that gave it.
 */
@ApplicationScoped
public class SourceGrades {
    /** The grade {@code g} belongs to a project of user {@code :me}. */
    static final String GRADE_VISIBLE = "exists (select m.id from Membership m where m.project = g.project and m.user = :me)";

    @Inject
    EntityManager em;
    @Inject
    SourceHistory history;

    /** Validates a reliability grade: null/blank stays null, otherwise one of A–F (case-insensitive); 422 else. */
    public static String reliability(String grade) {
        if (grade == null || grade.isBlank()) {
            return null;
        }
        String g = grade.strip().toUpperCase(Locale.ROOT);
        if (Reliability.of(g) == null) {
            throw new UnprocessableException("reliability: '" + grade + "' is not one of A, B, C, D, E, F");
        }
        return g;
    }

    /** Reliability history of a source in the viewer's projects, newest first. */
    public List<SourceGrade> grades(Source s, User viewer) {
        return em.createQuery("select g from SourceGrade g join fetch g.project join fetch g.gradedBy"
                + " where g.source = :s and " + GRADE_VISIBLE + " order by g.gradedAt desc, g.id desc", SourceGrade.class)
                .setParameter("s", s).setParameter("me", viewer).getResultList();
    }

    /**
     * Appends a reliability grade; never changes an earlier one. The caller must have checked membership
     * of {@code project}. 422 if the grade is not A–F or the rationale too long.
     */
    @Transactional
    public SourceGrade addGrade(Source source, Project project, String grade, String rationale, User by) {
        String g = reliability(grade);
        if (g == null) {
            throw new UnprocessableException("grade: required, one of A, B, C, D, E, F");
        }
        SourceGrade sg = new SourceGrade();
        sg.source = Source.findById(source.id);
        sg.project = Project.findById(project.id);
        sg.grade = g;
        sg.rationale = SourceInput.optional("rationale", rationale, 4000);
        sg.gradedBy = User.findById(by.id);
        sg.gradedAt = Instant.now();
        sg.persist();
        history.grade(sg);
        return sg;
    }
}
