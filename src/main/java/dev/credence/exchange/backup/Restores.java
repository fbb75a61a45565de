package dev.credence.exchange.backup;

import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The restore upload, linked from the projects list for admins. */
@Path("/projects/restore")
@Produces(MediaType.TEXT_HTML)
public class Restores {
    @Inject
    BackupService backups;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String error);
    }

    @GET
    public TemplateInstance form() {
        backups.requireRestoreRight();
        return Templates.form(null);
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object restore(@RestForm("archive") FileUpload archive) throws IOException {
        backups.requireRestoreRight();
        if (archive == null || archive.uploadedFile() == null) {
            return Response.status(422).entity(Templates.form("Choose a backup archive (.zip) to restore.")).build();
        }
        try {
            BackupService.Restored restored = backups.restore(Files.newInputStream(archive.uploadedFile()), archive.size());
            return Flash.redirect("/projects/" + restored.projectId(), "Restored as “" + restored.name() + "”"
                    + (restored.usersCreated().isEmpty() ? "." : "; new accounts without a password: "
                            + String.join(", ", restored.usersCreated()) + "."));
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus()).entity(Templates.form(e.getMessage())).build();
        }
    }
}
