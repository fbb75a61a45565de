package dev.credence.source;

import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "source_alias")
public class SourceAlias extends IdEntity {
    @ManyToOne(optional = false)
    public Source source;

    @Column(nullable = false, length = 300)
    public String alias;
}
