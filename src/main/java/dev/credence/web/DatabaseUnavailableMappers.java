package dev.credence.web;

import dev.credence.database.ConnectionFailures;
import dev.credence.database.DatabaseStartup;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * "The database cannot be reached" is a 503 with a clear message, never a 500: an HTML page
 * (without the layout, which would read the logged-in user from the database) or
 * {@code {"error":"database_unavailable","detail"}} under /api. Three doors lead here:
 * <ul>
 * <li>the exception mappers, for errors thrown in a resource or service
 * (Hibernate, JTA and the connection pool wrap the JDBC error in different ways);</li>
 * <li>a router failure handler, for errors raised before a resource runs — the session cookie's
 * user is looked up in the database during authentication;</li>
 * <li>a filter that answers 503 while the schema is not ready yet (the app started before the
 * database and is waiting for it: see {@link DatabaseStartup}).</li>
 * </ul>
 * A value the database refuses (SQLState class 22, e.g. NUL in a text on PostgreSQL, a value too
 * long for its column) is a 422, as a safety net behind input validation. Other errors go on to
 * {@link ErrorMappers}. Nothing is written when
 * the database is down (the transaction never committed), and the message says so.
 */
@ApplicationScoped
public class DatabaseUnavailableMappers {
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMappers.class);
    static final String TITLE = "Database unavailable";
    static final String RETRY_AFTER_SECONDS = "10";
    /** Runs before authentication (priority 200 in Quarkus), which reads users from the database. */
    private static final int BEFORE_AUTHENTICATION = 1000;

    @Inject
    DatabaseStartup startup;

    @CheckedTemplate(basePath = "Errors")
    static class Templates {
        static native TemplateInstance unavailable(String title, String detail);
    }

    @ServerExceptionMapper({ jakarta.persistence.PersistenceException.class,
            jakarta.transaction.TransactionalException.class, io.quarkus.arc.ArcUndeclaredThrowableException.class,
            java.io.UncheckedIOException.class })
    public Response databaseError(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        if (!ConnectionFailures.isConnectionFailure(e)) {
            String dataState = ConnectionFailures.dataExceptionState(e);
            if (dataState != null) {
                return refusedValue(e, uri, dataState);
            }
            return new ErrorMappers().unexpected(e, uri, headers);
        }
        LOG.warnf("Database unavailable on %s: %s", uri.getPath(), ConnectionFailures.describe(e));
        String detail = detail(e);
        if (ErrorPages.wantsJson(uri.getPath(), null)) {
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(new ApiError("database_unavailable", detail)).build();
        }
        return Response.status(503).type(MediaType.TEXT_HTML_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(Templates.unavailable(TITLE, detail)).build();
    }

    /** The database refused a value (SQLState class 22): 422 with the reason, nothing stored. */
    private static Response refusedValue(RuntimeException e, UriInfo uri, String state) {
        LOG.warnf(e, "Value refused by the database on %s (SQLState %s)", uri.getPath(), state);
        String reason = switch (state) {
            case "22001" -> "a value is longer than its field allows";
            case "22021" -> "a text contains a character that cannot be stored (such as NUL, U+0000)";
            case "22003" -> "a number is out of range";
            case "22007", "22008" -> "a date or time is not valid";
            default -> "a value is not valid for its field";
        };
        String detail = "Nothing was saved: " + reason + ".";
        if (ErrorPages.wantsJson(uri.getPath(), null)) {
            return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("unprocessable", detail)).build();
        }
        return Response.status(422).type(MediaType.TEXT_HTML_TYPE)
                .entity(ErrorMappers.Templates.error(422, "That could not be processed", detail)).build();
    }

    /** Failures outside the REST layer (authentication looks the user up in the database). */
    void failureHandler(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            Throwable failure = rc.failure();
            if (failure != null && ConnectionFailures.isConnectionFailure(failure) && !rc.response().headWritten()) {
                LOG.warnf("Database unavailable on %s: %s", rc.normalizedPath(), ConnectionFailures.describe(failure));
                respond(rc, detail(failure));
            } else {
                rc.next();
            }
        });
    }

    /** While the schema is not ready (start-up waiting for the database), every database route answers 503. */
    void notReadyFilter(@Observes Filters filters) {
        filters.register(rc -> {
            if (startup.isReady() || !needsDatabase(rc.normalizedPath())) {
                rc.next();
            } else {
                respond(rc, "Credence is starting and waiting for its database: " + startup.waitingFor() + ".");
            }
        }, BEFORE_AUTHENTICATION);
    }

    private static String detail(Throwable failure) {
        if (ConnectionFailures.isPoolBusy(failure)) {
            return "Credence is too busy right now: every database connection stayed in use while this request"
                    + " waited, so it was not carried out and nothing was saved. Try again in a moment.";
        }
        return "Credence cannot reach its database right now, so this request was not carried out"
                + " and nothing was saved.";
    }

    private static void respond(RoutingContext rc, String detail) {
        var response = rc.response().setStatusCode(503).putHeader("Retry-After", RETRY_AFTER_SECONDS)
                .putHeader("Cache-Control", "no-store");
        if (ErrorPages.wantsJson(rc.normalizedPath(), null)) {
            response.putHeader("Content-Type", "application/json")
                    .end(ErrorPages.json("database_unavailable", detail));
        } else {
            response.putHeader("Content-Type", "text/html;charset=UTF-8").end(Templates.unavailable(TITLE, detail).render());
        }
    }

    private static boolean needsDatabase(String path) {
        return !(path.startsWith("/q/") || path.startsWith("/web/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico"));
    }

}
