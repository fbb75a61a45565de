package dev.credence.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Issues API bearer tokens and resolves them; only a SHA-256 of each token is stored. */
@ApplicationScoped
public class TokenService {
    /** How exact {@code lastUsedAt} is. */
    static final java.time.Duration LAST_USED_PRECISION = java.time.Duration.ofMinutes(5);
    private final SecureRandom random = new SecureRandom();

    @Transactional
    public String issue(User user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "cred_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken t = new ApiToken();
        t.user = User.findById(user.id);
        t.tokenHash = sha256(token);
        t.createdAt = Instant.now();
        t.persist();
        return token;
    }

    @Transactional
    public Optional<User> resolve(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Optional<ApiToken> found = ApiToken.find("tokenHash", sha256(token.trim())).firstResultOptional();
        // Recorded at most once per LAST_USED_PRECISION: writing it on every call made each API read a
        // write transaction, and each claim save two commits (docs/benchmarks.md, "Speed").
        Instant now = Instant.now();
        found.filter(t -> t.lastUsedAt == null || t.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION)))
                .ifPresent(t -> t.lastUsedAt = now);
        return found.map(t -> t.user);
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
