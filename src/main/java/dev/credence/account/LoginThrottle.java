package dev.credence.account;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login throttling with a sliding window: at most {@code max-failures-per-account} failed logins
 * for one username and {@code max-failures-per-address} from one client address within
 * {@code window}. Past that, every login for that account or from that address is refused
 * (without checking the password) until the oldest counted failure leaves the window.
 * The counters are rows in the database, so every instance behind a load balancer sees the same.
 */
@ApplicationScoped
public class LoginThrottle {
    @ConfigProperty(name = "credence.login.max-failures-per-account", defaultValue = "5")
    int maxPerAccount;

    @ConfigProperty(name = "credence.login.max-failures-per-address", defaultValue = "20")
    int maxPerAddress;

    @ConfigProperty(name = "credence.login.window", defaultValue = "PT15M")
    Duration window;

    Clock clock = Clock.systemUTC();

    /** How long the caller must wait before the next attempt, or empty when an attempt may be made now. */
    @Transactional
    public Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        Optional<Instant> byAccount = nthNewest("accountKey", accountKey(username), maxPerAccount, since);
        Optional<Instant> byAddress = nthNewest("address", address(address), maxPerAddress, since);
        Optional<Instant> blockingFailure = byAccount.isEmpty() ? byAddress
                : byAddress.isEmpty() ? byAccount
                : Optional.of(byAccount.get().isAfter(byAddress.get()) ? byAccount.get() : byAddress.get());
        return blockingFailure.map(at -> {
            Duration wait = Duration.between(now, at.plus(window));
            return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
        });
    }

    /**
     * The time of the {@code max}-th newest failure in the window: while it is in the window the
     * limit is reached; once it leaves, one more attempt is allowed.
     */
    private Optional<Instant> nthNewest(String field, String value, int max, Instant since) {
        List<LoginFailure> rows = LoginFailure.find(field + " = ?1 and failedAt > ?2",
                Sort.descending("failedAt"), value, since).range(max - 1, max - 1).list();
        return rows.stream().findFirst().map(f -> f.failedAt);
    }

    @Transactional
    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        LoginFailure f = new LoginFailure();
        f.accountKey = accountKey(username);
        f.address = address(address);
        f.failedAt = now;
        f.persist();
        // Rows outside the window count for nothing any more.
        LoginFailure.delete("failedAt < ?1", now.minus(window));
    }

    /** A correct password clears the account's failures (not the address's: another account may be under attack from it). */
    @Transactional
    public void recordSuccess(String username) {
        LoginFailure.delete("accountKey", accountKey(username));
    }

    static String accountKey(String username) {
        return TokenService.sha256(username == null ? "" : username);
    }

    private static String address(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
