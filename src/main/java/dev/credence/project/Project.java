package dev.credence.project;

import dev.credence.account.User;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A workspace: documents, members, guidelines. */
@Entity
public class Project extends IdEntity {
    @NotBlank
    @Size(max = 200)
    @Column(nullable = false)
    public String name;

    @Size(max = 2000)
    public String description;

    /** Markdown; rendered with raw HTML escaped. */
    @Size(max = 100000)
    @Column(length = 100000)
    public String guidelines;

    @Min(1)
    @Max(10)
    @Column(name = "reviewers_per_document", nullable = false)
    public int reviewersPerDocument = 2;

    @ManyToOne
    public User createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
