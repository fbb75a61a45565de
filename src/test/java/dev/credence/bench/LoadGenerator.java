package dev.credence.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The load generator (not a test): starts the packaged app on a fresh database, has N reviewers work
 * through documents concurrently over the real routes, prints throughput and p50/p95/p99 per
 * operation, stops the app, verifies the database against every answer, then measures the bare-JDBC
 * floor on the same database. Run through {@code scripts/load.sh} (docs/benchmarks.md).
 *
 * <p>Options ({@code --name=value}): db=h2|pg, jar, pg-server (jdbc:postgresql://host:port/),
 * reviewers (50), documents (per reviewer, 3), claims (per document, 20), pool (8), runs (2),
 * floor-saves (per thread, 200), warmup-docs (untimed documents per reviewer first, 3), h2-options (alternatives separated by '|', default ";WRITE_DELAY=0"), jvm-args (for the app), out.
 */
public final class LoadGenerator {
    static final String ADMIN_PASSWORD = "load-admin-password";

    private LoadGenerator() {
    }

    public static void main(String[] argv) {
        try {
            run(argv);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    private static void run(String[] argv) throws Exception {
        Map<String, String> a = args(argv);
        Path out = Path.of(a.getOrDefault("out", "target/bench-run"));
        Files.createDirectories(out);
        boolean pg = a.getOrDefault("db", "h2").equals("pg");
        Path jar = Path.of(a.getOrDefault("jar", pg ? "target/quarkus-app-pg/quarkus-run.jar"
                : "target/quarkus-app/quarkus-run.jar"));
        int reviewers = Integer.parseInt(a.getOrDefault("reviewers", "50"));
        int docs = Integer.parseInt(a.getOrDefault("documents", "3"));
        int claims = Integer.parseInt(a.getOrDefault("claims", "20"));
        int pool = Integer.parseInt(a.getOrDefault("pool", "8"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "2"));
        List<String> options = pg ? List.of("") : List.of(a.getOrDefault("h2-options", BenchTarget.H2_OPTIONS).split("\\|"));
        StringBuilder summary = new StringBuilder();
        summary.append(String.format(Locale.ROOT, "%n## Load run %s (%s, %d reviewers × %d documents × %d claims, pool %d)%n%n"
                + "| run | database | URL options | claim writes/s | create p50 / p99 ms | all writes p99 ms | errors |"
                + " JDBC floor saves/s (p99 ms) | app ÷ floor | verification |%n|---|---|---|---|---|---|---|---|---|---|%n",
                Instant.now(), pg ? "PostgreSQL" : "H2", reviewers, docs, claims, pool));
        int n = 0;
        for (int run = 1; run <= runs; run++) {
            for (String opt : options) {
                n++;
                String tag = "L" + n + Long.toString(System.currentTimeMillis() % 100000, 36);
                BenchTarget target = pg ? BenchTarget.postgres("pg", a.get("pg-server"), "credence_load_" + n)
                        : BenchTarget.h2("h2", out.resolve("h2-" + n), opt);
                summary.append(runOnce(tag, run, target, opt, jar, a.get("jvm-args"), out, reviewers, docs, claims,
                        pool, Integer.parseInt(a.getOrDefault("floor-saves", "200")),
                        Integer.parseInt(a.getOrDefault("warmup-docs", "3"))));
                System.out.println(summary);
            }
        }
        Files.writeString(out.resolve("results.md"), summary, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("(appended to " + out.resolve("results.md") + ")");
    }

    private static String runOnce(String tag, int run, BenchTarget target, String opt, Path jar, String jvmArgs,
            Path out, int reviewers, int docs, int claims, int pool, int floorSaves, int warmupDocs) throws Exception {
        Map<String, String> props = target.appProperties();
        props.put("quarkus.datasource.jdbc.max-size", String.valueOf(pool));
        props.put("quarkus.log.level", "WARN");
        AppProcess app = AppProcess.start(jar, BenchTarget.jvmArgs(jvmArgs), props, target.appEnv(ADMIN_PASSWORD),
                out.resolve("app-" + tag + ".log"), AppProcess.freePort());
        System.out.printf(Locale.ROOT, "%s: app ready in %.1f s (pid %d), load average %.1f%n", tag, app.startSeconds,
                app.pid(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        BenchHttp http = new BenchHttp(app.base, reviewers);
        Journal journal = new Journal(tag);
        Latencies stats = new Latencies();
        double seconds;
        long[] cpu = new long[4]; // app and this generator, CPU ticks at the window's start and end
        try {
            String admin = http.token("admin", ADMIN_PASSWORD);
            BenchSetup.Project project = BenchSetup.create(http, admin, tag, reviewers, reviewers * docs, claims);
            // Warm-up (JIT, caches), journaled and verified but not timed: every reviewer does warmupDocs
            // documents in a project of its own. The JIT compiles for thousands of requests (SaveCost
            // shows it still busy after 2,000 saves); a short warm-up times the compiler, not the app.
            if (warmupDocs > 0) {
                BenchSetup.Project warm = BenchSetup.create(http, admin, tag + "w", reviewers, reviewers * warmupDocs,
                        claims);
                reviewers(http, new Latencies(), journal, warm, warmupDocs, app.pid(), new long[4]);
            }
            // The timed window starts once all reviewers have logged in (a reviewer logs in once a day,
            // not once per document; 100 bcrypt checks would otherwise take seconds of the window's CPU).
            // The logins are still timed and shown in the table.
            seconds = reviewers(http, stats, journal, project, docs, app.pid(), cpu);
        } finally {
            app.stop();
        }
        System.out.println(stats.table(seconds));
        DatabaseVerifier.Result v = DatabaseVerifier.verify(target.url, target.user, target.password, journal);
        v.problems().stream().limit(10).forEach(p -> System.out.println("  VERIFY: " + p));
        JdbcFloor.Result floor = JdbcFloor.run(target.url, target.user, target.password, reviewers, pool,
                floorSaves);
        long writes = stats.count("create claim") + stats.count("edit claim") + stats.count("delete claim");
        double rate = writes / seconds;
        double writeP99 = Math.max(stats.percentile("create claim", 99),
                Math.max(stats.percentile("edit claim", 99), stats.percentile("delete claim", 99)));
        System.out.printf(Locale.ROOT, "%s: %d claim writes in %.1f s = %.0f/s; floor %.0f saves/s p99 %.1f ms (%d errors);"
                + " verification: %d claims journaled, %d present, %d problems, %d acknowledged lost%n", tag, writes,
                seconds, rate, floor.perSecond(), floor.p99(), floor.errors(), v.checked(), v.present(),
                v.problems().size(), v.lostAcknowledged());
        // Where the machine's CPU went in the window: the app, this generator (same machine), the rest is others'.
        double appCpu = ProcessCpu.millis(cpu[2] - cpu[0]) / 1000;
        double genCpu = ProcessCpu.millis(cpu[3] - cpu[1]) / 1000;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%s: CPU in the window: app %.1f s (%.2f ms per claim write, %.0f %% of %d cores),"
                + " generator %.1f s (%.0f %%)%n", tag, appCpu, appCpu * 1000 / writes, 100 * appCpu / seconds / cores,
                cores, genCpu, 100 * genCpu / seconds / cores);
        return String.format(Locale.ROOT, "| %d | %s | `%s` | %.0f | %.1f / %.1f | %.1f | %d | %.0f (%.1f) | %.2f | %s |%n",
                run, target.postgres ? "PostgreSQL" : "H2", opt.isEmpty() ? "-" : opt, rate,
                stats.percentile("create claim", 50), stats.percentile("create claim", 99), writeP99,
                stats.totalErrors(), floor.perSecond(), floor.p99(), rate / floor.perSecond(),
                v.ok() ? "ok: " + v.present() + " claims as acknowledged, 0 refused present, no duplicate source"
                        : v.problems().size() + " problems (" + v.lostAcknowledged() + " acknowledged lost, "
                                + v.duplicateSourceNames() + " duplicated source names)");
    }

    /**
     * Every reviewer of the project in its own thread, until each has done {@code docs} documents. They log
     * in first; the seconds returned run from the moment the last one has logged in until all are done.
     */
    static double reviewers(BenchHttp http, Latencies stats, Journal journal, BenchSetup.Project project, int docs,
            long appPid, long[] cpu) throws InterruptedException {
        long self = ProcessHandle.current().pid();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        long[] t0 = new long[1];
        java.util.concurrent.CyclicBarrier loggedIn = new java.util.concurrent.CyclicBarrier(
                project.reviewers().size(), () -> {
                    t0[0] = System.nanoTime();
                    cpu[0] = ProcessCpu.ticks(appPid);
                    cpu[1] = ProcessCpu.ticks(self);
                });
        for (String name : project.reviewers()) {
            Reviewer r = new Reviewer(http, stats, journal, name, BenchSetup.REVIEWER_PASSWORD, project.id(),
                    project.articles(), docs, stop);
            r.loggedIn = loggedIn;
            Thread t = new Thread(r, name);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        cpu[2] = ProcessCpu.ticks(appPid);
        cpu[3] = ProcessCpu.ticks(self);
        return t0[0] == 0 ? Double.NaN : (System.nanoTime() - t0[0]) / 1e9;
    }

    static Map<String, String> args(String[] argv) {
        Map<String, String> m = new HashMap<>();
        for (String s : argv) {
            if (!s.startsWith("--") || !s.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, got " + s);
            }
            m.put(s.substring(2, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        return m;
    }
}
