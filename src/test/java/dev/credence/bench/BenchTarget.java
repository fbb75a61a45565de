package dev.credence.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's data lives: a fresh H2 file database (with the URL options under test) or a fresh
 * database on the PostgreSQL server the script started. Gives the app's settings and the JDBC URL
 * the verifier and the floor use once the app has stopped.
 */
final class BenchTarget {
    /** The options the app's default H2 URL carries (application.properties). */
    static final String H2_OPTIONS = ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64";

    final String label;
    final String url;
    final String user;
    final String password;
    final boolean postgres;

    private BenchTarget(String label, String url, String user, String password, boolean postgres) {
        this.label = label;
        this.url = url;
        this.user = user;
        this.password = password;
        this.postgres = postgres;
    }

    /** {@code options} e.g. ";WRITE_DELAY=0"; the database file goes to {@code dir}/credence.mv.db. */
    static BenchTarget h2(String label, Path dir, String options) throws Exception {
        Files.createDirectories(dir);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        return new BenchTarget(label, "jdbc:h2:file:" + dir.toAbsolutePath() + "/credence;DB_CLOSE_ON_EXIT=FALSE"
                + options, "credence", "", false);
    }

    /** A new database {@code name} on the server behind {@code serverUrl} (e.g. jdbc:postgresql://127.0.0.1:5544/). */
    static BenchTarget postgres(String label, String serverUrl, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        return new BenchTarget(label, serverUrl + name, "postgres", "", true);
    }

    /** System properties for the app process. */
    Map<String, String> appProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("quarkus.datasource.jdbc.url", url);
        p.put("quarkus.datasource.username", user);
        p.put("quarkus.datasource.password", password);
        return p;
    }

    Map<String, String> appEnv(String adminPassword) {
        Map<String, String> env = new HashMap<>();
        env.put("CREDENCE_ADMIN_USER", "admin");
        env.put("CREDENCE_ADMIN_PASSWORD", adminPassword);
        env.put("CREDENCE_SESSION_KEY", "load-generator-session-key-0123456789abcdef");
        if (postgres) {
            env.put("QUARKUS_PROFILE", "pg");
        }
        return env;
    }

    static List<String> jvmArgs(String extra) {
        List<String> args = new ArrayList<>();
        if (extra != null && !extra.isBlank()) {
            args.addAll(List.of(extra.trim().split("\\s+")));
        }
        return args;
    }
}
