package dev.credence.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The crash test (not a JUnit test; run by {@code scripts/crash.sh}): the packaged app on a file H2
 * database (or PostgreSQL), reviewers saving claims, a manager importing 2,000 articles in one JSON
 * Lines request, and the app killed with SIGKILL (1) right after the import's 201 and (2) in the
 * middle of a burst while an import is being processed. After each kill the database is read
 * directly (JDBC) and compared with every answer the app gave; then the app is restarted on the same
 * database and must serve the acknowledged claims. Exit status 1 if anything acknowledged is lost.
 *
 * <p>Options: db=h2|pg, jar, pg-server, reviewers (8), articles (2000), out (target/bench-run), h2-options
 * (";WRITE_DELAY=0"; ";WRITE_DELAY=500", H2's default, shows what the test catches).
 */
public final class CrashTest {
    private CrashTest() {
    }

    public static void main(String[] argv) {
        try {
            run(argv);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    private static void run(String[] argv) throws Exception {
        Map<String, String> a = LoadGenerator.args(argv);
        Path out = Path.of(a.getOrDefault("out", "target/bench-run"));
        Files.createDirectories(out);
        boolean pg = a.getOrDefault("db", "h2").equals("pg");
        Path jar = Path.of(a.getOrDefault("jar", pg ? "target/quarkus-app-pg/quarkus-run.jar"
                : "target/quarkus-app/quarkus-run.jar"));
        int reviewers = Integer.parseInt(a.getOrDefault("reviewers", "8"));
        int articles = Integer.parseInt(a.getOrDefault("articles", "2000"));
        String tag = "C" + Long.toString(System.currentTimeMillis() % 100000, 36);
        BenchTarget target = pg ? BenchTarget.postgres("pg", a.get("pg-server"), "credence_crash")
                : BenchTarget.h2("h2", out.resolve("crash-h2"), a.getOrDefault("h2-options", BenchTarget.H2_OPTIONS));
        Map<String, String> props = target.appProperties();
        props.put("quarkus.log.level", "WARN");
        props.put("credence.import.max-file-bytes", "30000000");
        props.put("quarkus.http.limits.max-body-size", "30M");
        Path log = out.resolve("crash-app-" + tag + ".log");
        Map<String, String> env = target.appEnv(LoadGenerator.ADMIN_PASSWORD);

        AppProcess app = AppProcess.start(jar, List.of(), props, env, log, AppProcess.freePort());
        BenchHttp http = new BenchHttp(app.base, reviewers + 2);
        String admin = http.token("admin", LoadGenerator.ADMIN_PASSWORD);
        BenchSetup.Project project = BenchSetup.create(http, admin, tag, reviewers, reviewers * 40, 10);
        long importProject = BenchHttp.JSON.readTree(http.json("POST", "/api/v1/projects", admin,
                Map.of("name", "Crash imports " + tag)).body()).get("id").asLong();
        List<String> rows = new ArrayList<>();
        List<Journal> journals = new ArrayList<>();
        boolean allOk = true;

        for (int round = 1; round <= 2; round++) {
            Journal journal = new Journal(tag + "r" + round);
            journals.add(journal);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            List<Reviewer> team = new ArrayList<>();
            Latencies stats = new Latencies();
            for (String name : project.reviewers()) {
                Reviewer r = new Reviewer(http, stats, journal, name, BenchSetup.REVIEWER_PASSWORD, project.id(),
                        project.articles(), 40, stop);
                team.add(r);
                Thread t = new Thread(r, name);
                t.start();
                threads.add(t);
            }
            Thread.sleep(3000);
            String importTag = tag + "i" + round;
            List<BenchArticles.Article> batch = new ArrayList<>();
            for (int i = 0; i < articles; i++) {
                batch.add(BenchArticles.article(importTag, i, 3));
            }
            String body = BenchSetup.jsonl(batch);
            long t0 = System.nanoTime();
            String how;
            if (round == 1) {
                // Kill the moment the import's 201 arrives: the answer must mean "stored".
                BenchHttp.Reply r = http.send("POST", "/api/v1/projects/" + importProject + "/documents/import",
                        admin, null, "application/x-ndjson", body);
                app.kill();
                how = String.format(Locale.ROOT, "SIGKILL right after the import's %d (%.1f s)", r.status(),
                        (System.nanoTime() - t0) / 1e9);
                journal.imports.add(new Journal.ImportLog(importTag, articles,
                        r.status() == 201 ? Journal.Outcome.ACKED : Journal.Outcome.REFUSED, List.of()));
                lastImportSeconds = (System.nanoTime() - t0) / 1e9;
            } else {
                // Kill in the middle of the burst, about half-way through an import being processed.
                AppProcess victim = app;
                BenchHttp client = http;
                String manager = admin;
                Thread importer = new Thread(() -> {
                    try {
                        BenchHttp.Reply r = client.send("POST", "/api/v1/projects/" + importProject
                                + "/documents/import", manager, null, "application/x-ndjson", body);
                        journal.imports.add(new Journal.ImportLog(importTag, articles,
                                r.ok() ? Journal.Outcome.ACKED : Journal.Outcome.REFUSED, List.of()));
                    } catch (java.io.IOException e) {
                        journal.imports.add(new Journal.ImportLog(importTag, articles, Journal.Outcome.IN_DOUBT,
                                List.of()));
                    }
                });
                importer.start();
                long delay = (long) (lastImportSeconds * 1000 / 2);
                Thread.sleep(delay);
                victim.kill();
                importer.join();
                how = "SIGKILL " + delay + " ms into the import, mid-burst";
            }
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            long acked = 0;
            long doubt = 0;
            for (Journal.Kind k : Journal.Kind.values()) {
                acked += journal.count(k, Journal.Outcome.ACKED);
                doubt += journal.count(k, Journal.Outcome.IN_DOUBT);
            }
            long lost = 0;
            StringBuilder problems = new StringBuilder();
            for (Journal j : journals) {
                DatabaseVerifier.Result v = DatabaseVerifier.verify(target.url, target.user, target.password, j);
                lost += v.lostAcknowledged();
                v.problems().stream().filter(p -> !p.contains("source names")).limit(5)
                        .forEach(p -> problems.append(p).append("; "));
                v.problems().forEach(p -> System.out.println("  VERIFY " + j.runId + ": " + p));
            }
            String imports = journal.imports.isEmpty() ? "-" : journal.imports.get(0).outcome() + " → "
                    + importCount(target, importTag) + " of " + articles + " stored";
            app = AppProcess.start(jar, List.of(), props, env, log, AppProcess.freePort());
            http = new BenchHttp(app.base, reviewers + 2);
            admin = http.token("admin", LoadGenerator.ADMIN_PASSWORD);
            long served = recheck(http, team, journal);
            long expected = journal.claims.values().stream().filter(c -> c.id != null && !c.allowed().absentOk()
                    && c.allowed().present().size() == 1).count();
            boolean ok = lost == 0 && problems.length() == 0 && served == expected;
            allOk &= ok;
            rows.add(String.format(Locale.ROOT, "| %d | %s | %s | %d | %d | %d | %s | %.1f s, %d of %d acknowledged claims served |"
                    + " %s |", round, target.postgres ? "PostgreSQL" : "H2", how, acked, doubt, lost, imports,
                    app.startSeconds, served, expected, ok ? "ok" : problems));
            System.out.println(rows.get(rows.size() - 1));
        }
        app.stop();
        String table = String.format("%n## Crash test %s (%s%s, %d reviewers, %d-article imports)%n%n"
                + "| round | database | kill | acknowledged claim writes | in doubt (no answer) | acknowledged lost |"
                + " import | restart | result |%n|---|---|---|---|---|---|---|---|---|%n", Instant.now(),
                target.postgres ? "PostgreSQL" : "H2", target.postgres ? "" : " " + target.url.replaceAll(".*credence;", ";"),
                reviewers, articles) + String.join("\n", rows) + "\n";
        System.out.println(table);
        Files.writeString(out.resolve("crash-results.md"), table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.exit(allOk ? 0 : 1);
    }

    private static double lastImportSeconds = 4;

    private static long importCount(BenchTarget t, String importTag) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(t.url, t.user, t.password);
                var ps = c.prepareStatement("select count(*) from document where title like ?")) {
            ps.setString(1, "Operation " + importTag + "-%");
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** After the restart, each acknowledged, not deleted claim is read back through the API by its reviewer: how many are served as acknowledged. */
    private static long recheck(BenchHttp http, List<Reviewer> team, Journal journal) throws Exception {
        Map<String, String> tokens = new java.util.HashMap<>();
        long served = 0;
        for (Journal.ClaimLog c : journal.claims.values()) {
            Journal.Allowed allowed = c.allowed();
            if (c.id == null || allowed.absentOk() || allowed.present().size() != 1) {
                continue;
            }
            String token = tokens.computeIfAbsent(c.reviewer, r -> {
                try {
                    return http.token(r, BenchSetup.REVIEWER_PASSWORD);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            BenchHttp.Reply r = http.json("GET", "/api/v1/claims/" + c.id, token, null);
            if (r.status() == 200 && r.json().get("credibility").asInt() == allowed.present().get(0).credibility()) {
                served++;
            } else {
                System.out.println("  AFTER RESTART claim " + c.id + ": HTTP " + r.status() + " " + r.body());
            }
        }
        return served;
    }
}
