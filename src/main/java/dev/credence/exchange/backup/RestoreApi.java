package dev.credence.exchange.backup;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/restore")
@Tag(name = "Backup")
public class RestoreApi {
    @Inject
    BackupService backups;

    @POST
    @Blocking
    @Consumes({ "application/zip", MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore a backup archive as a new project (admins)",
            description = "The archive is the raw body. It is verified whole (manifest, SHA-256 of every entry) before "
                    + "anything is stored, then restored in one transaction. Users are matched by username and created "
                    + "without a usable password when missing; registry sources are merged by name.")
    @APIResponse(responseCode = "201", description = "{projectId, name, usersCreated, usersFound, sourcesCreated, sourcesMerged, warnings}")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    @APIResponse(responseCode = "413", description = "The archive, or its unpacked entries, exceed the limits")
    @APIResponse(responseCode = "415", description = "A body that is not application/zip or application/octet-stream")
    @APIResponse(responseCode = "422", description = "Not a Credence backup, damaged or changed (SHA-256), a newer format, "
            + "or a row that cannot be restored; the detail names entry, line and field")
    public Response restore(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length) throws IOException {
        BackupService.Restored restored = backups.restore(body, length == null ? -1 : length);
        return Response.created(URI.create("/api/v1/projects/" + restored.projectId())).entity(restored).build();
    }
}
