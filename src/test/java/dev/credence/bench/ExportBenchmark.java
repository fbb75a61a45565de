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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Export benchmark: 2,000 documents × 50 claims (100,000 claims, 200,000 hops, 500 sources)
 * written with JDBC batches into the H2 file database target/bench-db (kept between runs),
 * then the JSONL and CSV exports timed end to end through the real HTTP route, with heap
 * sampled every 50 ms. Run: {@code ./mvnw -Pbenchmark test} (surefire runs it with -Xmx256m).
 * Results are printed and written to target/benchmark-results.md.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@Tag("benchmark")
class ExportBenchmark {
    static final int DOCUMENTS = Integer.getInteger("bench.documents", 2000);
    static final int CLAIMS_PER_DOCUMENT = Integer.getInteger("bench.claims", 50);
    static final int SOURCES = 500;
    static final int RUNS = Integer.getInteger("bench.runs", 2);
    static final String PROJECT = "Export benchmark " + DOCUMENTS + "x" + CLAIMS_PER_DOCUMENT;

    @Inject
    DataSource dataSource;
    @Inject
    ProjectService projects;
    @Inject
    ExportService exports;

    @TestHTTPResource("/")
    URL base;

    final List<String> report = new ArrayList<>();

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
        line("| run | route | format | seconds | claims/s | MB | lines | heap after GC before (MiB) | peak heap used (MiB) | peak heap after GC (MiB) |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (ExportFormat format : ExportFormat.values()) {
            for (int run = 1; run <= RUNS; run++) {
                http(run, format, projectId, token, claims);
            }
            direct(format, projectId, claims);
        }
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

    /** The exporter alone, writing to a counting stream: the cost without HTTP. */
    private void direct(ExportFormat format, long projectId, long claims) throws Exception {
        measure("-", "in-process", format, claims, () -> {
            CountingStream out = new CountingStream();
            QuarkusTransaction.requiringNew().timeout(3600)
                    .run(() -> exports.write(ExportScope.all(projectId), format, out));
            return new long[] { out.bytes, out.lines };
        });
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
        line("| %s | %s | %s | %.2f | %,.0f | %.1f | %,d | %d | %d | %d |", run, route, format, seconds,
                claims / seconds, result[0] / 1e6, result[1], before >> 20, peak.get() >> 20, peakLive.get() >> 20);
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
        generate(project.id, admin.id);
        line("Generated with JDBC batches in %.1f s.", (System.nanoTime() - t0) / 1e9);
        return project.id;
    }

    private static final String[] FIRMS = { "Lanternfish", "Grey Heron Labs", "Kestrel Intel", "North Quay Research" };
    private static final String[] OUTLETS = { "Harbor Ledger", "The Evening Lamp", "Radio Meridian", "新港日报" };

