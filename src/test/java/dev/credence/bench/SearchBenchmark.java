package dev.credence.bench;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.project.Project;
import dev.credence.project.ProjectService;
import dev.credence.search.SearchIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Project search on 10,000 documents ({@code -Dbench.documents}) with 10 claims each ({@code -Dbench.claims}),
 * written by BenchProject's JDBC batches into target/search-bench-db: the time to build the index from the
 * database, then each query of {@link #QUERIES} {@code bench.runs} times (default 50) through the real HTTP
 * route as the project's manager, p50 / p95 / max. Run:
 * {@code ./mvnw -Pbenchmark test -Dtest=SearchBenchmark -Dbench.heap=1g}. Writes target/search-benchmark-results.md.
 */
@QuarkusTest
@TestProfile(SearchBenchProfile.class)
@Tag("benchmark")
class SearchBenchmark {
    static final int DOCUMENTS = Integer.getInteger("bench.documents", 10_000);
    static final int CLAIMS = Integer.getInteger("bench.claims", 10);
    static final int RUNS = Integer.getInteger("bench.runs", 50);
    static final List<String> QUERIES = List.of("hackers", "shipping companies", "\"state security\"",
            "source:Lanternfish", "grade:2 kind:event", "backdoor -malware", "ministry reported targeted");

    @TestHTTPResource("/")
    URL base;
    @Inject
    DataSource dataSource;
    @Inject
    ProjectService projects;
    @Inject
    SearchIndex index;

    @Test
    void search() throws Exception {
        String name = "Search benchmark (news text) " + DOCUMENTS + "x" + CLAIMS;
        User admin = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(TestData.ADMIN).orElseThrow());
        Project existing = QuarkusTransaction.requiringNew().call(() -> Project.<Project>find("name", name).firstResult());
        long projectId;
        List<String> out = new ArrayList<>();
        if (existing == null) {
            Project p = QuarkusTransaction.requiringNew().call(() -> projects.create(admin, name, null, null));
            long t0 = System.nanoTime();
            BenchProject.generate(dataSource, p.id, admin.id, DOCUMENTS, CLAIMS, 200, true);
            out.add(String.format(Locale.ROOT, "Generated %,d documents × %d claims in %.1f s.", DOCUMENTS, CLAIMS,
                    (System.nanoTime() - t0) / 1e9));
            projectId = p.id;
        } else {
            projectId = existing.id;
        }
        // The JDBC batches leave no change_log row (as hand-written SQL would not): the full comparison reads them,
        // as the start-up build or the periodic full check does.
        QuarkusTransaction.requiringNew().run(index::catchUp);
        long t0 = System.nanoTime();
        QuarkusTransaction.requiringNew().run(index::fullReconcile);
        out.add(String.format(Locale.ROOT, "Full comparison with the tables, building the index (just generated, or the"
                + " first run on this database) or finding it current: %.1f s.", (System.nanoTime() - t0) / 1e9));
        long t2 = System.nanoTime();
        QuarkusTransaction.requiringNew().run(index::fullReconcile);
        out.add(String.format(Locale.ROOT, "Full comparison with nothing changed (start-up on a built index, the periodic"
                + " full check): %.1f s.", (System.nanoTime() - t2) / 1e9));
        long[] idle = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            QuarkusTransaction.requiringNew().run(index::catchUp);
            idle[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(idle);
        out.add(String.format(Locale.ROOT, "Catch-up before a query with nothing changed (one change_log range query, in its"
                + " own transaction): p50 %.2f ms, max %.2f ms over %d runs.", idle[RUNS / 2] / 1e6, idle[RUNS - 1] / 1e6, RUNS));
        long[] one = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long claim = oneEdit(projectId, i);
            long s = System.nanoTime();
            QuarkusTransaction.requiringNew().run(index::catchUp);
            one[i] = System.nanoTime() - s;
            if (claim < 0) {
                throw new IllegalStateException("no claim to edit");
            }
        }
        java.util.Arrays.sort(one);
        out.add(String.format(Locale.ROOT, "Catch-up after one claim edit made over JDBC with its change_log row (as another"
                + " instance writes): p50 %.1f ms, max %.1f ms over %d runs.", one[RUNS / 2] / 1e6, one[RUNS - 1] / 1e6, RUNS));

        String token = TestData.token(TestData.ADMIN);
        HttpClient http = HttpClient.newHttpClient();
        out.add("");
        out.add("| query | matches (documents / claims) | p50 ms | p95 ms | max ms |");
        out.add("|---|---|---|---|---|");
        for (String q : QUERIES) {
            URI uri = URI.create(base + "api/v1/projects/" + projectId + "/search?limit=20&q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8));
            HttpRequest req = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
            String body = http.send(req, HttpResponse.BodyHandlers.ofString()).body(); // warm-up
            long[] ms = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                ms[i] = (System.nanoTime() - s) / 1_000;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(q + ": HTTP " + r.statusCode() + " " + r.body());
                }
            }
            java.util.Arrays.sort(ms);
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            out.add(String.format(Locale.ROOT, "| `%s` | %,d / %,d | %.1f | %.1f | %.1f |", q, json.get("documentTotal").asLong(),
                    json.get("claimTotal").asLong(), ms[RUNS / 2] / 1e3, ms[(int) (RUNS * 0.95)] / 1e3, ms[RUNS - 1] / 1e3));
        }
        String report = String.join("\n", out) + "\n";
        System.out.println(report);
        Files.writeString(Path.of("target/search-benchmark-results.md"), report);
    }

    /** Bumps one claim's version in SQL and logs it, as another instance's save would; the claim id. */
    private long oneEdit(long projectId, int i) throws Exception {
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long claim;
            long document;
            try (var ps = c.prepareStatement("select c.id, l.document_id from claim c join layer l on l.id = c.layer_id"
                    + " join document d on d.id = l.document_id where d.project_id = ? order by c.id offset ? rows fetch next 1 rows only")) {
                ps.setLong(1, projectId);
                ps.setInt(2, i * 97);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return -1;
                    }
                    claim = rs.getLong(1);
                    document = rs.getLong(2);
                }
            }
            try (var ps = c.prepareStatement("update claim set version = version + 1 where id = ?")) {
                ps.setLong(1, claim);
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("insert into change_log (changed_at, project_id, document_id, entity_type,"
                    + " entity_id, action) values (current_timestamp, ?, ?, 'claim', ?, 'update')")) {
                ps.setLong(1, projectId);
                ps.setLong(2, document);
                ps.setLong(3, claim);
                ps.executeUpdate();
            }
            c.commit();
            return claim;
        }
    }
}
