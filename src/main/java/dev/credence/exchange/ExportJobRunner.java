package dev.credence.exchange;

import dev.credence.database.DatabaseReady;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs export jobs on a small dedicated pool ({@code credence.export.job-threads}, default 1, with a bounded
 * queue), so a burst of large exports never takes the request threads or more than a core; writes each to a
 * file under {@code credence.export-dir}, updating the job's row after every page of documents.
 *
 * <p>Two instances on one database: the row is the truth. Each instance renews the heartbeat of the jobs it
 * holds; at start it fails the jobs it held before a restart (same {@code credence.instance-id}), and any
 * instance fails queued or running jobs whose heartbeat stopped (their instance died). Finished files are
 * removed after {@code credence.export.retention} (the job becomes {@code expired}), and so are leftovers in
 * the directory (a crash's partial file). Each instance serves the files it wrote: share the directory
 * between instances, or route a download to the instance named by the job (docs/operations.md).
 */
@ApplicationScoped
public class ExportJobRunner {
    private static final Logger LOG = Logger.getLogger(ExportJobRunner.class);

    @Inject
    ExportService exports;

    @ConfigProperty(name = "credence.export-dir", defaultValue = "data/exports")
    Path exportDir;

    @ConfigProperty(name = "credence.export.job-threads", defaultValue = "1")
    int threads;

    /** Jobs waiting beyond the running ones; one more answers 503. */
    @ConfigProperty(name = "credence.export.job-queue", defaultValue = "16")
    int queueSize;

    @ConfigProperty(name = "credence.export.retention", defaultValue = "PT24H")
    Duration retention;

    @ConfigProperty(name = "credence.export.heartbeat", defaultValue = "PT30S")
    Duration heartbeat;

    /** A disk guard: a job whose file would grow beyond this fails. */
    @ConfigProperty(name = "credence.export.max-file-bytes")
    Optional<Long> maxFileBytes;

    @ConfigProperty(name = "credence.instance-id")
    Optional<String> instanceId;

    Clock clock = Clock.systemUTC();

    private ThreadPoolExecutor executor;
    private ScheduledExecutorService housekeeping;
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private volatile String node;
    private volatile long fileLimit = Long.MAX_VALUE;
    /** Test pacing (browser tests watch the bar move): documents per page (0: the export's own) and a pause after each. */
    private volatile int pageSize;
    private volatile long pauseMillis;

    void onReady(@Observes DatabaseReady event) {
        start();
    }

    synchronized void start() {
        if (executor != null) {
            return;
        }
        fileLimit = maxFileBytes.orElse(Long.MAX_VALUE);
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueSize),
                r -> daemon(r, "credence-export-job-" + n.incrementAndGet()));
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "credence-export-housekeeping"));
        try {
            Files.createDirectories(directory());
        } catch (IOException e) {
            LOG.errorf("Export directory %s cannot be created (%s): export jobs will fail", directory(), e.getMessage());
        }
        int recovered = failInterrupted();
        if (recovered > 0) {
            LOG.infof("%d export job(s) interrupted by the last stop of instance %s marked failed", recovered, node());
        }
        long period = Math.max(1, heartbeat.toSeconds());
        housekeeping.scheduleWithFixedDelay(this::housekeeping, period, period, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor == null) {
            return;
        }
        housekeeping.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // What is still held is failed now if the database is still there, else at the next start.
        try {
            for (Long id : held) {
                fail(id, "interrupted: the instance stopped");
            }
        } catch (RuntimeException e) {
            LOG.debugf("Export jobs not marked at shutdown: %s", e.getMessage());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** This instance's name in the job rows. */
    public String node() {
        if (node == null) {
            node = instanceId.filter(s -> !s.isBlank()).orElseGet(ExportJobRunner::defaultNode);
        }
        return node;
    }

    /** Host and HTTP port: two instances on one host differ by port. */
    private static String defaultNode() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "localhost";
            }
        }
        String port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", String.class).orElse("8080");
        return host + ":" + port;
    }

    public Duration retention() {
        return retention;
    }

    public Path directory() {
        return exportDir.toAbsolutePath().normalize();
    }

    /** Queues the job; 503 (by the caller) when the queue is full. */
    void submit(long jobId, ExportService.Prepared export) throws RejectedExecutionException {
        start();
        held.add(jobId);
        try {
            executor.execute(() -> run(jobId, export));
        } catch (RejectedExecutionException e) {
            held.remove(jobId);
            throw e;
        }
    }

    private void run(long jobId, ExportService.Prepared export) {
        Path part = directory().resolve("export-job-" + jobId + "." + export.format().extension + ".part");
        Path file = directory().resolve("export-job-" + jobId + "." + export.format().extension);
        try {
            if (!started(jobId)) {
                return; // deleted with its project while queued, or failed by a sweep
            }
            Files.createDirectories(directory());
            try (OutputStream out = new LimitedOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(part), 1 << 16), fileLimit)) {
                ExportService.Progress progress = throttled(jobId);
                if (pageSize > 0) {
                    exports.writeInTransaction(export.context(), export.format(), out, progress, pageSize);
                } else {
                    exports.writeInTransaction(export.context(), export.format(), out, progress);
                }
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            finished(jobId, file, Files.size(file));
        } catch (Throwable e) {
            deleteQuietly(part);
            deleteQuietly(file);
            LOG.warnf("Export job %d failed: %s", jobId, describe(e));
            try {
                fail(jobId, describe(e));
            } catch (RuntimeException again) {
                LOG.warnf("Export job %d not marked failed: %s", jobId, again.getMessage());
            }
            if (e instanceof Error error && !(e instanceof OutOfMemoryError)) {
                throw error;
            }
        } finally {
            held.remove(jobId);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 1900 ? message.substring(0, 1900) + "…" : message;
    }

    /** queued → running with the total; false if the job is gone or no longer queued. */
    private boolean started(long jobId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ExportJob job = ExportJob.findById(jobId);
            if (job == null || job.state != ExportJobState.queued) {
                return false;
            }
            job.state = ExportJobState.running;
            job.startedAt = job.heartbeatAt = clock.instant();
            job.totalDocuments = (int) dev.credence.document.Document.count("project.id", job.project.id);
            return true;
        });
    }

    /**
     * Writes the progress after a page at most every {@link #PROGRESS_INTERVAL} (every page when paced for tests):
     * a million-claim export has hundreds of pages, each update its own commit; the last count is written when
     * the job finishes, and the heartbeat is renewed by the housekeeping anyway.
     */
    private ExportService.Progress throttled(long jobId) {
        long[] last = { System.nanoTime() - PROGRESS_INTERVAL.toNanos() };
        return documents -> {
            long now = System.nanoTime();
            if (pauseMillis > 0 || now - last[0] >= PROGRESS_INTERVAL.toNanos()) {
                last[0] = now;
                progress(jobId, documents);
            }
        };
    }

    /** The least time between two progress writes of one job. */
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);

    /** After each page; a job whose row is gone (its project deleted) stops. */
    private void progress(long jobId, int documents) {
        int updated = QuarkusTransaction.requiringNew().call(() -> ExportJob.update(
                "doneDocuments = ?1, heartbeatAt = ?2 where id = ?3 and state = ?4", documents, clock.instant(), jobId, ExportJobState.running));
        if (updated == 0) {
            throw new IllegalStateException("export job " + jobId + " is no longer running");
        }
        if (pauseMillis > 0) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("export job " + jobId + " interrupted");
            }
        }
    }

    private void finished(long jobId, Path file, long bytes) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExportJob job = ExportJob.findById(jobId);
            if (job == null) {
                deleteQuietly(file);
                return;
            }
            job.state = ExportJobState.done;
            job.doneDocuments = job.totalDocuments = Math.max(job.doneDocuments, job.totalDocuments);
            job.filePath = file.toString();
            job.fileBytes = bytes;
            job.finishedAt = job.heartbeatAt = clock.instant();
        });
    }

    void fail(long jobId, String error) {
        QuarkusTransaction.requiringNew().run(() -> ExportJob.update(
                "state = ?1, error = ?2, finishedAt = ?3, filePath = null where id = ?4 and state in ?5",
                ExportJobState.failed, error, clock.instant(), jobId,
                List.of(ExportJobState.queued, ExportJobState.running)));
    }

    /** Jobs this instance held when it last stopped: they will not finish. */
    int failInterrupted() {
        return QuarkusTransaction.requiringNew().call(() -> ExportJob.update(
                "state = ?1, error = ?2, finishedAt = ?3 where node = ?4 and state in ?5",
                ExportJobState.failed, "interrupted: the instance restarted while the export was running",
                clock.instant(), node(), List.of(ExportJobState.queued, ExportJobState.running)));
    }

    /** Every heartbeat: renew ours, fail other instances' dead jobs, remove expired files. */
    void housekeeping() {
        try {
            Instant now = clock.instant();
            if (!held.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> ExportJob.update(
                        "heartbeatAt = ?1 where id in ?2 and state in ?3", now, List.copyOf(held),
                        List.of(ExportJobState.queued, ExportJobState.running)));
            }
            failAbandoned(now);
            cleanUp(now);
        } catch (RuntimeException e) {
            LOG.warnf("Export housekeeping failed: %s", e.getMessage());
        }
    }

    /** Queued or running jobs of any instance without a heartbeat for three periods: that instance is gone. */
    int failAbandoned(Instant now) {
        Instant stale = now.minus(heartbeat.multipliedBy(3));
        return QuarkusTransaction.requiringNew().call(() -> ExportJob.update(
                "state = ?1, error = ?2, finishedAt = ?3 where state in ?4 and heartbeatAt < ?5 and node <> ?6",
                ExportJobState.failed, "interrupted: the instance running the export stopped", now,
                List.of(ExportJobState.queued, ExportJobState.running), stale, node()));
    }

    /**
     * Done jobs finished before the retention time lose their file (the job is {@code expired}); files in the
     * directory older than that with no job to serve them (a crash's partial file) are removed too.
     */
    int cleanUp(Instant now) {
        Instant before = now.minus(retention);
        List<ExportJob> old = QuarkusTransaction.requiringNew().call(() -> ExportJob.<ExportJob>list(
                "state = ?1 and finishedAt < ?2", ExportJobState.done, before));
        int removed = 0;
        for (ExportJob job : old) {
            Path file = job.filePath == null ? null : Path.of(job.filePath);
            boolean ours = node().equals(job.node) || (file != null && Files.exists(file));
            if (!ours) {
                continue; // another instance's file: it cleans it up
            }
            if (file != null) {
                deleteQuietly(file);
            }
            QuarkusTransaction.requiringNew().run(() -> ExportJob.update(
                    "state = ?1, filePath = null where id = ?2 and state = ?3", ExportJobState.expired, job.id,
                    ExportJobState.done));
            removed++;
        }
        try (Stream<Path> files = Files.list(directory())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("export-job-")).toList()) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    deleteQuietly(f);
                }
            }
        } catch (IOException e) {
            LOG.debugf("Export directory not listed: %s", e.getMessage());
        }
        return removed;
    }

    /** For tests: {@code documentsPerPage} (0: the export's own) and a pause after each page. */
    void pace(int documentsPerPage, Duration pause) {
        pageSize = documentsPerPage;
        pauseMillis = pause.toMillis();
    }

    /** For tests: a disk guard of {@code bytes} (the configured one otherwise). */
    void limitFileBytes(long bytes) {
        fileLimit = bytes;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("Not deleted: %s (%s)", file, e.getMessage());
        }
    }
}
