package dev.credence.source;

import dev.credence.account.User;
import dev.credence.project.Project;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a source's reliability history, inside one project. Append-only. */
@Entity
@Table(name = "source_grade")
public class SourceGrade extends IdEntity {
    @ManyToOne(optional = false)
    public Source source;

    @ManyToOne(optional = false)
    public Project project;

    /** A..F (Admiralty reliability). */
    @Column(nullable = false, length = 1)
    public String grade;

    @Column(length = 4000)
    public String rationale;

    @ManyToOne(optional = false)
    public User gradedBy;

    @Column(name = "graded_at", nullable = false)
    public Instant gradedAt;
}
