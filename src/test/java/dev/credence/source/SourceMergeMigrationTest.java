package dev.credence.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V6/V6_1 on a database that older versions filled with duplicate sources: the real migrations run into a
 * private schema of the test database (H2, or PostgreSQL with {@code -Dquarkus.test.profile=test,pg}) up to
 * V5, duplicates are inserted as V5 allowed them, then the migration to the latest version merges them.
 */
@QuarkusTest
class SourceMergeMigrationTest {
    @Inject
    Flyway flyway;
    @Inject
    AgroalDataSource dataSource;
    // The migration runs on its own (unpooled) connections: a schema set on a pooled connection
    // would stay with it and send later tests' statements to the dropped schema.
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    String schema;

    @BeforeEach
    void createSchema() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            schema = c.getMetaData().storesUpperCaseIdentifiers() ? "MIG_V6" : "mig_v6";
            try (Statement st = c.createStatement()) {
                st.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
        }
    }

    Flyway flywayTo(String target) {
        var config = Flyway.configure().configuration(flyway.getConfiguration())
                .dataSource(url, username, password.orElse(""))
                .schemas(schema).defaultSchema(schema).createSchemas(true);
        return (target == null ? config.target(MigrationVersion.LATEST) : config.target(target)).load();
    }

    @Test
    void mergesDuplicatesKeepingEveryLinkAndTheHistory() throws SQLException {
        flywayTo("5").migrate();
        long kestrel;
        long spacedKestrel;
        long shoutedKestrel;
        long aliasAsName;
        long harbor;
        long harborNbsp;
        long cafe;
        long cafeDecomposed;
        long analyst;
        long unique;
        long claim;
        long otherClaim;
        try (Connection c = connection()) {
            long user = insert(c, "insert into app_user (username, password_hash, display_name, role, created_at)"
                    + " values ('rita', 'x', 'Rita', 'user', ?)", now());
            long project = insert(c, "insert into project (name, created_at) values ('Strait watch', ?)", now());
            long doc = insert(c, "insert into document (project_id, title, text, text_sha256, length_cp, created_at)"
                    + " values (" + project + ", 'Report', 'Kestrel Labs said so.', 'abc', 21, ?)", now());
            long layer = insert(c, "insert into layer (document_id, owner_id, kind, state, updated_at)"
                    + " values (" + doc + ", " + user + ", 'reviewer', 'in_progress', ?)", now());
            kestrel = source(c, "Kestrel Labs", null, null, null);
            spacedKestrel = source(c, "kestrel  labs", "Norway", "https://kestrel.example", null);
            shoutedKestrel = source(c, "KESTREL LABS", null, null, null);
            aliasAsName = source(c, "Kestrel", null, null, null);
            harbor = source(c, "Harbor Courier", null, null, null);
            harborNbsp = source(c, "Harbor\u00A0Courier", "Taiwan", null, null);
            cafe = source(c, "Café Noir", null, null, null);
            cafeDecomposed = source(c, "Cafe\u0301 Noir", null, null, null);
            analyst = source(c, "Kestrel analyst", null, null, spacedKestrel);
            unique = source(c, "Xinhua", null, null, null);
            exec(c, "insert into source_alias (source_id, alias) values (" + kestrel + ", 'Kestrel')");
            exec(c, "insert into source_alias (source_id, alias) values (" + shoutedKestrel + ", 'KL')");
            exec(c, "insert into source_alias (source_id, alias) values (" + shoutedKestrel + ", 'kestrel labs')");
            claim = claim(c, layer, 0);
            otherClaim = claim(c, layer, 10);
            exec(c, "insert into attribution_hop (claim_id, position, source_id, relation) values (" + claim + ", 0, "
                    + spacedKestrel + ", 'asserts')");
            exec(c, "insert into attribution_hop (claim_id, position, source_id, relation) values (" + claim + ", 1, "
                    + harborNbsp + ", 'reports')");
            exec(c, "insert into attribution_hop (claim_id, position, source_id, relation) values (" + otherClaim
                    + ", 0, " + aliasAsName + ", 'asserts')");
            exec(c, "insert into mention (layer_id, start_offset, end_offset, exact_text, prefix_text, suffix_text,"
                    + " source_id, created_at) values (" + layer + ", 0, 12, 'Kestrel Labs', '', '', " + shoutedKestrel
                    + ", ?)", now());
            exec(c, "insert into mention (layer_id, start_offset, end_offset, exact_text, prefix_text, suffix_text,"
                    + " source_id, created_at) values (" + layer + ", 0, 4, 'Cafe', '', '', " + cafeDecomposed + ", ?)",
                    now());
            exec(c, "insert into source_grade (source_id, project_id, grade, rationale, graded_by_id, graded_at)"
                    + " values (" + shoutedKestrel + ", " + project + ", 'B', 'two reports', " + user + ", ?)", now());
            exec(c, "insert into source_grade (source_id, project_id, grade, rationale, graded_by_id, graded_at)"
                    + " values (" + kestrel + ", " + project + ", 'C', 'earlier', " + user + ", ?)", now());
        }

        flywayTo(null).migrate();

        try (Connection c = connection()) {
            assertEquals(List.of("Kestrel Labs", "Harbor Courier", "Café Noir", "Kestrel analyst", "Xinhua"),
                    strings(c, "select name from source order by id"), "duplicates merged, oldest survives, names clean");
            assertEquals(List.of(kestrel, harbor), longs(c,
                    "select source_id from attribution_hop where claim_id = " + claim + " order by position"));
            assertEquals(List.of(kestrel), longs(c, "select source_id from attribution_hop where claim_id = " + otherClaim));
            assertEquals(List.of(kestrel, cafe), longs(c, "select source_id from mention order by end_offset desc"));
            assertEquals(List.of(kestrel, kestrel), longs(c, "select source_id from source_grade order by id"),
                    "reliability history kept, on the survivor");
            assertEquals(List.of(kestrel), longs(c, "select parent_id from source where id = " + analyst),
                    "children re-pointed");
            assertEquals(List.of("Norway|https://kestrel.example"),
                    strings(c, "select country || '|' || url from source where id = " + kestrel),
                    "fields the survivor lacked taken from the merged entries");
            assertEquals(List.of("Taiwan"), strings(c, "select country from source where id = " + harbor));
            assertEquals(List.of("KL", "Kestrel"),
                    strings(c, "select alias from source_alias where source_id = " + kestrel + " order by alias"),
                    "aliases moved, each once, none equal to the name");
            assertEquals(List.of("kestrel", "kestrel labs", "kl"),
                    strings(c, "select name_key from source_key where source_id = " + kestrel + " order by name_key"));
            assertEquals(7L, longs(c, "select count(*) from source_key").get(0), "a key per name and alias");
            assertEquals(List.of(spacedKestrel, shoutedKestrel, aliasAsName, harborNbsp, cafeDecomposed),
                    longs(c, "select entity_id from change_log where action = 'merge' and after_json like '%mergedInto%'"
                            + " order by entity_id"), "each merged-away entry has its merge in the history");
            List<String> survivorLog = strings(c, "select after_json from change_log where action = 'merge'"
                    + " and entity_id = " + kestrel);
            assertEquals(1, survivorLog.size());
            assertTrue(survivorLog.get(0).contains("\"mergedFrom\":[" + spacedKestrel + "," + shoutedKestrel + ","
                    + aliasAsName + "]"), survivorLog.get(0));

            // The constraint now refuses a duplicate key, whoever writes it.
            boolean refused = false;
            try {
                exec(c, "insert into source_key (source_id, name_key) values (" + unique + ", 'kl')");
            } catch (SQLException e) {
                refused = "23505".equals(e.getSQLState());
            }
            assertTrue(refused, "unique constraint on source_key.name_key");
        }
        assertTrue(SourceNames.same("Cafe\u0301 Noir", "CAFÉ NOIR"));
    }

    Connection connection() throws SQLException {
        Connection c = DriverManager.getConnection(url, username, password.orElse(""));
        c.setSchema(schema);
        return c;
    }

    static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    static long source(Connection c, String name, String country, String url, Long parent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into source (name, type, country, url, parent_id, created_at)"
                + " values (?, 'firm_report', ?, ?, ?, ?)", new String[] { "id" })) {
            ps.setString(1, name);
            ps.setString(2, country);
            ps.setString(3, url);
            ps.setObject(4, parent);
            ps.setTimestamp(5, now());
            ps.executeUpdate();
            return key(ps);
        }
    }

    static long claim(Connection c, long layer, int start) throws SQLException {
        return insert(c, "insert into claim (layer_id, start_offset, end_offset, exact_text, prefix_text, suffix_text,"
                + " created_at, updated_at) values (" + layer + ", " + start + ", " + (start + 5) + ", 'said', '', '', ?, ?)",
                now(), now());
    }

    static long insert(Connection c, String sql, Timestamp... times) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] { "id" })) {
            for (int i = 0; i < times.length; i++) {
                ps.setTimestamp(i + 1, times[i]);
            }
            ps.executeUpdate();
            return key(ps);
        }
    }

    static void exec(Connection c, String sql, Timestamp... times) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < times.length; i++) {
                ps.setTimestamp(i + 1, times[i]);
            }
            ps.executeUpdate();
        }
    }

    static long key(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static List<Long> longs(Connection c, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
