package dev.credence.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a private, throw-away PostgreSQL server for the test run when the {@code pg} test
 * profile is active ({@code -Dquarkus.test.profile=test,pg}); does nothing otherwise.
 * Uses the Debian binaries (apt-get install postgresql); no Docker.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private Path dataDir;
    private Path socketDir;
    private boolean started;

    static boolean pgProfile() {
        return System.getProperty("quarkus.test.profile", "").contains("pg");
    }

    @Override
    public Map<String, String> start() {
        if (!pgProfile()) {
            return Map.of();
        }
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 binaries not found in " + BIN
                    + ": run scripts/install-test-deps.sh (apt-get install -y postgresql)");
        }
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            dataDir = Files.createTempDirectory("credence-pg-data");
            socketDir = Files.createTempDirectory("credence-pg-sock");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres:postgres", dataDir.toString(), socketDir.toString()), false);
            }
            run(List.of(BIN.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres",
                    "--auth-local=trust", "--auth-host=trust", "-E", "UTF8", "--locale=C.UTF-8"), root);
            run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                    dataDir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start"), root);
            started = true;
            run(List.of(BIN.resolve("psql").toString(),
                    "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-c",
                    "create database credence_test"), false);
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/credence_test",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Could not start PostgreSQL for the tests", e);
        }
    }

    @Override
    public void stop() {
        if (started) {
            try {
                run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "stop"),
                        "root".equals(System.getProperty("user.name")));
            } catch (IOException | InterruptedException e) {
                // the temp directory is left behind; nothing else to do
            }
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("su", "postgres", "-c", String.join(" ", command.stream().map(PostgresResource::quote).toList())));
        } else {
            cmd.addAll(command);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("Command failed: " + cmd + "\n" + out);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
