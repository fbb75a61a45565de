package dev.credence.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A span that signals attribution ("told", "according to", "citing"). */
@Entity
public class Cue extends Span {
    @ManyToOne(optional = false)
    public Layer layer;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    public CueClass cueClass;

    @Column(nullable = false)
    public Instant createdAt;
}
