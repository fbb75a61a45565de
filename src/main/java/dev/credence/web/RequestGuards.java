package dev.credence.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two rules for every request, applied before authentication:
 * <ul>
 * <li>a state-changing request to a page route (POST, PUT, PATCH, DELETE outside /api, the login
 * form included) whose {@code Origin} — or, without one, {@code Referer} — names another site is
 * refused with a 403 page ({@link OriginRule}); the CSRF token is checked on top of this;</li>
 * <li>every response except static assets carries {@code Cache-Control: no-store}, so pages and
 * API answers with personal data (a freshly created token, say) stay out of shared and browser caches.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGuards {
    /** Before CORS (300) and authentication (200): a foreign form post is refused before anything else. */
    static final int PRIORITY = 400;
    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final List<String> STATIC_PREFIXES = List.of("/web/", "/webjars/", "/favicon.ico");

    @ConfigProperty(name = "credence.security.allowed-origins")
    Optional<List<String>> allowedOrigins;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (STATIC_PREFIXES.stream().noneMatch(path::startsWith)) {
            rc.addHeadersEndHandler(v -> {
                if (!rc.response().headers().contains("Cache-Control")) {
                    rc.response().putHeader("Cache-Control", "no-store");
                }
            });
        }
        if (STATE_CHANGING.contains(rc.request().method()) && !path.startsWith("/api/")) {
            OriginRule.Verdict verdict = OriginRule.check(rc.request().getHeader("Origin"),
                    rc.request().getHeader("Referer"), rc.request().scheme(), authority(rc),
                    allowedOrigins.orElse(List.of()));
            if (!verdict.allowed()) {
                rc.response().setStatusCode(403).putHeader("Content-Type", "text/html;charset=UTF-8")
                        .end(ErrorMappers.Templates.error(403, "You may not do that",
                                "This form was sent from another site (" + verdict.sender() + "), so it was refused. "
                                        + "Open Credence itself and send the form from there.").render());
                return;
            }
        }
        rc.next();
    }

    private static String authority(RoutingContext rc) {
        var a = rc.request().authority();
        if (a == null) {
            return rc.request().getHeader("Host");
        }
        String host = a.host().contains(":") && !a.host().startsWith("[") ? "[" + a.host() + "]" : a.host();
        return a.port() >= 0 ? host + ":" + a.port() : host;
    }
}
