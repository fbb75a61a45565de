package dev.credence.exchange.backup;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/projects/{id}/backup")
@Tag(name = "Backup")
public class BackupApi {
    @Inject
    BackupService backups;

    @GET
    @Blocking
    @Produces({ "application/zip", "application/json" })
    @Operation(summary = "Stream the project's backup archive",
            description = "A zip of JSON Lines entries (project, users, members, sources, grades, documents, revisions, "
                    + "layers, mentions, cues, claims, hops, comments, history) and manifest.json with a SHA-256 per "
                    + "entry. Project managers and admins. Layout: docs/operations.md, per-project backup.")
    @APIResponse(responseCode = "200", description = "The archive, streamed",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", description = "No or unknown bearer token")
    @APIResponse(responseCode = "403", description = "A member who is not a manager")
    @APIResponse(responseCode = "404", description = "No such project, or the caller is not a member")
    public Response backup(@RestPath Long id) {
        return backups.backup(id);
    }
}
