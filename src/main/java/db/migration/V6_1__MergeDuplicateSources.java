package db.migration;

import dev.credence.source.SourceNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Merges registry entries that name the same source, then fills {@code source_key} (created empty,
 * with its unique constraint, by V6__source_keys.sql).
 *
 * <p>A Java migration because "the same name" is {@link SourceNames#key}: NFC and Unicode case folding
 * cannot be written in SQL that H2 and PostgreSQL both run, and the migration must use the very function
 * the application uses. Every statement below is plain portable SQL over JDBC.
 *
 * <p>Sources whose names or aliases share a key form one group (transitively: A's alias is B's name, B's
 * alias is C's name). The oldest entry (lowest id) survives. Of every other entry, the claims' hops, the
 * mentions, the children (parent), the reliability history (source_grade) and the aliases move to the
 * survivor; its name becomes an alias of the survivor; shared fields the survivor lacks (country, url,
 * sameAs, description, parent) are taken from it. The change log gets one {@code merge} entry for each
 * merged-away entry (before: its snapshot; after: the survivor it went into) and one for the survivor
 * (before/after snapshots, {@code mergedFrom}).
 */
// In package db.migration because Quarkus registers the Java migrations found under the Flyway locations
// (classpath:db/migration). "implements JavaMigration" is repeated so the index sees it without the Flyway jar.
public class V6_1__MergeDuplicateSources extends BaseJavaMigration implements JavaMigration {

    record Row(long id, String name, String type, String country, Long parentId, String url, String sameAs,
            String description) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Map<Long, Row> sources = new TreeMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select id, name, type, country, parent_id, url, same_as, description"
                        + " from source order by id")) {
            while (rs.next()) {
                long parentId = rs.getLong(5);
                Long parent = rs.wasNull() ? null : parentId;
                sources.put(rs.getLong(1), new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        parent, rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        Map<Long, List<String>> aliases = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select source_id, alias from source_alias order by id")) {
            while (rs.next()) {
                aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }

        // Union-find over sources sharing a key; the root of a group is its lowest id.
        Map<Long, Long> parentOf = new HashMap<>();
        sources.keySet().forEach(id -> parentOf.put(id, id));
        Map<String, Long> ownerOfKey = new HashMap<>();
        for (Row s : sources.values()) {
            List<String> names = new ArrayList<>();
            names.add(s.name());
            names.addAll(aliases.getOrDefault(s.id(), List.of()));
            for (String n : names) {
                String key = SourceNames.key(n);
                if (key.isEmpty()) {
                    continue;
                }
                Long other = ownerOfKey.putIfAbsent(key, s.id());
                if (other != null) {
                    union(parentOf, other, s.id());
                }
            }
        }
        Map<Long, List<Long>> groups = new TreeMap<>();
        for (Long id : sources.keySet()) {
            groups.computeIfAbsent(find(parentOf, id), k -> new ArrayList<>()).add(id);
        }

        Map<Long, Long> survivorOf = new HashMap<>();
        groups.forEach((root, members) -> members.forEach(id -> survivorOf.put(id, root)));

        ObjectMapper json = new ObjectMapper();
        Timestamp now = Timestamp.from(Instant.now());
        for (Map.Entry<Long, List<Long>> g : groups.entrySet()) {
            long survivorId = g.getKey();
            Row survivor = sources.get(survivorId);
            String name = SourceNames.clean(survivor.name());
            // Aliases of the group, by key, first spelling wins; the survivor's own name is not an alias.
            Map<String, String> groupAliases = new LinkedHashMap<>();
            for (Long id : g.getValue()) {
                List<String> names = new ArrayList<>();
                if (id != survivorId) {
                    names.add(sources.get(id).name());
                }
                names.addAll(aliases.getOrDefault(id, List.of()));
                for (String n : names) {
                    String clean = SourceNames.clean(n);
                    String key = SourceNames.key(clean);
                    if (!key.isEmpty() && !key.equals(SourceNames.key(name))) {
                        groupAliases.putIfAbsent(key, clean);
                    }
                }
            }
            List<Long> merged = g.getValue().stream().filter(id -> id != survivorId).toList();
            Row after = survivor;
            if (!merged.isEmpty()) {
                for (Long id : merged) {
                    after = fill(after, sources.get(id));
                }
                for (String table : List.of("attribution_hop", "mention", "source_grade")) {
                    repoint(c, "update " + table + " set source_id = ? where source_id = ?", survivorId, merged);
                }
                repoint(c, "update source set parent_id = ? where parent_id = ?", survivorId, merged);
                for (Long id : merged) {
                    Map<String, Object> gone = snapshot(sources.get(id), sources, aliases.getOrDefault(id, List.of()));
                    Map<String, Object> into = new LinkedHashMap<>();
                    into.put("mergedInto", survivorId);
                    into.put("name", name);
                    log(c, json, now, id, gone, into);
                }
                Map<String, Object> before = snapshot(survivor, sources, aliases.getOrDefault(survivorId, List.of()));
                Map<String, Object> afterSnap = snapshot(after, sources, List.copyOf(groupAliases.values()));
                afterSnap.put("name", name);
                afterSnap.put("mergedFrom", merged);
                log(c, json, now, survivorId, before, afterSnap);
            }
            // A parent that was merged away is its survivor now; a source cannot be its own parent.
            Long parent = after.parentId() == null ? null : survivorOf.get(after.parentId());
            if (parent != null && parent == survivorId) {
                parent = null;
            }
            try (PreparedStatement ps = c.prepareStatement("update source set name = ?, country = ?, parent_id = ?,"
                    + " url = ?, same_as = ?, description = ? where id = ?")) {
                ps.setString(1, name);
                ps.setString(2, after.country());
                if (parent == null) {
                    ps.setNull(3, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(3, parent);
                }
                ps.setString(4, after.url());
                ps.setString(5, after.sameAs());
                ps.setString(6, after.description());
                ps.setLong(7, survivorId);
                ps.executeUpdate();
            }
            // The group's aliases, rewritten once on the survivor.
            for (Long id : g.getValue()) {
                try (PreparedStatement ps = c.prepareStatement("delete from source_alias where source_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement alias = c.prepareStatement("insert into source_alias (source_id, alias) values (?, ?)");
                    PreparedStatement key = c.prepareStatement("insert into source_key (source_id, name_key) values (?, ?)")) {
                Set<String> keys = new LinkedHashSet<>();
                keys.add(SourceNames.key(name));
                for (Map.Entry<String, String> a : groupAliases.entrySet()) {
                    alias.setLong(1, survivorId);
                    alias.setString(2, a.getValue());
                    alias.executeUpdate();
                    keys.add(a.getKey());
                }
                for (String k : keys) {
                    if (!k.isEmpty()) {
                        key.setLong(1, survivorId);
                        key.setString(2, k);
                        key.executeUpdate();
                    }
                }
            }
            for (Long id : merged) {
                try (PreparedStatement ps = c.prepareStatement("delete from source where id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
        }
    }

    /** The survivor with the fields it lacks taken from a merged entry. */
    private static Row fill(Row s, Row from) {
        return new Row(s.id(), s.name(), s.type(), or(s.country(), from.country()),
                s.parentId() != null ? s.parentId() : from.parentId(), or(s.url(), from.url()),
                or(s.sameAs(), from.sameAs()), or(s.description(), from.description()));
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static void repoint(Connection c, String sql, long survivorId, List<Long> merged) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Long id : merged) {
                ps.setLong(1, survivorId);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
    }

    /** The same fields as {@code SourceHistory.snapshot}, from a row. */
    private static Map<String, Object> snapshot(Row s, Map<Long, Row> all, List<String> aliases) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("type", s.type());
        m.put("country", s.country());
        Row parent = s.parentId() == null ? null : all.get(s.parentId());
        m.put("parent", parent == null ? null : parent.name());
        m.put("url", s.url());
        m.put("sameAs", s.sameAs());
        m.put("description", s.description());
        m.put("aliases", aliases.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        return m;
    }

    private static void log(Connection c, ObjectMapper json, Timestamp at, long sourceId, Object before, Object after)
            throws SQLException, JsonProcessingException {
        try (PreparedStatement ps = c.prepareStatement("insert into change_log (changed_at, user_id, username,"
                + " project_id, document_id, entity_type, entity_id, action, before_json, after_json)"
                + " values (?, null, null, null, null, 'source', ?, 'merge', ?, ?)")) {
            ps.setTimestamp(1, at);
            ps.setLong(2, sourceId);
            ps.setString(3, json.writeValueAsString(before));
            ps.setString(4, json.writeValueAsString(after));
            ps.executeUpdate();
        }
    }

    private static long find(Map<Long, Long> parentOf, long id) {
        long root = id;
        while (parentOf.get(root) != root) {
            root = parentOf.get(root);
        }
        parentOf.put(id, root);
        return root;
    }

    private static void union(Map<Long, Long> parentOf, long a, long b) {
        long ra = find(parentOf, a);
        long rb = find(parentOf, b);
        if (ra != rb) {
            parentOf.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }
}