    private void generate(long projectId, long ownerId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long sourceBase = nextId(c, "source");
            long documentBase = nextId(c, "document");
            long layerBase = nextId(c, "layer");
            long claimBase = nextId(c, "claim");
            long mentionBase = nextId(c, "mention");
            long cueBase = nextId(c, "cue");
            long hopBase = nextId(c, "attribution_hop");
            Timestamp now = Timestamp.from(Instant.now());
            String[] sourceNames = new String[SOURCES];
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into source (id, name, type, country, created_at) values (?, ?, ?, ?, ?)")) {
                for (int s = 0; s < SOURCES; s++) {
                    boolean firm = s % 2 == 0;
                    sourceNames[s] = (firm ? FIRMS : OUTLETS)[s / 2 % 4] + " #" + s;
                    ps.setLong(1, sourceBase + s);
                    ps.setString(2, sourceNames[s]);
                    ps.setString(3, firm ? "firm_report" : "independent_media");
                    ps.setString(4, s % 3 == 0 ? "TW" : null);
                    ps.setTimestamp(5, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement doc = c.prepareStatement("insert into document (id, project_id, title, url,"
                    + " publisher, published_at, text, text_sha256, length_cp, created_at) values (?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement layer = c.prepareStatement("insert into layer (id, document_id, owner_id, kind,"
                            + " state, updated_at, version) values (?,?,?,'reviewer','submitted',?,0)");
                    PreparedStatement claim = c.prepareStatement("insert into claim (id, layer_id, start_offset,"
                            + " end_offset, exact_text, prefix_text, suffix_text, kind, stance, check_worthy,"
                            + " credibility, rationale, evidence_url, created_at, updated_at, version)"
                            + " values (?,?,?,?,?,?,?,'event','asserted',true,?,?,null,?,?,0)");
                    PreparedStatement mention = c.prepareStatement("insert into mention (id, layer_id, start_offset,"
                            + " end_offset, exact_text, prefix_text, suffix_text, source_id, created_at)"
                            + " values (?,?,?,?,?,?,?,?,?)");
                    PreparedStatement cue = c.prepareStatement("insert into cue (id, layer_id, start_offset,"
                            + " end_offset, exact_text, prefix_text, suffix_text, cue_class, created_at)"
                            + " values (?,?,?,?,?,?,?,'speech',?)");
                    PreparedStatement hop = c.prepareStatement("insert into attribution_hop (id, claim_id, position,"
                            + " source_id, mention_id, cue_id, relation, reliability) values (?,?,?,?,?,?,?,?)")) {
                long claimId = claimBase;
                long hopId = hopBase;
                for (int d = 0; d < DOCUMENTS; d++) {
                    long documentId = documentBase + d;
                    long layerId = layerBase + d;
                    // Each sentence: "<firm> told <outlet> that <claim>.\n"; offsets counted in code points.
                    StringBuilder text = new StringBuilder();
                    int cp = 0;
                    List<int[]> spans = new ArrayList<>();
                    List<String[]> strings = new ArrayList<>();
                    for (int k = 0; k < CLAIMS_PER_DOCUMENT; k++) {
                        int firm = (d * 7 + k * 2) % SOURCES / 2 * 2;
                        int outlet = firm + 1;
                        String firmName = sourceNames[firm];
                        String claimText = "unit " + d + "-" + k + " moved 🚢 " + (k * 13 % 97)
                                + " vessels, \"allegedly\", near 港口 " + d;
                        int firmStart = cp;
                        text.append(firmName).append(" told ").append(sourceNames[outlet]).append(" that ");
                        int cueStart = firmStart + cps(firmName) + 1;
                        cp += cps(firmName) + 6 + cps(sourceNames[outlet]) + 6;
                        int claimStart = cp;
                        text.append(claimText).append(".\n");
                        cp += cps(claimText) + 2;
                        spans.add(new int[] { firmStart, cueStart, claimStart, firm, outlet });
                        strings.add(new String[] { firmName, claimText });
                    }
                    String body = text.toString();
                    int[] at = codePointIndex(body);
                    doc.setLong(1, documentId);
                    doc.setLong(2, projectId);
                    doc.setString(3, "Benchmark article " + d + ", with \"quotes\" 🚢");
                    doc.setString(4, "https://example.org/bench/" + d);
                    doc.setString(5, "Harbor Ledger");
                    doc.setObject(6, java.time.LocalDate.of(2025, 1, 1).plusDays(d % 365));
                    doc.setString(7, body);
                    doc.setString(8, String.format("%064x", documentId));
                    doc.setInt(9, cp);
                    doc.setTimestamp(10, now);
                    doc.addBatch();
                    layer.setLong(1, layerId);
                    layer.setLong(2, documentId);
                    layer.setLong(3, ownerId);
                    layer.setTimestamp(4, now);
                    layer.addBatch();
                    for (int k = 0; k < CLAIMS_PER_DOCUMENT; k++) {
                        int[] s = spans.get(k);
                        String[] str = strings.get(k);
                        long mentionId = mentionBase + (long) d * CLAIMS_PER_DOCUMENT + k;
                        long cueId = cueBase + (long) d * CLAIMS_PER_DOCUMENT + k;
                        span(mention, mentionId, layerId, body, at, s[0], str[0]);
                        mention.setLong(8, sourceBase + s[3]);
                        mention.setTimestamp(9, now);
                        mention.addBatch();
                        span(cue, cueId, layerId, body, at, s[1], "told");
                        cue.setTimestamp(8, now);
                        cue.addBatch();
                        span(claim, claimId, layerId, body, at, s[2], str[1]);
                        claim.setInt(8, 1 + k % 6);
                        claim.setString(9, k % 5 == 0 ? "Single firm, unconfirmed; see \"annex\"" : null);
                        claim.setTimestamp(10, now);
                        claim.setTimestamp(11, now);
                        claim.addBatch();
                        hop(hop, hopId++, claimId, 0, sourceBase + s[3], mentionId, cueId, "asserts", "ABCDEF".substring(k % 6, k % 6 + 1));
                        hop(hop, hopId++, claimId, 1, sourceBase + s[4], null, null, "reports", null);
                        claimId++;
                    }
                    if (d % 20 == 19 || d == DOCUMENTS - 1) {
                        doc.executeBatch();
                        layer.executeBatch();
                        claim.executeBatch();
                        mention.executeBatch();
                        cue.executeBatch();
                        hop.executeBatch();
                        c.commit();
                    }
                }
            }
            // Explicit ids were used: move every identity past them so the app can insert again.
            for (String table : List.of("source", "document", "layer", "claim", "mention", "cue", "attribution_hop")) {
                long next = nextId(c, table);
                try (Statement s = c.createStatement()) {
                    s.execute("alter table " + table + " alter column id restart with " + next);
                }
            }
            c.commit();
        }
    }

    /** Binds id, layer, offsets, exact and 32 code points of context; {@code at[i]} is the char index of code point i. */
    private static void span(PreparedStatement ps, long id, long layerId, String text, int[] at, int start, String exact)
            throws Exception {
        int end = start + cps(exact);
        if (!text.substring(at[start], at[end]).equals(exact)) {
            throw new IllegalStateException("offset bug at " + start + ": " + exact);
        }
        int length = at.length - 1;
        ps.setLong(1, id);
        ps.setLong(2, layerId);
        ps.setInt(3, start);
        ps.setInt(4, end);
        ps.setString(5, exact);
        ps.setString(6, text.substring(at[Math.max(0, start - 32)], at[start]));
        ps.setString(7, text.substring(at[end], at[Math.min(length, end + 32)]));
    }

    private static int[] codePointIndex(String text) {
        int[] at = new int[cps(text) + 1];
        int i = 0;
        for (int cp = 0; cp < at.length - 1; cp++) {
            at[cp] = i;
            i += Character.charCount(text.codePointAt(i));
        }
        at[at.length - 1] = text.length();
        return at;
    }

    private static void hop(PreparedStatement ps, long id, long claimId, int position, long sourceId, Long mentionId,
            Long cueId, String relation, String reliability) throws Exception {
        ps.setLong(1, id);
        ps.setLong(2, claimId);
        ps.setInt(3, position);
        ps.setLong(4, sourceId);
        ps.setObject(5, mentionId);
        ps.setObject(6, cueId);
        ps.setString(7, relation);
        ps.setString(8, reliability);
        ps.addBatch();
    }

    private static int cps(String s) {
        return s.codePointCount(0, s.length());
    }

    private static long nextId(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
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
