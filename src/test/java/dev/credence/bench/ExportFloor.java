package dev.credence.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The export floor: the rows an export reads (documents, layers, claims, hops with their source, mentions,
 * cues), read by bare JDBC in the same pages of documents, and written as one JSON line per document with
 * Jackson's streaming generator. No ORM, no access rule, no format logic: what any exporter on this
 * database and this JVM must at least spend.
 */
final class ExportFloor {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int SLICE = 1000;

    private ExportFloor() {
    }

    /** Writes the project to {@code out}; returns the number of claims written. */
    static long write(DataSource dataSource, long projectId, int pageSize, OutputStream out) throws Exception {
        long claims = 0;
        try (Connection c = dataSource.getConnection();
                JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            json.setRootValueSeparator(null);
            // Ids first, then the rows (as ExportReader: H2 would sort whole rows, texts included, by id).
            PreparedStatement ids = c.prepareStatement("select id from document where project_id = ? and id > ?"
                    + " order by id limit ?");
            long after = 0;
            Map<Long, Long> counts = new HashMap<>();
            while (true) {
                ids.setLong(1, projectId);
                ids.setLong(2, after);
                ids.setInt(3, pageSize);
                List<Long> pageIds = new ArrayList<>();
                try (ResultSet rs = ids.executeQuery()) {
                    while (rs.next()) {
                        pageIds.add(rs.getLong(1));
                    }
                }
                boolean lastIds = pageIds.size() < pageSize;
                int full = pageIds.size();
                pageIds = withinClaimBudget(c, pageIds, counts);
                lastIds = lastIds && pageIds.size() == full;
                List<Object[]> page = new ArrayList<>();
                if (!pageIds.isEmpty()) {
                    try (PreparedStatement docs = c.prepareStatement("select id, title, url, publisher, published_at,"
                            + " text_sha256, revision, text from document where id in ("
                            + String.join(",", java.util.Collections.nCopies(pageIds.size(), "?")) + ") order by id")) {
                        for (int i = 0; i < pageIds.size(); i++) {
                            docs.setLong(i + 1, pageIds.get(i));
                        }
                        try (ResultSet rs = docs.executeQuery()) {
                            while (rs.next()) {
                                page.add(new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                        rs.getObject(5), rs.getString(6), rs.getInt(7), rs.getString(8) });
                            }
                        }
                    }
                }
                if (page.isEmpty()) {
                    break;
                }
                claims += page(c, page, json);
                json.flush();
                after = (Long) page.get(page.size() - 1)[0];
                if (lastIds) {
                    break;
                }
            }
            c.commit();
        }
        return claims;
    }

    /** As ExportReader: the first documents of {@code ids} with at most ExportReader.PAGE_CLAIMS claims (at least one). */
    private static List<Long> withinClaimBudget(Connection c, List<Long> ids, Map<Long, Long> counts) throws Exception {
        if (ids.size() <= 1) {
            counts.clear();
            return ids;
        }
        List<Long> uncounted = ids.stream().filter(id -> !counts.containsKey(id)).toList();
        if (!uncounted.isEmpty()) {
            uncounted.forEach(id -> counts.put(id, 0L));
            try (PreparedStatement ps = c.prepareStatement("select l.document_id, count(*) from claim c join layer l"
                    + " on c.layer_id = l.id where l.document_id in ("
                    + String.join(",", java.util.Collections.nCopies(uncounted.size(), "?")) + ") group by l.document_id")) {
                for (int i = 0; i < uncounted.size(); i++) {
                    ps.setLong(i + 1, uncounted.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
        }
        long claims = 0;
        int end = ids.size();
        for (int i = 0; i < ids.size(); i++) {
            claims += counts.getOrDefault(ids.get(i), 0L);
            if (claims > dev.credence.exchange.ExportReader.PAGE_CLAIMS && i > 0) {
                end = i;
                break;
            }
        }
        ids.subList(0, end).forEach(counts::remove);
        return ids.subList(0, end);
    }

    private static long page(Connection c, List<Object[]> page, JsonGenerator json) throws Exception {
        Map<Long, List<Object[]>> layersOf = new HashMap<>();
        Map<Long, List<Object[]>> claimsOf = new HashMap<>();
        Map<Long, List<Object[]>> mentionsOf = new HashMap<>();
        Map<Long, List<Object[]>> cuesOf = new HashMap<>();
        Map<Long, List<Object[]>> hopsOf = new HashMap<>();
        List<Long> ids = page.stream().map(d -> (Long) d[0]).toList();
        String inPage = " l.document_id in (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")";
        rows(c, "select l.id, l.document_id, l.kind, l.state, u.username from layer l left join app_user u"
                + " on l.owner_id = u.id where" + inPage + " order by l.document_id, l.id", ids, layersOf, 1);
        List<Long> claimIds = new ArrayList<>();
        rows(c, "select c.id, c.layer_id, c.start_offset, c.end_offset, c.exact_text, c.prefix_text, c.suffix_text,"
                + " c.kind, c.stance, c.check_worthy, c.credibility, c.rationale, c.evidence_url from claim c"
                + " join layer l on c.layer_id = l.id where" + inPage + " order by c.layer_id, c.start_offset, c.id",
                ids, claimsOf, 1);
        claimsOf.values().forEach(list -> list.forEach(r -> claimIds.add((Long) r[0])));
        rows(c, "select m.id, m.layer_id, m.start_offset, m.end_offset, m.exact_text, m.prefix_text, m.suffix_text,"
                + " m.source_id from mention m join layer l on m.layer_id = l.id where" + inPage, ids, mentionsOf, 1);
        rows(c, "select q.id, q.layer_id, q.start_offset, q.end_offset, q.exact_text, q.prefix_text, q.suffix_text,"
                + " q.cue_class from cue q join layer l on q.layer_id = l.id where" + inPage, ids, cuesOf, 1);
        for (int from = 0; from < claimIds.size(); from += SLICE) {
            List<Long> slice = claimIds.subList(from, Math.min(claimIds.size(), from + SLICE));
            String marks = String.join(",", java.util.Collections.nCopies(slice.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("select h.claim_id, h.position, s.id, s.name, s.type,"
                    + " h.mention_id, h.cue_id, h.relation, h.reliability from attribution_hop h join source s"
                    + " on h.source_id = s.id where h.claim_id in (" + marks + ") order by h.claim_id, h.position")) {
                for (int i = 0; i < slice.size(); i++) {
                    ps.setLong(i + 1, slice.get(i));
                }
                collect(ps, hopsOf, 0);
            }
        }
        long claims = 0;
        for (Object[] d : page) {
            json.writeStartObject();
            json.writeNumberField("id", (Long) d[0]);
            json.writeStringField("title", (String) d[1]);
            json.writeStringField("url", (String) d[2]);
            json.writeStringField("publisher", (String) d[3]);
            json.writeStringField("publishedAt", d[4] == null ? null : d[4].toString());
            json.writeStringField("textSha256", (String) d[5]);
            json.writeNumberField("revision", (Integer) d[6]);
            json.writeStringField("text", (String) d[7]);
            json.writeArrayFieldStart("layers");
            for (Object[] l : layersOf.getOrDefault((Long) d[0], List.of())) {
                long layer = (Long) l[0];
                json.writeStartObject();
                json.writeNumberField("id", layer);
                json.writeStringField("kind", (String) l[2]);
                json.writeStringField("state", (String) l[3]);
                json.writeStringField("owner", (String) l[4]);
                json.writeArrayFieldStart("claims");
                for (Object[] cl : claimsOf.getOrDefault(layer, List.of())) {
                    claims++;
                    json.writeStartObject();
                    span(json, cl);
                    json.writeStringField("kind", (String) cl[7]);
                    json.writeStringField("stance", (String) cl[8]);
                    json.writeObjectField("checkWorthy", cl[9]);
                    json.writeObjectField("credibility", cl[10]);
                    json.writeStringField("rationale", (String) cl[11]);
                    json.writeStringField("evidenceUrl", (String) cl[12]);
                    json.writeArrayFieldStart("attribution");
                    for (Object[] h : hopsOf.getOrDefault((Long) cl[0], List.of())) {
                        json.writeStartObject();
                        json.writeObjectField("position", h[1]);
                        json.writeObjectFieldStart("source");
                        json.writeObjectField("id", h[2]);
                        json.writeStringField("name", (String) h[3]);
                        json.writeStringField("type", (String) h[4]);
                        json.writeEndObject();
                        json.writeObjectField("mention", h[5]);
                        json.writeObjectField("cue", h[6]);
                        json.writeStringField("relation", (String) h[7]);
                        json.writeStringField("reliability", (String) h[8]);
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("mentions");
                for (Object[] m : mentionsOf.getOrDefault(layer, List.of())) {
                    json.writeStartObject();
                    span(json, m);
                    json.writeObjectField("source", m[7]);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("cues");
                for (Object[] q : cuesOf.getOrDefault(layer, List.of())) {
                    json.writeStartObject();
                    span(json, q);
                    json.writeStringField("class", (String) q[7]);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        return claims;
    }

    private static void span(JsonGenerator json, Object[] r) throws Exception {
        json.writeNumberField("id", (Long) r[0]);
        json.writeObjectField("start", r[2]);
        json.writeObjectField("end", r[3]);
        json.writeStringField("exact", (String) r[4]);
        json.writeStringField("prefix", (String) r[5]);
        json.writeStringField("suffix", (String) r[6]);
    }

    private static void rows(Connection c, String sql, List<Long> ids, Map<Long, List<Object[]>> into, int key)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            collect(ps, into, key);
        }
    }

    /** Every row as an array of column values, grouped by the value of column {@code key} (a bigint). */
    private static void collect(PreparedStatement ps, Map<Long, List<Object[]>> into, int key) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                into.computeIfAbsent(((Number) row[key]).longValue(), k -> new ArrayList<>()).add(row);
            }
        }
    }
}
