package dev.credence.web;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Pages take forms only: a state-changing request to a page route with a body of another type
 * ({@code text/plain}, which a cross-site form can send, or JSON) is refused with 415 before any
 * resource method runs. The JSON API under /api declares its own types.
 */
public class FormContentTypes {
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public void requireForm(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        MediaType type = request.getMediaType();
        if (type == null || !CHANGING.contains(request.getMethod()) || path.startsWith("/api/")
                || path.startsWith("/q/")) {
            return;
        }
        if (!type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                && !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            throw new NotSupportedException("Pages accept forms only (application/x-www-form-urlencoded or "
                    + "multipart/form-data), not " + type.getType() + "/" + type.getSubtype()
                    + "; the JSON API is under /api/v1.");
        }
    }
}
