package dev.credence.annotation;

import dev.credence.source.Source;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One hop of a claim's attribution chain: who passed it on, how, and how reliable they are here. */
@Entity
@Table(name = "attribution_hop")
public class AttributionHop extends IdEntity {
    @ManyToOne(optional = false)
    public Claim claim;

    /** 0 is the originator. */
    @Column(nullable = false)
    public int position;

    @ManyToOne(optional = false)
    public Source source;

    @ManyToOne
    public Mention mention;

    @ManyToOne
    public Cue cue;

    /** A name from the project's label schema (relations); the defaults are {@link Relation}'s names. */
    @Column(nullable = false, length = 32)
    public String relation;

    /** A..F in this context; null while not graded. */
    @Column(length = 1)
    public String reliability;
}
