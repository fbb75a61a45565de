package dev.credence.history;

import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recorded change: who, when, what (entity type and id, in which project and document), and
 * JSON snapshots of the entity before and after. Ids rather than associations, because the log
 * outlives the entities and users it names.
 */
@Entity
@Table(name = "change_log")
public class ChangeLogEntry extends IdEntity {
    @Column(nullable = false)
    public Instant changedAt;

    public Long userId;

    @Column(length = 64)
    public String username;

    public Long projectId;

    public Long documentId;

    @Column(nullable = false, length = 32)
    public String entityType;

    @Column(nullable = false)
    public Long entityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ChangeAction action;

    @Column(name = "before_json", length = 1000000)
    public String before;

    @Column(name = "after_json", length = 1000000)
    public String after;
}
