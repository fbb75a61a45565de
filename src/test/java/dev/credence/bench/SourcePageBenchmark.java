package dev.credence.bench;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.project.Project;
import dev.credence.project.ProjectService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A source's page and {@code /api/v1/sources/{id}/stats} for a source with {@code bench.documents} (default 1,500)
 * × 10 claims, every claim attributed to it (BenchProject with two sources: every claim is "firm ← outlet"), dated
 * over a year, every tenth claim linked to the next (corroborates, independent) and every 25th contradicted. The
 * manager's view (every layer), {@code bench.runs} (default 30) requests each, p50 / p95 / max. Run:
 * {@code nice -n 19 ./mvnw -Pbenchmark test -Dtest=SourcePageBenchmark -Dbench.heap=512m}. Writes
 * target/source-page-benchmark-results.md.
 */
@QuarkusTest
@TestProfile(SourcePageBenchProfile.class)
@Tag("benchmark")
class SourcePageBenchmark {
    static final int DOCUMENTS = Integer.getInteger("bench.documents", 1_500);
    static final int CLAIMS = 10;
    static final int RUNS = Integer.getInteger("bench.runs", 30);

    @TestHTTPResource("/")
    URL base;
    @Inject
    DataSource dataSource;
    @Inject
    ProjectService projects;

    @Test
    void sourcePage() throws Exception {
        String name = "Source page benchmark " + DOCUMENTS + "x" + CLAIMS;
        User admin = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(TestData.ADMIN).orElseThrow());
        Project existing = QuarkusTransaction.requiringNew().call(() -> Project.<Project>find("name", name).firstResult());
        List<String> out = new ArrayList<>();
        long projectId;
        if (existing == null) {
            Project p = QuarkusTransaction.requiringNew().call(() -> projects.create(admin, name, null, null));
            long t0 = System.nanoTime();
            BenchProject.generate(dataSource, p.id, admin.id, DOCUMENTS, CLAIMS, 2, true);
            links(p.id, admin.id);
            out.add(String.format(Locale.ROOT, "Generated %,d documents × %d claims in %.1f s.", DOCUMENTS, CLAIMS,
                    (System.nanoTime() - t0) / 1e9));
            projectId = p.id;
        } else {
            projectId = existing.id;
        }
        long source;
        long claims;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select h.source_id,"
                + " count(distinct h.claim_id) from attribution_hop h join claim cl on cl.id = h.claim_id join layer l on"
                + " l.id = cl.layer_id join document d on d.id = l.document_id where d.project_id = ? and h.position = 0"
                + " group by h.source_id order by 2 desc")) {
            ps.setLong(1, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                source = rs.getLong(1);
                claims = rs.getLong(2);
            }
        }
        out.add(String.format(Locale.ROOT, "Source #%d: %,d claims attributed (hop 0), as the project's manager.", source, claims));
        String token = TestData.token(TestData.ADMIN);
        Map<String, String> session = TestData.login(TestData.ADMIN);
        String cookie = session.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "; " + b)
                .orElse("");
        HttpClient http = HttpClient.newHttpClient();
        out.add("");
        out.add("| request | p50 ms | p95 ms | max ms | bytes |");
        out.add("|---|---|---|---|---|");
        out.add(measure(http, HttpRequest.newBuilder(URI.create(base + "api/v1/sources/" + source + "/stats"))
                .header("Authorization", "Bearer " + token).GET().build(), "`GET /api/v1/sources/{id}/stats`"));
        out.add(measure(http, HttpRequest.newBuilder(URI.create(base + "sources/" + source)).header("Cookie", cookie)
                .GET().build(), "`GET /sources/{id}` (the page, charts and first 50 claims)"));
        String report = String.join("\n", out) + "\n";
        System.out.println(report);
        Files.writeString(Path.of("target/source-page-benchmark-results.md"), report);
    }

    private static String measure(HttpClient http, HttpRequest req, String label) throws Exception {
        HttpResponse<String> warm = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (warm.statusCode() != 200) {
            throw new IllegalStateException(label + ": HTTP " + warm.statusCode() + " " + warm.body());
        }
        long[] us = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            us[i] = (System.nanoTime() - s) / 1_000;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(label + ": HTTP " + r.statusCode());
            }
        }
        Arrays.sort(us);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %,d |", label, us[RUNS / 2] / 1e3,
                us[(int) (RUNS * 0.95)] / 1e3, us[RUNS - 1] / 1e3, warm.body().length());
    }

    /** Every tenth claim corroborates the next one independently; every 25th contradicts the one after. */
    private void links(long projectId, long adminId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select cl.id from claim cl join layer l on l.id = cl.layer_id"
                    + " join document d on d.id = l.document_id where d.project_id = ? order by cl.id")) {
                ps.setLong(1, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into claim_link (project_id, claim_id, target_claim_id,"
                    + " relation, origin, created_by_id, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i + CLAIMS < ids.size(); i++) {
                    boolean corroborates = i % 10 == 0;
                    if (!corroborates && i % 25 != 0) {
                        continue;
                    }
                    ps.setLong(1, projectId);
                    ps.setLong(2, ids.get(i));
                    ps.setLong(3, ids.get(i + CLAIMS)); // the same position in the next document
                    ps.setString(4, corroborates ? "corroborates" : "contradicts");
                    ps.setString(5, corroborates ? "independent" : "unknown");
                    ps.setLong(6, adminId);
                    ps.setTimestamp(7, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
