package dev.credence.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private, throw-away PostgreSQL 15 server from the Debian binaries (no Docker): its own data
 * directory, socket directory and a free TCP port on 127.0.0.1, trust authentication, and
 * {@code fsync=off} (a test server need not survive a power cut). Can be stopped and started again
 * on the same port and data, which the database-down tests use.
 */
public final class PostgresServer {
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dataDir;
    private final Path socketDir;
    private final int port;
    private boolean running;

    private PostgresServer(Path dataDir, Path socketDir, int port) {
        this.dataDir = dataDir;
        this.socketDir = socketDir;
        this.port = port;
    }

    /** initdb in a new temporary directory and pick a free port; does not start the server. */
    public static PostgresServer create() {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 binaries not found in " + BIN
                    + ": run scripts/install-test-deps.sh (apt-get install -y postgresql)");
        }
        try {
            Path data = Files.createTempDirectory("credence-pg-data");
            Path sock = Files.createTempDirectory("credence-pg-sock");
            if (ROOT) {
                run(List.of("chown", "postgres:postgres", data.toString(), sock.toString()), false);
            }
            run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth-local=trust", "--auth-host=trust", "-E", "UTF8", "--locale=C.UTF-8"), ROOT);
            return new PostgresServer(data, sock, freePort());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Could not initialise a PostgreSQL data directory", e);
        }
    }

    public synchronized PostgresServer start() {
        if (!running) {
            pgCtl("-l", dataDir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1"
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                            + " -c max_connections=200",
                    "-w", "start");
            running = true;
        }
        return this;
    }

    /** Stops the server at once (like a crash or a pulled cable: open connections break). */
    public synchronized void stop() {
        if (running) {
            pgCtl("-m", "immediate", "-w", "stop");
            running = false;
        }
    }

    /** Stops the server and deletes its directories. */
    public synchronized void destroy() {
        stop();
        deleteTree(dataDir);
        deleteTree(socketDir);
    }

    public void createDatabase(String name) {
        try {
            run(List.of(BIN.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-c", "create database " + name), false);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    /** Runs SQL through psql and returns its unaligned, tuples-only output. */
    public String psql(String database, String sql) {
        try {
            return run(List.of(BIN.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql), false).trim();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("psql failed: " + sql, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    private void pgCtl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString()));
        cmd.addAll(List.of(args));
        try {
            run(cmd, ROOT);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("pg_ctl " + String.join(" ", args) + " failed", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("su", "postgres", "-c",
                    String.join(" ", command.stream().map(PostgresServer::quote).toList())));
        } else {
            cmd.addAll(command);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("Command failed: " + cmd + "\n" + out);
        }
        return out;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind; nothing else to do
        }
    }
}
