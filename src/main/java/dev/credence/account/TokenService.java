package dev.credence.account;

import dev.credence.web.UnprocessableException;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    public record Resolution(Long userId, String username, String role, String refusal) {
        public boolean ok() {
            return username != null;
        }

        static Resolution refused(String why) {
            return new Resolution(null, null, null, why);
        }
    }

    /** How long an accepted token is answered from memory (see {@link #resolve}). */
    static final Duration CACHE_TTL = Duration.ofSeconds(10);

    /** An accepted token, remembered until {@code until} (never past its own expiry). */
    private record Accepted(long tokenId, long userId, String username, String role, Instant until) {
    }

    /** Accepted tokens by hash; bounded by {@link #CACHE_MAX}, emptied when full. */
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    static final int CACHE_MAX = 10_000;

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

    /**
     * The owner of a presented token, or why it is refused (unknown, revoked, expired). An accepted
     * token is remembered for {@link #CACHE_TTL} (at most until it expires), so a busy API client costs
     * one database round trip per token every ten seconds instead of a transaction per request. Revoking
     * on this instance forgets it at once; on another instance behind the same database a revocation or a
     * role change takes effect within {@link #CACHE_TTL} (docs/api.md). Refusals are never cached.
     */
    public Resolution resolve(String token) {
        if (token == null || token.isBlank()) {
            return Resolution.refused("No API token was sent");
        }
        String hash = sha256(token.trim());
        Instant now = Instant.now();
        Accepted hit = accepted.get(hash);
        if (hit != null && now.isBefore(hit.until())) {
            return new Resolution(hit.userId(), hit.username(), hit.role(), null);
        }
        return QuarkusTransaction.requiringNew().call(() -> lookup(hash, now));
    }

    private Resolution lookup(String hash, Instant now) {
        ApiToken t = ApiToken.find("tokenHash", hash).firstResult();
        if (t == null) {
            return Resolution.refused("Unknown API token");
        }
        if (t.isRevoked()) {
            accepted.remove(hash);
            return Resolution.refused("This API token was revoked");
        }
        if (t.isExpired(now)) {
            accepted.remove(hash);
            return Resolution.refused("This API token expired at " + t.expiresAt);
        }
        if (t.lastUsedAt == null || t.lastUsedAt.isBefore(now.minus(LAST_USED_GRANULARITY))) {
            t.lastUsedAt = now;
        }
        Instant until = now.plus(CACHE_TTL);
        if (t.expiresAt != null && t.expiresAt.isBefore(until)) {
            until = t.expiresAt;
        }
        if (accepted.size() >= CACHE_MAX) {
            accepted.clear();
        }
        accepted.put(hash, new Accepted(t.id, t.user.id, t.user.username, t.user.role, until));
        return new Resolution(t.user.id, t.user.username, t.user.role, null);
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
        accepted.values().removeIf(a -> a.tokenId() == t.id);
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
