package dev.credence.exchange;

import dev.credence.account.User;
import dev.credence.project.Project;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A background export (docs/api.md, "Export jobs"): what was asked, how far it is, and where its file
 * is. The row is the truth for every instance; the file lives on the instance named by {@link #node}
 * (or in a directory they share).
 */
@Entity
@Table(name = "export_job")
public class ExportJob extends IdEntity {
    @ManyToOne(optional = false)
    public Project project;

    /** The export holds the layers this user may read, so only they may fetch it. */
    @ManyToOne(optional = false)
    public User requestedBy;

    @Column(nullable = false, length = 32)
    public String format;

    /** The request's parameters as JSON ({"format":"jsonl","layer":"gold"}), as the dataset card shows them. */
    @Column(nullable = false, length = 2000)
    public String parameters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ExportJobState state;

    @Column(nullable = false)
    public int doneDocuments;

    @Column(nullable = false)
    public int totalDocuments;

    /** The download's name (Content-Disposition). */
    @Column(nullable = false, length = 200)
    public String fileName;

    /** Absolute path of the finished file on {@link #node}; null until done and after clean-up. */
    @Column(length = 1000)
    public String filePath;

    public Long fileBytes;

    /** The instance that runs the job and holds its file (credence.instance-id). */
    @Column(nullable = false, length = 200)
    public String node;

    @Column(length = 2000)
    public String error;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant startedAt;

    public Instant finishedAt;

    /** Renewed by the running instance while the job is queued or running; a stale one means it stopped. */
    @Column(nullable = false)
    public Instant heartbeatAt;

    /** The user's recent jobs in the project, newest first. */
    public static List<ExportJob> recent(Project project, User user, int max) {
        return find("project = ?1 and requestedBy = ?2 order by createdAt desc, id desc", project, user)
                .page(0, max).list();
    }
}
