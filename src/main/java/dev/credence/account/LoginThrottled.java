package dev.credence.account;

import io.quarkus.security.AuthenticationFailedException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A throttled login is an {@link AuthenticationFailedException} (a final class) carrying the wait
 * in seconds as an attribute; {@link AuthFailureResponses} turns it into 429 with Retry-After.
 */
final class LoginThrottled {
    static final String RETRY_AFTER_SECONDS = "credence.login.retry-after-seconds";

    private LoginThrottled() {
    }

    static AuthenticationFailedException exception(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new AuthenticationFailedException("Too many failed login attempts",
                Map.of(RETRY_AFTER_SECONDS, seconds));
    }

    /** The wait in seconds when the failure is a throttled login. */
    static OptionalLong retryAfterSeconds(AuthenticationFailedException e) {
        Object seconds = e.getAttributes() == null ? null : e.getAttributes().get(RETRY_AFTER_SECONDS);
        return seconds instanceof Long s ? OptionalLong.of(s) : OptionalLong.empty();
    }

    /** The wait in whole minutes, rounded up, for people. */
    static long minutes(long seconds) {
        return (seconds + 59) / 60;
    }
}
