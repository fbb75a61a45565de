package dev.credence.source;

import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One name or alias of a source, by its {@link SourceNames#key key}. The unique constraint on
 * {@code name_key} is what makes "a name or alias names at most one source" true in the database,
 * across names and aliases and across concurrent writers. Maintained by {@link SourceService} only.
 */
@Entity
@Table(name = "source_key")
public class SourceKey extends IdEntity {
    @ManyToOne(optional = false)
    public Source source;

    @Column(name = "name_key", nullable = false, length = SourceNames.MAX_KEY)
    public String nameKey;
}
