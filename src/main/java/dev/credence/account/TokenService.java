package dev.credence.account;

import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Issues, resolves, lists and revokes API bearer tokens. A token is 32 random bytes; only its
 * SHA-256 is stored, so the token itself is shown once, at creation.
 */
@ApplicationScoped
public class TokenService {
    public static final String DEFAULT_NAME = "API token";
    public static final int MAX_NAME = 100;
    public static final int MAX_DAYS = 3650;
    /** last_used_at is written at most this often per token, so busy scripts do not turn every read into a write. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();

    /** A token just created: the secret (shown once) and its stored record. */
    public record Issued(String token, ApiToken record) {
    }

    /** What a presented token turned out to be. */
    public record Resolution(User user, String refusal) {
        public boolean ok() {
            return user != null;
        }
    }

    /** A token without a name or expiry (HTTP Basic clients that send no body). */
    @Transactional
    public String issue(User user) {
        return issue(user, null, null).token();
    }

    /**
     * @param name shown in lists; blank gives {@value #DEFAULT_NAME}
     * @param expiresInDays null for a token that does not expire, else 1–{@value #MAX_DAYS}
     */
    @Transactional
    public Issued issue(User user, String name, Integer expiresInDays) {
        String cleanName = name == null || name.isBlank() ? DEFAULT_NAME : name.strip();
        if (cleanName.codePointCount(0, cleanName.length()) > MAX_NAME) {
            throw new UnprocessableException("name: at most " + MAX_NAME + " characters");
        }
        if (cleanName.codePoints().anyMatch(Character::isISOControl)) {
            throw new UnprocessableException("name: control characters are not allowed");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
            throw new UnprocessableException("expiresInDays: 1–" + MAX_DAYS + ", or leave it out for no expiry");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "cred_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken t = new ApiToken();
        t.user = User.findById(user.id);
        t.name = cleanName;
        t.tokenHash = sha256(token);
        t.createdAt = Instant.now();
        t.expiresAt = expiresInDays == null ? null : t.createdAt.plus(Duration.ofDays(expiresInDays));
        t.persist();
        return new Issued(token, t);
    }

    /** The owner of a presented token, or why it is refused (unknown, revoked, expired). */
    @Transactional
    public Resolution resolve(String token) {
        if (token == null || token.isBlank()) {
            return new Resolution(null, "No API token was sent");
        }
        ApiToken t = ApiToken.find("tokenHash", sha256(token.trim())).firstResult();
        Instant now = Instant.now();
        if (t == null) {
            return new Resolution(null, "Unknown API token");
        }
        if (t.isRevoked()) {
            return new Resolution(null, "This API token was revoked");
        }
        if (t.isExpired(now)) {
            return new Resolution(null, "This API token expired at " + t.expiresAt);
        }
        if (t.lastUsedAt == null || t.lastUsedAt.isBefore(now.minus(LAST_USED_GRANULARITY))) {
            t.lastUsedAt = now;
        }
        return new Resolution(t.user, null);
    }

    @Transactional
    public List<ApiToken> list(User user) {
        return ApiToken.ofUser(user);
    }

    /** Revokes one of the user's tokens; 404 for a token that is not theirs. Revoking twice is harmless. */
    @Transactional
    public ApiToken revoke(User user, long id) {
        ApiToken t = ApiToken.findById(id);
        if (t == null || !t.user.id.equals(user.id)) {
            throw new NotFoundException("No such token");
        }
        if (t.revokedAt == null) {
            t.revokedAt = Instant.now();
        }
        return t;
    }

    static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
