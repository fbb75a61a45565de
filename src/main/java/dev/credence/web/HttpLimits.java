package dev.credence.web;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Answers for what Vert.x refuses before a resource method runs, so they carry the app's error page
 * (or {@code {"error","detail"}} under /api) instead of a bare status: a body over
 * {@code quarkus.http.limits.max-body-size} (Quarkus' own check would end it with an empty 413),
 * and any other failure of a request that no resource method turned into a response.
 */
@ApplicationScoped
public class HttpLimits {
    private static final Logger LOG = Logger.getLogger(HttpLimits.class);
    /** Just before Quarkus' own upload-limit check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2). */
    static final int ORDER = -3;
    /** Bodies up to this many times the limit are read to the end after the 413 (see refuseOversizedBody). */
    private static final long DRAIN_FACTOR = 10;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;
    @Inject
    Engine engine;

    void routes(@Observes Router router) {
        router.route().order(ORDER).handler(this::refuseOversizedBody);
        router.route().order(ORDER).failureHandler(this::failure);
    }

    private void refuseOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                answer(ctx, 400, "Content-Length '" + length + "' is not a number.", true);
                return;
            }
            if (declared > limit) {
                // Read and drop what the client still sends (up to a bound), so that it sees this answer
                // instead of a connection reset; beyond the bound the connection is closed.
                boolean drain = declared <= DRAIN_FACTOR * limit;
                if (drain) {
                    ctx.request().handler(ignored -> { });
                    ctx.request().resume();
                }
                answer(ctx, 413, "The request body has " + declared + " bytes; this server accepts at most " + limit
                        + " bytes per request. Import large batches in several requests.", !drain);
                return;
            }
        }
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().headWritten() || isSecurity(failure)) {
            // Login redirects and 401/403 challenges are the security layer's own answers.
            ctx.next();
            return;
        }
        int status = ctx.statusCode();
        int byFailure = statusOf(failure);
        if (status < 400 || status == 500 && byFailure < 500) {
            // RESTEasy fails unreadable bodies (a multipart request cut short) as 500: they are the client's.
            status = byFailure;
        }
        String detail = status == 413 ? "The request is larger than this server accepts (at most "
                + maxBodySize.map(MemorySize::asLongValue).map(String::valueOf).orElse("?") + " bytes)."
                : ErrorPages.defaultDetail(status);
        if (status >= 500) {
            LOG.error("Unhandled error on " + ctx.request().path(), failure);
        } else if (failure != null && failure.getMessage() != null && status == 400) {
            LOG.debug("Refused an unreadable request to " + ctx.request().path(), failure);
            detail = "The request could not be read: " + failure.getMessage();
        }
        answer(ctx, status, detail, status == 413);
    }

    /** Vert.x and Netty signal unreadable requests with these; anything else is our fault. */
    static int statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.ext.web.handler.HttpException h) {
                return h.getStatusCode();
            }
            if (t instanceof java.io.IOException && t.getMessage() != null && t.getMessage().contains("multipart")
                    || t.getClass().getName().endsWith("MalformedMessageException")) {
                return 400;
            }
            if (t instanceof io.netty.handler.codec.TooLongFrameException) {
                return 413;
            }
            if (t instanceof io.netty.handler.codec.DecoderException || t instanceof IllegalArgumentException
                    || t instanceof io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.ErrorDataDecoderException) {
                return 400;
            }
        }
        return 500;
    }

    private static boolean isSecurity(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("io.quarkus.security.")) {
                return true;
            }
        }
        return false;
    }

    private void answer(RoutingContext ctx, int status, String detail, boolean close) {
        var response = ctx.response().setStatusCode(status);
        if (close) {
            // The rest of the body is not read: the connection cannot be reused.
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(v -> ctx.request().connection().close());
        }
        response.putHeader("Cache-Control", "no-store");
        if (ErrorPages.wantsJson(ctx.request().path(), ctx.request().getHeader(HttpHeaders.ACCEPT))) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(
                    ErrorPages.json(ErrorPages.code(status), detail));
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8").end(html(status, detail));
    }

    private String html(int status, String detail) {
        try {
            Template page = engine.getTemplate("Errors/error");
            return page.data("status", status).data("title", ErrorPages.title(status)).data("detail", detail).render();
        } catch (RuntimeException e) {
            LOG.debug("error page template failed; plain page instead", e);
            return ErrorPages.plainHtml(status, detail);
        }
    }
}
