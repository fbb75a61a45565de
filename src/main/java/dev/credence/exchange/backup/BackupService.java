package dev.credence.exchange.backup;

import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import dev.credence.exchange.ExportService;
import dev.credence.history.ChangeAction;
import dev.credence.history.HistoryService;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.source.SourceAdoption;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Project backup and restore, behind both doors (BackupApi/RestoreApi and the Backups/Restores pages).
 * A backup streams from one read transaction; a restore first copies the upload to a temporary file (bounded),
 * verifies the whole archive (BackupArchive), then restores it in one transaction: all or nothing.
 */
@ApplicationScoped
public class BackupService {
    private static final Logger LOG = Logger.getLogger(BackupService.class);

    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess access;
    @Inject
    BackupWriter writer;
    @Inject
    EntityManager em;
    @Inject
    SourceAdoption registry;
    @Inject
    HistoryService history;

    /** Largest archive accepted, as uploaded (compressed). The HTTP body limit (quarkus.http.limits.max-body-size) applies too. */
    @ConfigProperty(name = "credence.backup.max-archive-bytes", defaultValue = "20000000")
    long maxArchiveBytes;
    /** Largest total size of the entries once unpacked (a zip bomb stops here). */
    @ConfigProperty(name = "credence.backup.max-unpacked-bytes", defaultValue = "2000000000")
    long maxUnpackedBytes;
    @ConfigProperty(name = "credence.backup.transaction-timeout", defaultValue = "3600")
    int transactionTimeoutSeconds;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** What a restore made: the new project and what happened to users and registry sources. */
    public record Restored(long projectId, String name, List<String> usersCreated, List<String> usersFound,
            int sourcesCreated, int sourcesMerged, List<String> warnings) {
    }

    /** The project whose backup the caller may download: admins any project (404 if none), else its managers (403 for other members). */
    public Project requireBackupRight(Long projectId) {
        if (currentUser.isAdmin()) {
            Project p = projectId == null ? null : Project.findById(projectId);
            if (p == null) {
                throw new NotFoundException("No project " + projectId);
            }
            return p;
        }
        return access.requireManager(projectId);
    }

    /** The archive as a streamed download: access checked before the first byte. */
    public Response backup(Long projectId) {
        Project project = requireBackupRight(projectId);
        long id = project.id;
        String filename = ExportService.slug(project.name) + "-backup-" + LocalDate.now() + ".zip";
        StreamingOutput body = out -> write(id, out);
        return Response.ok(body).type("application/zip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Writes the archive of a project in its own read transaction (also for tests and tools). */
    public void write(long projectId, OutputStream out) throws IOException {
        try {
            QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds).run(() -> {
                if (dbKind.startsWith("postgres")) {
                    // One snapshot for every query of the backup, so rows written meanwhile (a hop of a claim
                    // created after the claims were read) cannot make an archive that refers to missing rows.
                    em.createNativeQuery("set transaction isolation level repeatable read read only").executeUpdate();
                }
                try {
                    writer.write(projectId, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            LOG.debugf("Backup of project %d stopped: %s", projectId, e.getMessage());
            throw e.getCause();
        }
    }

    /** Only admins restore: a restore may create users and registry entries, which are instance-wide. */
    public void requireRestoreRight() {
        if (!currentUser.get().isAdmin()) {
            throw new ForbiddenException("Only an admin restores a project");
        }
    }

    /**
     * Restores an archive as a new project. {@code declaredLength} (the request's Content-Length, or -1) lets an
     * oversized upload be refused before it is read. 413 past the size limits, 422 for a damaged, changed,
     * foreign or newer archive (the detail names the entry, line and field); nothing is stored then.
     */
    public Restored restore(InputStream body, long declaredLength) throws IOException {
        requireRestoreRight();
        User caller = currentUser.get();
        if (declaredLength > maxArchiveBytes) {
            throw tooLarge(declaredLength + " bytes");
        }
        Path file = Files.createTempFile("credence-restore-", ".zip");
        try {
            copy(body, file);
            try (BackupArchive archive = BackupArchive.open(file, maxUnpackedBytes)) {
                return QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds).call(() -> {
                    ProjectRestore restore = new ProjectRestore(em, registry, archive, caller);
                    long id = restore.run();
                    // Last, so its id is newer than anything committed while the restore ran: the marker every
                    // instance's search index follows to read the restored data (docs/search.md). No project id, so
                    // the restored project's own history is the archive's, entry for entry.
                    history.record(caller, null, null, "project", id, ChangeAction.create, null,
                            java.util.Map.of("restored", restore.projectName == null ? "" : restore.projectName));
                    return new Restored(id, restore.projectName, restore.usersCreated, restore.usersFound,
                            restore.sourcesCreated, restore.sourcesMerged, restore.warnings);
                });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void copy(InputStream body, Path file) throws IOException {
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > maxArchiveBytes) {
                    throw tooLarge("more than " + maxArchiveBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new BackupException("the request has no body; send the archive as application/zip");
            }
        }
    }

    private ClientErrorException tooLarge(String size) {
        return new ClientErrorException("backup: the archive has " + size + "; this server restores archives of at most "
                + maxArchiveBytes + " bytes (credence.backup.max-archive-bytes)", 413);
    }
}
