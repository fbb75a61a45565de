package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** The annotations of one reviewer on one document; {@code gold} is the adjudicated layer (owner null). */
@Entity
public class Layer extends IdEntity {
    @ManyToOne(optional = false)
    public Document document;

    @ManyToOne
    public User owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public LayerKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public LayerState state;

    @Column(nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<Layer> ofReviewer(Document document, User owner) {
        return find("document = ?1 and owner = ?2 and kind = ?3", document, owner, LayerKind.reviewer)
                .firstResultOptional();
    }
}
