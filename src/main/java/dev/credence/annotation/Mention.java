package dev.credence.annotation;

import dev.credence.source.Source;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A span that names a source ("TeamT5", "he", "cybersecurity experts"). */
@Entity
public class Mention extends Span {
    @ManyToOne(optional = false)
    public Layer layer;

    @ManyToOne
    public Source source;

    @Column(nullable = false)
    public Instant createdAt;
}
