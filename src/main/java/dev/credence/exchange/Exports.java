package dev.credence.exchange;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;

/** The export download linked from the project page (session login). */
@Path("/projects/{id}/export")
public class Exports {
    @Inject
    ExportService exports;

    /** {@code ?format=jsonl|csv|doccano|labelstudio}, optional {@code &layer=all|gold|reviewers}, {@code &agreement=true}, doccano's {@code &entities=} and {@code &offsets=}. */
    @GET
    @Blocking
    public Response export(@RestPath Long id, @QueryParam("format") String format, @QueryParam("layer") String layer,
            @QueryParam("agreement") boolean agreement, @QueryParam("entities") String entities,
            @QueryParam("offsets") String offsets, @Context UriInfo uri) {
        return exports.export(id, format, layer, agreement, uri.getBaseUri(), ExportService.formatOptions(entities, offsets));
    }
}
