package dev.credence.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.web.ConflictException;
import dev.credence.web.JsonConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Export jobs: start one (the same checks and parameters as a streamed export), tell its state, serve its
 * file. A job holds the layers its requester may read, so only the requester, while still a member of the
 * project, may see or fetch it: 404 for a non-member (or no such job), 403 for another member.
 */
@ApplicationScoped
public class ExportJobService {
    @Inject
    ExportService exports;
    @Inject
    ExportJobRunner runner;
    @Inject
    ProjectAccess access;
    @Inject
    CurrentUser currentUser;

    /**
     * Projects with more documents than this export as a job from the project page; smaller ones stream.
     * At 3–12 ms per document (docs/benchmarks.md, 50–100 claims each) 1,000 documents stream in seconds.
     */
    @ConfigProperty(name = "credence.export.job-threshold", defaultValue = "1000")
    long jobThreshold;

    /** The job's state as the API and the page show it. {@code progress} counts documents. */
    public record View(long id, long project, ExportJobState state, Progress progress, String format,
            Map<String, String> parameters, Instant createdAt, Instant startedAt, Instant finishedAt, String fileName,
            Long bytes, String error, String downloadUrl) {

        /** The progress bar's max: documents (at least 1, so an empty project's finished bar is full). */
        public int barMax() {
            return Math.max(1, progress.total());
        }

        /** The bar's value; null while queued (an indeterminate bar). */
        public Integer barValue() {
            return switch (state) {
                case queued -> null;
                case running, failed -> progress.done();
                case done, expired -> barMax();
            };
        }
    }

    public record Progress(int done, int total) {
    }

    /** One line for the page: "running: 300 of 10000 documents", "done: 12.3 MB", ... (credence.js says the same). */
    public static String statusText(View job) {
        return switch (job.state()) {
            case queued -> "queued";
            case running -> "running: " + job.progress().done() + " of " + job.progress().total() + " documents";
            case done -> "done: " + job.progress().total() + " documents, "
                    + String.format(java.util.Locale.ROOT, "%.1f MB", (job.bytes() == null ? 0 : job.bytes()) / 1e6);
            case failed -> "failed";
            case expired -> "expired: the file was removed; start the export again";
        };
    }

    /** Whether the project page starts a job (true) or streams (false) for a project of this size. */
    public boolean startsJob(long documents) {
        return documents > jobThreshold;
    }

    /** Checks and queues the export; 400/404 as a streamed export, 503 when the job queue is full. */
    public ExportJob start(Long projectId, String format, String layer, boolean agreement, URI baseUri) {
        return start(projectId, format, layer, agreement, baseUri, Map.of());
    }

    /** As above, with the format's own options (doccano: {@code entities}, {@code offsets}; null = absent). */
    public ExportJob start(Long projectId, String format, String layer, boolean agreement, URI baseUri,
            Map<String, String> options) {
        ExportService.Prepared export = exports.prepare(projectId, format, layer, agreement, baseUri, options);
        long userId = currentUser.get().id;
        String parameters;
        try {
            parameters = JsonConfig.MAPPER.writeValueAsString(export.context().parameters());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ExportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ExportJob j = new ExportJob();
            j.project = Project.findById(export.project().id);
            j.requestedBy = User.findById(userId);
            j.format = export.format().name();
            j.parameters = parameters;
            j.state = ExportJobState.queued;
            j.fileName = export.filename();
            j.node = runner.node();
            j.createdAt = j.heartbeatAt = Instant.now();
            j.persist();
            return j;
        });
        try {
            runner.submit(job.id, export);
        } catch (RejectedExecutionException e) {
            runner.fail(job.id, "refused: too many exports are waiting; try again in a minute");
            throw new ServiceUnavailableException("Too many exports are waiting; try again in a minute",
                    Response.status(503).header("Retry-After", "60").build());
        }
        return job;
    }

    /** The caller's job: 404 if there is none or they are not a member of its project, 403 if it is not theirs. */
    public ExportJob require(Long jobId) {
        return require(null, jobId);
    }

    /** As {@link #require(Long)}; with a {@code projectId} (the job reached through its project's URL) 404 for another project's. */
    public ExportJob require(Long projectId, Long jobId) {
        ExportJob job = jobId == null ? null : ExportJob.findById(jobId);
        if (job == null || !access.isMember(job.project) || (projectId != null && !job.project.id.equals(projectId))) {
            throw new NotFoundException("No export job " + jobId);
        }
        if (!job.requestedBy.id.equals(currentUser.get().id)) {
            throw new ForbiddenException("Export job " + jobId + " was started by another member");
        }
        return job;
    }

    /** The caller's recent jobs in the project (the project page's list). */
    public List<ExportJob> recent(Project project, int max) {
        return ExportJob.recent(project, currentUser.get(), max);
    }

    /** {@code downloadBase} is the route prefix of the door asking ("/api/v1/exports/" or "/exports/"). */
    public View view(ExportJob job, String downloadBase) {
        Map<String, String> parameters;
        try {
            parameters = JsonConfig.MAPPER.readValue(job.parameters, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            parameters = Map.of("format", job.format);
        }
        return new View(job.id, job.project.id, job.state,
                new Progress(job.doneDocuments, Math.max(job.doneDocuments, job.totalDocuments)), job.format,
                parameters, job.createdAt, job.startedAt, job.finishedAt, job.fileName, job.fileBytes, job.error,
                job.state == ExportJobState.done ? downloadBase + job.id + "/download" : null);
    }

    /**
     * The finished file: 409 while the job is queued or running (or after it failed), 410 once cleaned up,
     * 503 when the file is on another instance that does not share the export directory.
     */
    public Response download(ExportJob job) {
        switch (job.state) {
            case queued, running -> throw new ConflictException("Export job " + job.id + " is " + job.state
                    + " (" + job.doneDocuments + " of " + job.totalDocuments + " documents)");
            case failed -> throw new ConflictException("Export job " + job.id + " failed: " + job.error);
            case expired -> throw new ClientErrorException("Export job " + job.id + "'s file was removed after "
                    + runner.retention() + "; start the export again", 410);
            default -> {
            }
        }
        Path file = job.filePath == null ? null : Path.of(job.filePath);
        if (file == null || !Files.isReadable(file)) {
            if (!runner.node().equals(job.node)) {
                throw new ServiceUnavailableException("The file of export job " + job.id + " is on instance "
                        + job.node + ", which does not share credence.export-dir with this one",
                        Response.status(503).header("Retry-After", "1").build());
            }
            throw new ClientErrorException("Export job " + job.id + "'s file is gone; start the export again", 410);
        }
        ExportFormat format = ExportFormat.parse(job.format);
        return Response.ok(file.toFile())
                .type(format.contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ExportService.attachment(job.fileName))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
