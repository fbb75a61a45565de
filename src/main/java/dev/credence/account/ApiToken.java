package dev.credence.account;

import dev.credence.web.IdEntity;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A named bearer token for the JSON API; only its SHA-256 is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken extends IdEntity {
    @ManyToOne(optional = false)
    public User user;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** Null: never expires. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public boolean isExpired() {
        return isExpired(Instant.now());
    }

    /** active, expired or revoked — what the token page and the API show. */
    public String getStatus() {
        return isRevoked() ? "revoked" : isExpired() ? "expired" : "active";
    }

    public static List<ApiToken> ofUser(User user) {
        return list("user", Sort.descending("createdAt").and("id", Sort.Direction.Descending), user);
    }
}
