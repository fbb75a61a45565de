package dev.credence.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points the tests at a private PostgreSQL server when the {@code pg} test profile is active
 * ({@code -Dquarkus.test.profile=test,pg}); does nothing otherwise.
 *
 * <p>One server per test JVM (surefire run): it is started on first use and stopped by a shutdown
 * hook. Quarkus calls {@link #start()} again whenever it restarts the application (a class with
 * another {@code @TestProfile}); each such start gets a fresh, empty database on the same server,
 * which costs a {@code create database} rather than an initdb and a server start.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer server;

    static boolean pgProfile() {
        return System.getProperty("quarkus.test.profile", "").contains("pg");
    }

    /** The server of this test run, started on first call. */
    public static synchronized PostgresServer server() {
        if (server == null) {
            PostgresServer s = PostgresServer.create().start();
            Runtime.getRuntime().addShutdownHook(new Thread(s::destroy, "stop-test-postgresql"));
            server = s;
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        if (!pgProfile()) {
            return Map.of();
        }
        PostgresServer s = server();
        String database = "credence_test_" + DATABASES.incrementAndGet();
        s.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", s.jdbcUrl(database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // the server lives until the JVM exits (shutdown hook); the next start() takes a new database
    }
}
