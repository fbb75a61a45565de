package dev.credence.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the database itself (JDBC, after the app has stopped or died) and checks it against the
 * journal: every acknowledged write present with its values, every refused one absent, in-doubt ones
 * either way, imports complete or absent, and no source name twice.
 */
final class DatabaseVerifier {
    record Result(long checked, long present, List<String> problems, long duplicateSourceNames,
            long lostAcknowledged) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private record Row(long id, int start, int end, Integer credibility, String rationale, String[] sources,
            String[] reliabilities) {
    }

    private DatabaseVerifier() {
    }

    static Result verify(String url, String user, String password, Journal journal) throws SQLException {
        List<String> problems = new ArrayList<>();
        long present = 0;
        long lost = 0;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            Map<String, List<Row>> rows = claims(c, "lg:" + journal.runId + ":");
            for (Journal.ClaimLog log : journal.claims.values()) {
                Journal.Allowed allowed = log.allowed();
                List<Row> found = rows.getOrDefault(log.marker, List.of());
                if (found.size() > 1) {
                    problems.add(log.marker + ": stored " + found.size() + " times");
                    continue;
                }
                Row row = found.isEmpty() ? null : found.get(0);
                if (row == null) {
                    if (!allowed.absentOk()) {
                        lost++;
                        problems.add(log.marker + " (claim " + log.id + "): acknowledged but missing");
                    }
                    continue;
                }
                present++;
                if (allowed.present().isEmpty()) {
                    problems.add(log.marker + " (claim " + row.id() + "): present but "
                            + (log.events.isEmpty() ? "never sent" : "refused or deleted (acknowledged)"));
                } else if (allowed.present().stream().noneMatch(v -> matches(row, v))) {
                    lost++;
                    problems.add(log.marker + " (claim " + row.id() + "): values " + describe(row) + " are none of "
                            + allowed.present());
                }
            }
            for (Journal.ImportLog imp : journal.imports) {
                long n = count(c, "select count(*) from document where title like ?", "Operation " + imp.tag() + "-%");
                boolean ok = switch (imp.outcome()) {
                    case ACKED -> n == imp.count();
                    case REFUSED -> n == 0;
                    case IN_DOUBT -> n == 0 || n == imp.count();
                };
                if (!ok) {
                    problems.add("import " + imp.tag() + " (" + imp.outcome() + "): " + n + " of " + imp.count()
                            + " documents stored");
                    if (imp.outcome() == Journal.Outcome.ACKED) {
                        lost += imp.count() - n;
                    }
                }
            }
            for (Map.Entry<Long, String> s : journal.submitted.entrySet()) {
                long n = count(c, "select count(*) from layer l join app_user u on l.owner_id = u.id"
                        + " where l.document_id = " + s.getKey() + " and l.state = 'submitted' and u.username = ?",
                        s.getValue());
                if (n != 1) {
                    lost++;
                    problems.add("document " + s.getKey() + ": submit by " + s.getValue() + " acknowledged, layer not submitted");
                }
            }
            long duplicates = count(c, "select count(*) from (select lower(name) n from source group by lower(name)"
                    + " having count(*) > 1) d", null);
            if (duplicates > 0) {
                problems.add(duplicates + " source names are stored more than once, e.g. "
                        + examples(c));
            }
            return new Result(journal.claims.size(), present, problems, duplicates, lost);
        }
    }

    private static Map<String, List<Row>> claims(Connection c, String prefix) throws SQLException {
        Map<Long, Row> byId = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select c.id, c.start_offset, c.end_offset, c.credibility,"
                + " c.rationale, h.position, s.name, h.reliability from claim c"
                + " left join attribution_hop h on h.claim_id = c.id left join source s on s.id = h.source_id"
                + " where c.rationale like ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Row row = byId.computeIfAbsent(id, k -> {
                        try {
                            return new Row(id, rs.getInt(2), rs.getInt(3), (Integer) rs.getObject(4),
                                    rs.getString(5), new String[3], new String[3]);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    int pos = rs.getInt(6);
                    if (!rs.wasNull() && pos >= 0 && pos < 3) {
                        row.sources()[pos] = rs.getString(7);
                        row.reliabilities()[pos] = rs.getString(8);
                    } else if (!rs.wasNull()) {
                        row.sources()[2] = "hop " + pos;
                    }
                }
            }
        }
        Map<String, List<Row>> byMarker = new HashMap<>();
        for (Row r : byId.values()) {
            byMarker.computeIfAbsent(marker(r.rationale()), k -> new ArrayList<>()).add(r);
        }
        return byMarker;
    }

    /** The rationale is "{marker} v{n} …": the marker is everything before " v". */
    static String marker(String rationale) {
        int i = rationale.indexOf(" v");
        return i < 0 ? rationale : rationale.substring(0, i);
    }

    private static boolean matches(Row r, Journal.Values v) {
        return r.start() == v.start() && r.end() == v.end() && Objects.equals(r.credibility(), v.credibility())
                && Objects.equals(r.rationale(), v.rationale()) && r.sources()[2] == null
                && v.firm().equalsIgnoreCase(String.valueOf(r.sources()[0]))
                && v.outlet().equalsIgnoreCase(String.valueOf(r.sources()[1]))
                && Objects.equals(v.reliability0(), r.reliabilities()[0])
                && Objects.equals(v.reliability1(), r.reliabilities()[1]);
    }

    private static String describe(Row r) {
        return String.format(Locale.ROOT, "[%d..%d cred %s '%s' %s/%s %s/%s]", r.start(), r.end(), r.credibility(),
                r.rationale(), r.sources()[0], r.reliabilities()[0], r.sources()[1], r.reliabilities()[1]);
    }

    private static long count(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String examples(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select lower(name), count(*) from source group by lower(name)"
                + " having count(*) > 1 order by count(*) desc"); ResultSet rs = ps.executeQuery()) {
            while (rs.next() && out.size() < 5) {
                out.add(rs.getString(1) + " ×" + rs.getLong(2));
            }
        }
        return String.join(", ", out);
    }
}
