package dev.credence.bench;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.exchange.ExportFormat;
import dev.credence.exchange.ExportScope;
import dev.credence.exchange.ExportService;
import dev.credence.project.Project;
import dev.credence.project.ProjectService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Export benchmark: by default 10,000 documents × 100 claims (1,000,000 claims, 2,000,000 hops, 500
 * sources; {@code -Dbench.documents}, {@code -Dbench.claims} per document) written with JDBC batches
 * (BenchProject) into the H2 file database target/bench-db (kept between runs), then every format of
 * {@link ExportFormat} (or {@code -Dbench.formats=jsonl,csv}) timed end to end through the real HTTP
 * route and in-process, against the floor of the same rows read by bare JDBC and written by a Jackson
 * streaming loop (ExportFloor), with heap sampled every 50 ms. Run: {@code ./mvnw -Pbenchmark test}
 * (surefire runs it with -Xmx256m). Results are printed and written to target/benchmark-results.md.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@Tag("benchmark")
class ExportBenchmark {
    static final int DOCUMENTS = Integer.getInteger("bench.documents", 10_000);
    static final int CLAIMS_PER_DOCUMENT = Integer.getInteger("bench.claims", 100);
    static final String FORMATS = System.getProperty("bench.formats", "");
    static final int SOURCES = 500;
    static final int RUNS = Integer.getInteger("bench.runs", 2);
    /**
     * Routes besides the HTTP runs, comma-separated: {@code direct} (in-process, ExportService.write) and {@code job}
     * (a background export job through the API, file downloaded), {@code job=csv+w3c} for some formats only.
     */
    static final List<String> ROUTES = List.of(System.getProperty("bench.routes", "direct").split(","));
    /** false: the floor only once, at the start (saves a floor pass on a long run). */
    static final boolean FLOOR_AGAIN = Boolean.parseBoolean(System.getProperty("bench.floor-again", "true"));
    static final String PROJECT = "Export benchmark " + DOCUMENTS + "x" + CLAIMS_PER_DOCUMENT;

    @Inject
    DataSource dataSource;
    @Inject
    ProjectService projects;
    @Inject
    ExportService exports;

    @TestHTTPResource("/")
    URL base;

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    final List<String> report = new ArrayList<>();
    /** The best floor time so far, the denominator of "× floor". */
    double floorSeconds = Double.MAX_VALUE;
    /** Each format's and route's best time, for the summary against the best floor. */
    final java.util.Map<String, Double> best = new java.util.LinkedHashMap<>();

