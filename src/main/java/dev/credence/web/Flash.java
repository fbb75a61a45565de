package dev.credence.web;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Post/redirect/get with a one-shot message: the POST answers 303 with a short-lived
 * cookie; the next page shows it and clears it. Stateless, so it works behind a load balancer.
 */
public final class Flash {
    static final String COOKIE = "credence-flash";

    private Flash() {
    }

    /** 303 See Other to {@code path}, showing {@code message} on the next page. */
    public static Response redirect(String path, String message) {
        Response.ResponseBuilder b = Response.seeOther(URI.create(path));
        if (message != null && !message.isBlank()) {
            b.cookie(new NewCookie.Builder(COOKIE).value(URLEncoder.encode(message, StandardCharsets.UTF_8))
                    .path("/").maxAge(60).httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build());
        }
        return b.build();
    }

    public static Response redirect(String path) {
        return redirect(path, null);
    }

    /** The message carried by the current request, or null. */
    public static String current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext rc = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        if (rc == null) {
            return null;
        }
        Cookie c = rc.request().getCookie(COOKIE);
        return c == null ? null : URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8);
    }

    /** Clears the message once a page (not a redirect) has been rendered with it. */
    public static class ClearFilter {
        @ServerResponseFilter
        public void clear(ContainerRequestContext request, ContainerResponseContext response) {
            if (request.getCookies().containsKey(COOKIE) && response.getStatus() < 300
                    && !"true".equals(request.getHeaderString("HX-Request"))) {
                response.getHeaders().add("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            }
        }
    }
}
