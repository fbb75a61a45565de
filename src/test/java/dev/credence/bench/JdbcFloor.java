package dev.credence.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor: what bare JDBC reaches writing the same six rows per claim save as the app (mention, cue,
 * claim, two hops, one history entry) in one transaction, from as many threads as reviewers through a
 * pool of the app's size, into the app's database (same schema, same data, same URL settings) after
 * the app has stopped. No HTTP, no ORM, no validation: an upper bound for the app.
 */
final class JdbcFloor {
    record Result(long saves, double seconds, double p50, double p95, double p99, long errors) {
        double perSecond() {
            return saves / seconds;
        }
    }

    private JdbcFloor() {
    }

    static Result run(String url, String user, String password, int threads, int pool, int savesPerThread)
            throws Exception {
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(pool);
        List<Long> layers = new ArrayList<>();
        List<Long> sources = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            long admin = first(s, "select id from app_user where username = 'admin'");
            try (ResultSet rs = s.executeQuery("select id from source order by id")) {
                while (rs.next() && sources.size() < 20) {
                    sources.add(rs.getLong(1));
                }
            }
            List<Long> docs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select id from document order by id")) {
                while (rs.next() && docs.size() < threads) {
                    docs.add(rs.getLong(1));
                }
            }
            if (sources.size() < 2 || docs.size() < threads) {
                throw new IllegalStateException("floor needs the app's run data: " + sources.size() + " sources, "
                        + docs.size() + " documents");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into layer (document_id, owner_id, kind, state,"
                    + " updated_at, version) values (?, ?, 'reviewer', 'in_progress', ?, 0)", new String[] { "id" })) {
                for (long doc : docs) {
                    ps.setLong(1, doc);
                    ps.setLong(2, admin);
                    ps.setTimestamp(3, Timestamp.from(Instant.now()));
                    ps.executeUpdate();
                    try (ResultSet k = ps.getGeneratedKeys()) {
                        k.next();
                        layers.add(k.getLong(1));
                    }
                }
            }
        }
        for (int i = 0; i < pool; i++) {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setAutoCommit(false);
            connections.add(c);
        }
        // Warm-up (JIT, the database's caches): a tenth of the saves, not timed.
        measure(connections, layers, sources, threads, Math.max(10, savesPerThread / 10), new Latencies(),
                new AtomicLong());
        Latencies stats = new Latencies();
        AtomicLong errors = new AtomicLong();
        double seconds = measure(connections, layers, sources, threads, savesPerThread, stats, errors);
        for (Connection c : connections) {
            c.close();
        }
        return new Result(stats.count("save"), seconds, stats.percentile("save", 50), stats.percentile("save", 95),
                stats.percentile("save", 99), errors.get());
    }

    private static double measure(BlockingQueue<Connection> connections, List<Long> layers, List<Long> sources,
            int threads, int savesPerThread, Latencies stats, AtomicLong errors) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long layer = layers.get(t);
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int i = 0; i < savesPerThread; i++) {
                    long s0 = System.nanoTime();
                    try {
                        Connection c = connections.take();
                        try {
                            save(c, layer, sources.get((thread + i) % sources.size()),
                                    sources.get((thread + i + 1) % sources.size()), i);
                            c.commit();
                        } catch (SQLException e) {
                            c.rollback();
                            throw e;
                        } finally {
                            connections.add(c);
                        }
                        stats.ok("save", System.nanoTime() - s0);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println("floor: " + e);
                        }
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread w : workers) {
            w.join();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Six rows, as the app writes them for a claim with a two-hop chain (mention on hop 0, cue on hop 1). */
    private static void save(Connection c, long layer, long firm, long outlet, int i) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        long mention = insert(c, "insert into mention (layer_id, start_offset, end_offset, exact_text, prefix_text,"
                + " suffix_text, source_id, created_at) values (?, ?, ?, 'Kestrel Labs', 'Analysts at ', ' told the', ?, ?)",
                layer, i * 10L, i * 10L + 12, firm, now);
        long cue = insert(c, "insert into cue (layer_id, start_offset, end_offset, exact_text, prefix_text, suffix_text,"
                + " cue_class, created_at) values (?, ?, ?, 'told', 'Kestrel Labs ', ' the Daily', 'speech', ?)",
                layer, i * 10L + 13, i * 10L + 17, now);
        long claim = insert(c, "insert into claim (layer_id, start_offset, end_offset, exact_text, prefix_text,"
                + " suffix_text, kind, stance, credibility, rationale, created_at, updated_at, version) values"
                + " (?, ?, ?, 'Analysts at Kestrel Labs told the Daily Meridian that the group rented servers.', '',"
                + " ' Officials declined', 'event', 'asserted', 3, 'floor', ?, ?, 0)", layer, i * 10L, i * 10L + 80,
                now, now);
        try (PreparedStatement ps = c.prepareStatement("insert into attribution_hop (claim_id, position, source_id,"
                + " mention_id, cue_id, relation, reliability) values (?, ?, ?, ?, ?, ?, ?)")) {
            hop(ps, claim, 0, firm, mention, null, "asserts", "B");
            hop(ps, claim, 1, outlet, null, cue, "reports", "C");
            ps.executeBatch();
        }
        insert(c, "insert into change_log (changed_at, user_id, username, project_id, document_id, entity_type,"
                + " entity_id, action, after_json) values (?, null, 'floor', null, null, 'claim', ?, 'create',"
                + " '{\"start\":0,\"end\":80,\"kind\":\"event\",\"credibility\":3,\"attribution\":[{\"source\":\"Kestrel Labs\"},"
                + "{\"source\":\"Daily Meridian\"}]}')", now, claim);
    }

    private static void hop(PreparedStatement ps, long claim, int position, long source, Long mention, Long cue,
            String relation, String reliability) throws SQLException {
        ps.setLong(1, claim);
        ps.setInt(2, position);
        ps.setLong(3, source);
        if (mention == null) {
            ps.setNull(4, java.sql.Types.BIGINT);
        } else {
            ps.setLong(4, mention);
        }
        if (cue == null) {
            ps.setNull(5, java.sql.Types.BIGINT);
        } else {
            ps.setLong(5, cue);
        }
        ps.setString(6, relation);
        ps.setString(7, reliability);
        ps.addBatch();
    }

    private static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] { "id" })) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    private static long first(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getLong(1);
        }
    }
}
