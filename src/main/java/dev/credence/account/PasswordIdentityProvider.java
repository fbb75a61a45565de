package dev.credence.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks username and password for both the login form and HTTP Basic (the token route),
 * with throttling in front. Runs before security-jpa's provider (higher priority) and answers
 * every request itself, so that one is only used for restoring sessions.
 * <p>
 * An unknown username costs the same bcrypt check as a wrong password, is counted the same,
 * and fails with the same exception: the answer does not tell whether the account exists.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    /** A hash of a random password, checked when the username is unknown so both cases take as long. */
    private static final String DUMMY_HASH;

    static {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        DUMMY_HASH = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(bytes));
    }

    @Inject
    LoginThrottle throttle;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Above the default (1001) that security-jpa's provider has, so this one is asked first. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = rc == null || rc.request().remoteAddress() == null ? null
                : rc.request().remoteAddress().host();
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> check(username, password, address));
    }

    @ActivateRequestContext
    SecurityIdentity check(String username, String password, String address) {
        Optional<Duration> wait = throttle.retryAfter(username, address);
        if (wait.isPresent()) {
            throw LoginThrottled.exception(wait.get());
        }
        Optional<User> user = User.findByUsername(username);
        boolean matches = BcryptUtil.matches(password, user.map(u -> u.passwordHash).orElse(DUMMY_HASH));
        if (user.isEmpty() || !matches) {
            throttle.recordFailure(username, address);
            throw new AuthenticationFailedException("Wrong username or password");
        }
        throttle.recordSuccess(username);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.get().username))
                .addRole(user.get().role)
                .addAttribute(CurrentUser.USER_ID, user.get().id)
                .build();
    }
}
