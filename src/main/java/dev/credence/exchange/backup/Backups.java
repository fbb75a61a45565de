package dev.credence.exchange.backup;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** The backup download linked from the project page (session login; managers and admins). */
@Path("/projects/{id}/backup")
public class Backups {
    @Inject
    BackupService backups;

    @GET
    @Blocking
    public Response download(@RestPath Long id) {
        return backups.backup(id);
    }
}
