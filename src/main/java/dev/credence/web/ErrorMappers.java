package dev.credence.web;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * under /api, a plain error page elsewhere.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @CheckedTemplate(basePath = "Errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 300 && status < 400) {
            return e.getResponse();
        }
        Response.ResponseBuilder builder = respond(uri, status, code(status), e.getMessage());
        if (status == 401 && isApi(uri)) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
        return respond(uri, 400, "invalid", detail).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return respond(uri, 400, "malformed", "Malformed JSON" + where + ": " + e.getOriginalMessage()).build();
    }

    /** Two saves raced on the same versioned record: the later one is refused, nothing is lost. */
    @ServerExceptionMapper({ jakarta.persistence.OptimisticLockException.class,
            org.hibernate.StaleObjectStateException.class })
    public Response staleVersion(RuntimeException e, UriInfo uri) {
        return respond(uri, 409, "conflict",
                "Someone else changed this at the same moment; reload and apply your change again.").build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return staleVersion(e, uri);
            }
            cause = cause.getCause();
        }
        LOG.error("Unhandled error on " + uri.getPath(), e);
        return respond(uri, 500, "internal", "Something went wrong on our side; it has been logged.").build();
    }

    private static Response.ResponseBuilder respond(UriInfo uri, int status, String code, String detail) {
        if (isApi(uri)) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, detail));
        }
        String title = switch (status) {
            case 400 -> "That request was not valid";
            case 401 -> "Please log in";
            case 403 -> "You may not do that";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 413 -> "Too large";
            case 422 -> "That could not be processed";
            default -> "Something went wrong";
        };
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, detail));
    }

    private static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api/");
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "unprocessable";
            default -> "error";
        };
    }
}
