package dev.credence.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credence.web.ApiError;
import dev.credence.web.ErrorPages;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.OptionalLong;

/**
 * Bodies for failed authentication, which Quarkus answers before any resource runs:
 * a throttled login gets 429 with Retry-After (the login page with a message, or JSON under
 * /api), a refused bearer token or Basic login gets 401 {@code {"error","detail"}}.
 * Quarkus has already set the challenge (status and header) when this handler runs.
 */
@ApplicationScoped
public class AuthFailureResponses {
    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        router.route().order(-1000).failureHandler(this::handle);
    }

    void handle(RoutingContext rc) {
        Throwable failure = rootCause(rc.failure());
        if (!(failure instanceof AuthenticationFailedException) || rc.response().ended() || rc.response().headWritten()) {
            rc.next();
            return;
        }
        boolean api = ErrorPages.wantsJson(rc.normalizedPath(), null);
        OptionalLong throttled = LoginThrottled.retryAfterSeconds((AuthenticationFailedException) failure);
        if (throttled.isPresent()) {
            long seconds = throttled.getAsLong();
            rc.response().headers().remove("Location").remove("WWW-Authenticate");
            rc.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(seconds));
            if (api) {
                json(rc, new ApiError("too_many_requests", "Too many failed login attempts for this account or from this "
                        + "address; try again in " + seconds + " seconds."));
            } else {
                rc.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                        .end(Login.Templates.login(false, LoginThrottled.minutes(seconds)).render());
            }
            return;
        }
        if (api) {
            if (rc.response().getStatusCode() < 400) {
                rc.response().setStatusCode(401);
            }
            if (!rc.response().headers().contains("WWW-Authenticate")) {
                boolean basic = rc.normalizedPath().equals("/api/v1/tokens") && "POST".equals(rc.request().method().name());
                rc.response().putHeader("WWW-Authenticate", basic ? "Basic realm=\"Credence\"" : "Bearer");
            }
            String detail = failure.getMessage() == null ? "Authentication failed" : failure.getMessage();
            json(rc, new ApiError("unauthorized", detail));
            return;
        }
        rc.next();
    }

    private void json(RoutingContext rc, ApiError error) {
        try {
            rc.response().putHeader("Content-Type", "application/json").end(json.writeValueAsString(error));
        } catch (JsonProcessingException e) {
            rc.response().end();
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause != null && !(cause instanceof AuthenticationFailedException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
