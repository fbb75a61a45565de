package dev.credence.account;

import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bearer token for the JSON API; only its SHA-256 is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken extends IdEntity {
    @ManyToOne(optional = false)
    public User user;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
