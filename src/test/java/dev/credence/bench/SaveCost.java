package dev.credence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one claim save costs the app, one reviewer, no concurrency (not a test): the app's CPU
 * milliseconds per save (from /proc, so it hardly moves when the machine is busy, unlike a
 * throughput), the client-side latency, and the SQL statements one create, edit and delete send
 * (counted in Hibernate's SQL log). Run through {@code scripts/save-cost.sh} (docs/benchmarks.md).
 *
 * <p>Options: db (h2|pg), pg-server, h2-options (default {@link BenchTarget#H2_OPTIONS}), saves (timed creates, 2000), warmup (untimed creates, 6000: the JIT is still compiling after 2,000).
 */
public final class SaveCost {
    private static final String ADMIN_PASSWORD = "save-cost-admin-password";
    private static final int CLAIMS_PER_DOCUMENT = 20;

    private SaveCost() {
    }

    public static void main(String[] argv) throws Exception {
        run(argv);
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    private static void run(String[] argv) throws Exception {
        Map<String, String> a = LoadGenerator.args(argv);
        boolean pg = "pg".equals(a.getOrDefault("db", "h2"));
        int saves = Integer.parseInt(a.getOrDefault("saves", "2000"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "6000"));
        Path out = Path.of(a.getOrDefault("out", "target/bench-run"));
        String h2Options = a.getOrDefault("h2-options", BenchTarget.H2_OPTIONS);
        Files.createDirectories(out);
        String tag = "S" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        BenchTarget target = pg ? BenchTarget.postgres(tag + "q", a.get("pg-server"), "credence_cost_sql")
                : BenchTarget.h2(tag + "q", out.resolve("h2-cost-sql"), h2Options);
        Path jar = Path.of(pg ? "target/quarkus-app-pg/quarkus-run.jar" : "target/quarkus-app/quarkus-run.jar");
        int documents = (saves + warmup + 100 + CLAIMS_PER_DOCUMENT - 1) / CLAIMS_PER_DOCUMENT;
        // First run: Hibernate's SQL log on, statements of one create, one edit, one delete counted
        // after a short warm-up. Second run (log off, it costs CPU): the timed creates.
        int[] sql = new int[3];
        Session counted = Session.start(jar, target, a.get("jvm-args"), out, tag + "q", true, 1, 0);
        try {
            for (int i = 0; i < 50; i++) {
                counted.create();
            }
            long before = Files.size(counted.log);
            JsonNode c = counted.create();
            sql[0] = statements(counted.log, before);
            before = Files.size(counted.log);
            long id = c.get("id").asLong();
            Map<String, Object> edit = Reviewer.bodyForCost(counted.spots.get(counted.next - 1).getValue(),
                    c.get("attribution").get(0).get("mention").get("id").asLong(),
                    c.get("attribution").get(1).get("cue").get("id").asLong(), c.get("version").asLong());
            BenchSetup.require(counted.http.json("PUT", "/api/v1/claims/" + id, counted.token, edit), 200, "edit");
            sql[1] = statements(counted.log, before);
            before = Files.size(counted.log);
            BenchSetup.require(counted.http.json("DELETE", "/api/v1/claims/" + id, counted.token, null), 204,
                    "delete");
            sql[2] = statements(counted.log, before);
        } finally {
            counted.app.stop();
        }
        BenchTarget timedTarget = pg ? BenchTarget.postgres(tag, a.get("pg-server"), "credence_cost")
                : BenchTarget.h2(tag, out.resolve("h2-cost"), h2Options);
        String jvm = "-XX:-UseDynamicNumberOfCompilerThreads " + a.getOrDefault("jvm-args", "");
        Session timed = Session.start(jar, timedTarget, jvm, out, tag, false, 1, documents);
        try {
            for (int i = 0; i < warmup; i++) {
                timed.create();
            }
            long cpu0 = ProcessCpu.ticks(timed.app.pid());
            long jit0 = ProcessCpu.compilerTicks(timed.app.pid());
            long[] nanos = new long[saves];
            long t0 = System.nanoTime();
            for (int i = 0; i < saves; i++) {
                long s = System.nanoTime();
                timed.create();
                nanos[i] = System.nanoTime() - s;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu = ProcessCpu.ticks(timed.app.pid()) - cpu0;
            long jit = ProcessCpu.compilerTicks(timed.app.pid()) - jit0;
            Arrays.sort(nanos);
            double cpuMs = cpu * 1000.0 / ProcessCpu.TICKS_PER_SECOND / saves;
            double jitMs = jit * 1000.0 / ProcessCpu.TICKS_PER_SECOND / saves;
            String row = String.format(Locale.ROOT,
                    "| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %d / %d / %d | %.0f |%n", pg ? "PostgreSQL" : "H2", pg ? "-" : "`" + h2Options + "`", saves,
                    cpuMs, jitMs, cpuMs - jitMs, nanos[saves / 2] / 1e6, nanos[(int) (saves * 0.99)] / 1e6, saves / seconds, sql[0], sql[1],
                    sql[2], 2000 / (cpuMs - jitMs));
            String table = "| database | H2 URL options | timed creates | app CPU ms / create | of which JIT compiler | without JIT | p50 ms | p99 ms | sequential creates/s"
                    + " | SQL statements create / edit / delete | 2 cores ÷ CPU without JIT (saves/s ceiling) |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|\n" + row;
            System.out.print(table);
            Files.writeString(out.resolve("results.md"), "\n## Save cost " + java.time.Instant.now() + " (load average "
                    + String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory
                            .getOperatingSystemMXBean().getSystemLoadAverage()) + ")\n\n" + table,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } finally {
            timed.app.stop();
        }
    }

    /** An app process with a project, one reviewer and enough claim spots. */
    private static final class Session {
        AppProcess app;
        BenchHttp http;
        String token;
        Path log;
        List<Map.Entry<Long, BenchArticles.ClaimSpot>> spots = new ArrayList<>();
        int next;

        static Session start(Path jar, BenchTarget target, String jvmArgs, Path out, String tag, boolean sqlLog,
                int reviewers, int documents) throws Exception {
            Session s = new Session();
            Map<String, String> props = target.appProperties();
            props.put("quarkus.log.level", "WARN");
            if (sqlLog) {
                props.put("quarkus.hibernate-orm.log.sql", "true");
                props.put("quarkus.hibernate-orm.log.format-sql", "false");
                props.put("quarkus.hibernate-orm.log.highlight-sql", "false");
            }
            s.log = out.resolve("app-" + tag + ".log");
            s.app = AppProcess.start(jar, BenchTarget.jvmArgs(jvmArgs), props, target.appEnv(ADMIN_PASSWORD), s.log,
                    AppProcess.freePort());
            s.http = new BenchHttp(s.app.base, 1);
            String admin = s.http.token("admin", ADMIN_PASSWORD);
            BenchSetup.Project project = BenchSetup.create(s.http, admin, tag, reviewers, Math.max(documents, 5),
                    CLAIMS_PER_DOCUMENT);
            s.token = s.http.token(project.reviewers().get(0), BenchSetup.REVIEWER_PASSWORD);
            project.articles().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> e.getValue()
                    .claims().forEach(c -> s.spots.add(Map.entry(e.getKey(), c))));
            return s;
        }

        JsonNode create() throws Exception {
            return SaveCost.create(http, token, spots.get(next++));
        }
    }

    private static JsonNode create(BenchHttp http, String token, Map.Entry<Long, BenchArticles.ClaimSpot> spot)
            throws Exception {
        BenchHttp.Reply r = http.json("POST", "/api/v1/documents/" + spot.getKey() + "/claims", token,
                Reviewer.bodyForCost(spot.getValue(), null, null, null));
        BenchSetup.require(r, 201, "create");
        return r.json();
    }

    /** SQL statements Hibernate logged since {@code offset} (each starts a line after the logger's prefix). */
    private static int statements(Path log, long offset) throws Exception {
        Thread.sleep(200); // the log is written asynchronously by the app's handler
        byte[] bytes = Files.readAllBytes(log);
        String tail = new String(bytes, (int) offset, bytes.length - (int) offset, java.nio.charset.StandardCharsets.UTF_8);
        int n = 0;
        for (String line : tail.split("\n")) {
            String l = line.strip().toLowerCase(Locale.ROOT);
            int h = l.indexOf("hibernate:");
            if (h >= 0) {
                l = l.substring(h + "hibernate:".length()).strip();
            }
            if (l.startsWith("select") || l.startsWith("insert") || l.startsWith("update") || l.startsWith("delete")
                    || l.startsWith("merge")) {
                n++;
            }
        }
        return n;
    }
}
