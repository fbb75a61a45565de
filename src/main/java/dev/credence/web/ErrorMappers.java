package dev.credence.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * One place that turns exceptions into responses: JSON {@code {"error","detail"}}
 * under /api, the app's error page elsewhere. RESTEasy picks the mapper of the most specific
 * exception type, so a feature may add its own mapper (e.g. database unavailable → 503) beside these.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** Foreign-key violations: 23503 (PostgreSQL, and H2 for a parent still referred to), 23506 (H2, parent gone). */
    private static final java.util.Set<String> FOREIGN_KEY_STATES = java.util.Set.of("23503", "23506");

    @CheckedTemplate(basePath = "Errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri, headers);
        }
        if (e.getCause() instanceof TextPolicy.RefusedText refused) {
            return refusedText(refused, uri, headers);
        }
        int status = e.getResponse().getStatus();
        if (status >= 300 && status < 400) {
            return e.getResponse();
        }
        Response.ResponseBuilder builder = respond(uri, headers, status, ErrorPages.code(status), detail(e, status));
        if (status == 401 && ErrorPages.wantsJson(uri.getPath(), null)) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Retry-After") || name.equalsIgnoreCase("Allow")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
        return respond(uri, headers, 400, "invalid", detail).build();
    }

    /** Text that breaks the text policy (NUL, lone surrogates, invalid UTF-8): 422 naming the field. */
    @ServerExceptionMapper
    public Response refusedText(TextPolicy.RefusedText e, UriInfo uri, HttpHeaders headers) {
        return respond(uri, headers, 422, "invalid_text", e.getMessage()).build();
    }

    /**
     * Unparseable JSON (400 "malformed"), or JSON of the wrong shape: a string for a number, 1.5 for an
     * integer, an unknown enum (400 "invalid", naming the field by its path, e.g. {@code attribution[2].start}).
     */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        TextPolicy.RefusedText refused = TextPolicy.RefusedText.in(e);
        if (refused != null) {
            String field = e instanceof JsonMappingException m ? JsonConfig.path(m) : refused.field();
            return refusedText(new TextPolicy.RefusedText(field, refused.problem()), uri, headers);
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return respond(uri, headers, 400, "invalid", JsonConfig.path(m) + ": " + JsonConfig.reason(m) + where)
                    .build();
        }
        return respond(uri, headers, 400, "malformed", "Malformed JSON" + where + ": " + e.getOriginalMessage())
                .build();
    }

    /** More specific than Quarkus' built-in mapper for this type, so API errors keep one shape. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    /** Two saves raced on the same versioned record: the later one is refused, nothing is lost. */
    @ServerExceptionMapper({ jakarta.persistence.OptimisticLockException.class,
            org.hibernate.StaleObjectStateException.class })
    public Response staleVersion(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return respond(uri, headers, 409, "conflict",
                "Someone else changed this at the same moment; reload and apply your change again.").build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return staleVersion(e, uri, headers);
            }
            if (cause instanceof TextPolicy.RefusedText refused) {
                return refusedText(refused, uri, headers);
            }
            if (cause instanceof java.sql.SQLException sql && FOREIGN_KEY_STATES.contains(sql.getSQLState())) {
                // e.g. suggestions stored for a layer whose document a manager deleted at that moment
                return respond(uri, headers, 409, "conflict", "Something this refers to was deleted or changed at the"
                        + " same moment; reload and try again.").build();
            }
            cause = cause.getCause();
        }
        String unreadable = FormErrors.describe(e);
        if (unreadable != null) {
            return respond(uri, headers, FormErrors.status(e), ErrorPages.code(FormErrors.status(e)), unreadable)
                    .build();
        }
        LOG.error("Unhandled error on " + uri.getPath(), e);
        return respond(uri, headers, 500, "internal", ErrorPages.defaultDetail(500)).build();
    }

    /** RESTEasy's own messages for unmatched requests ("HTTP 404 Not Found") say less than ours. */
    private static String detail(WebApplicationException e, int status) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.startsWith("HTTP " + status) || m.startsWith("Unable to find matching")) {
            return ErrorPages.defaultDetail(status);
        }
        return m;
    }

    private static Response.ResponseBuilder respond(UriInfo uri, HttpHeaders headers, int status, String code,
            String detail) {
        if (ErrorPages.wantsJson(uri.getPath(), headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT))) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, detail));
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, ErrorPages.title(status), detail));
    }
}