    @Test
    void exportLargeProject() throws Exception {
        long projectId = project();
        String token = TestData.token(TestData.ADMIN);
        long claims = count("select count(*) from claim c join layer l on c.layer_id = l.id join document d"
                + " on l.document_id = d.id where d.project_id = " + projectId);
        long hops = count("select count(*) from attribution_hop h join claim c on h.claim_id = c.id join layer l"
                + " on c.layer_id = l.id join document d on l.document_id = d.id where d.project_id = " + projectId);
        line("Load average at start: %.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line("Data: %,d documents, %,d claims, %,d hops, %d sources; max heap %d MiB; %d CPUs",
                DOCUMENTS, claims, hops, SOURCES, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        line("");
        line("| run | route | format | seconds | claims/s | × floor | MB | lines | heap after GC before (MiB) | peak heap used (MiB) | peak heap after GC (MiB) |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        // The floor first and once more at the end: the first also warms the database's cache for everyone.
        floor(projectId, claims);
        for (ExportFormat format : formats()) {
            for (int run = 1; run <= RUNS; run++) {
                http(run, format, projectId, token, claims);
            }
            if (ROUTES.contains("direct")) {
                direct(format, projectId, claims);
            }
            if (ROUTES.contains("job") || ROUTES.stream().anyMatch(r -> r.startsWith("job=")
                    && List.of(r.substring(4).split("\\+")).contains(format.name()))) {
                job(format, projectId, token, claims);
            }
        }
        if (FLOOR_AGAIN) {
            floor(projectId, claims);
        }
        line("");
        line("Against the best floor (%.2f s, %,.0f claims/s):", floorSeconds, claims / floorSeconds);
        line("");
        line("| format | route | best seconds | claims/s | × floor |");
        line("|---|---|---|---|---|");
        best.forEach((key, seconds) -> line("| %s | %s | %.2f | %,.0f | %.1f |", key.substring(0, key.indexOf(' ')),
                key.substring(key.indexOf(' ') + 1), seconds, claims / seconds, seconds / floorSeconds));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/benchmark-results.md"), report);
    }

    private void http(int run, ExportFormat format, long projectId, String token, long claims) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                + "/api/v1/projects/" + projectId + "/export?format=" + format))
                .header("Authorization", "Bearer " + token).build();
        measure(String.valueOf(run), "HTTP", format, claims, () -> {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            long bytes = 0;
            long lines = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = response.body()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            return new long[] { bytes, lines };
        });
    }

    /**
     * A background export job through the API, as the project page runs it: start it, poll its progress every
     * second (it must only grow and end at every document), download the file; timed from the start to the last
     * byte of the download. The file is removed afterwards (w3c at a million claims is ≈ 4 GB).
     */
    private void job(ExportFormat format, long projectId, String token, long claims) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String api = base.toString().replaceAll("/$", "") + "/api/v1/";
        measure("-", "job", format, claims, () -> {
            HttpResponse<String> started = client.send(HttpRequest.newBuilder(URI.create(api + "projects/" + projectId
                    + "/exports?format=" + format)).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                throw new IllegalStateException("job start: HTTP " + started.statusCode() + " " + started.body());
            }
            long jobId = JSON.readTree(started.body()).get("id").asLong();
            int lastDone = -1;
            int polls = 0;
            com.fasterxml.jackson.databind.JsonNode view;
            while (true) {
                Thread.sleep(1000);
                HttpResponse<String> status = client.send(HttpRequest.newBuilder(URI.create(api + "exports/" + jobId))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                view = JSON.readTree(status.body());
                String state = view.get("state").asText();
                int done = view.get("progress").get("done").asInt();
                if (done < lastDone) {
                    throw new IllegalStateException("job " + jobId + " progress went back: " + lastDone + " → " + done);
                }
                lastDone = done;
                polls++;
                if (state.equals("done")) {
                    break;
                }
                if (!state.equals("queued") && !state.equals("running")) {
                    throw new IllegalStateException("job " + jobId + " " + state + ": " + view.path("error").asText());
                }
            }
            int total = view.get("progress").get("total").asInt();
            if (lastDone != DOCUMENTS || total != DOCUMENTS) {
                throw new IllegalStateException("job " + jobId + " ended at " + lastDone + " of " + total + " documents");
            }
            HttpResponse<InputStream> file = client.send(HttpRequest.newBuilder(URI.create(api + "exports/" + jobId
                    + "/download")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (file.statusCode() != 200) {
                throw new IllegalStateException("job download: HTTP " + file.statusCode());
            }
            CountingStream out = new CountingStream();
            try (InputStream in = file.body()) {
                in.transferTo(out);
            }
            if (out.bytes != view.get("bytes").asLong()) {
                throw new IllegalStateException("job download: " + out.bytes + " bytes, the job says " + view.get("bytes"));
            }
            try (var files = Files.list(Path.of("target/bench-exports"))) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("export-job-" + jobId + ".")).toList()) {
                    Files.delete(f);
                }
            }
            line("Job %d: %d polls, progress %d of %d documents, %,d bytes downloaded", jobId, polls, lastDone, total,
                    out.bytes);
            return new long[] { out.bytes, out.lines };
        });
    }

    /** The exporter alone, writing to a counting stream: the cost without HTTP. */
    private void direct(ExportFormat format, long projectId, long claims) throws Exception {
        measure("-", "in-process", format, claims, () -> {
            CountingStream out = new CountingStream();
            QuarkusTransaction.requiringNew().timeout(3600)
                    .run(() -> exports.write(ExportScope.all(projectId), format, out));
            return new long[] { out.bytes, out.lines };
        });
    }

    /** The same rows by bare JDBC, written by a Jackson streaming loop: what no exporter can beat. */
    private void floor(long projectId, long claims) throws Exception {
        measure("-", "floor (JDBC + Jackson)", null, claims, () -> {
            CountingStream out = new CountingStream();
            long written = ExportFloor.write(dataSource, projectId, dev.credence.exchange.ExportReader.DEFAULT_BATCH, out);
            if (written != claims) {
                throw new IllegalStateException("floor wrote " + written + " of " + claims + " claims");
            }
            return new long[] { out.bytes, out.lines };
        });
    }

    private static List<ExportFormat> formats() {
        if (FORMATS.isBlank()) {
            return List.of(ExportFormat.values());
        }
        return java.util.Arrays.stream(FORMATS.split(",")).map(ExportFormat::parse).toList();
    }

    interface Export {
        long[] run() throws Exception;
    }

    private void measure(String run, String route, ExportFormat format, long claims, Export export) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicLong peakLive = new AtomicLong(0);
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                // What survived the last collection: the live data, garbage excluded.
                peakLive.accumulateAndGet(heapPools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum(),
                        Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        long[] result = export.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        if (format == null) {
            floorSeconds = Math.min(floorSeconds, seconds);
        } else {
            best.merge(format + " " + route, seconds, Math::min);
        }
        String ratio = String.format(Locale.ROOT, "%.1f", seconds / floorSeconds);
        line("| %s | %s | %s | %.2f | %,.0f | %s | %.1f | %,d | %d | %d | %d |", run, route,
                format == null ? "jsonl-like" : format, seconds, claims / seconds, ratio, result[0] / 1e6, result[1],
                before >> 20, peak.get() >> 20, peakLive.get() >> 20);
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println("[bench] " + s);
        report.add(s);
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The benchmark project, generated on the first run and reused afterwards. */
    private long project() throws Exception {
        Long existing = QuarkusTransaction.requiringNew().call(() -> Project.<Project>find("name", PROJECT)
                .firstResultOptional().map(p -> p.id).orElse(null));
        if (existing != null) {
            line("Reusing the generated project in target/bench-db (delete the folder to regenerate).");
            return existing;
        }
        User admin = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(TestData.ADMIN).orElseThrow());
        Project project = QuarkusTransaction.requiringNew().call(() -> projects.create(admin, PROJECT, null, null));
        long t0 = System.nanoTime();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        BenchProject.generate(dataSource, project.id, admin.id, DOCUMENTS, CLAIMS_PER_DOCUMENT, SOURCES);
        // CPU time of the generating thread (embedded H2 inserts run in it): less sensitive to a loaded machine.
        line("Generated (JDBC batches, hops by INSERT … SELECT) in %.1f s, %.1f s CPU of the generating thread.",
                (System.nanoTime() - t0) / 1e9, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        return project.id;
    }

    /** Counts bytes and newlines, discards the rest. */
    static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
