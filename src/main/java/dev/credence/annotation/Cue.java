package dev.credence.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A span that signals attribution ("told", "according to", "citing"). */
@Entity
public class Cue extends Span {
    @ManyToOne(optional = false)
    public Layer layer;

    /** A name from the project's label schema (cue classes); the defaults are {@link CueClass}'s names. */
    @Column(length = 32)
    public String cueClass;

    @Column(nullable = false)
    public Instant createdAt;
}
