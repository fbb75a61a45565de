package dev.credence.exchange.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes a project backup: one JSON Lines entry per table (BackupFormat.ENTRIES), each read in keyset pages of
 * scalar rows (id > last, order by id) and written row by row with Jackson's streaming generator, so memory
 * holds one page whatever the project size. The manifest (counts and SHA-256 per entry) is written last.
 * Runs inside the caller's (read) transaction.
 */
@ApplicationScoped
public class BackupWriter {
    /** Emoji and other characters beyond U+FFFF as UTF-8, not as escaped surrogate pairs: readable and smaller. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    /** Ids per IN list (well under PostgreSQL's bind-parameter limit). */
    static final int SLICE = 1000;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String appVersion;

    /** What the manifest says of one entry. */
    record EntrySummary(String name, long rows, long bytes, String sha256) {
    }

    /** Writes the whole archive of project {@code projectId} to {@code out} (which stays open). */
    public void write(long projectId, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, java.nio.charset.StandardCharsets.UTF_8);
        List<EntrySummary> entries = new ArrayList<>();
        for (String name : BackupFormat.ENTRIES) {
            entries.add(entry(zip, name, switch (name) {
                case BackupFormat.PROJECT -> json -> project(json, projectId);
                case BackupFormat.USERS -> json -> users(json, projectId);
                case BackupFormat.SOURCES -> json -> sources(json, projectId);
                default -> json -> table(json, BackupTables.table(name), projectId);
            }));
        }
        zip.putNextEntry(new ZipEntry(BackupFormat.MANIFEST));
        JsonGenerator json = FACTORY.createGenerator(zip, JsonEncoding.UTF8);
        json.useDefaultPrettyPrinter();
        manifest(json, projectId, entries);
        json.close();
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private interface Rows {
        long write(JsonGenerator json) throws IOException;
    }

    /** One zip entry: its rows written through a SHA-256 digest and a byte counter. */
    private EntrySummary entry(ZipOutputStream zip, String name, Rows rows) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest sha = sha256();
        CountingStream counted = new CountingStream(new DigestOutputStream(zip, sha));
        JsonGenerator json = FACTORY.createGenerator(counted, JsonEncoding.UTF8);
        json.setRootValueSeparator(null);
        long count = rows.write(json);
        json.close();
        zip.closeEntry();
        zip.flush();
        return new EntrySummary(name, count, counted.count, HexFormat.of().formatHex(sha.digest()));
    }

    private long table(JsonGenerator json, BackupTables.Table table, long projectId) throws IOException {
        long last = Long.MIN_VALUE;
        long count = 0;
        while (true) {
            List<?> rows = em.createQuery(table.jpql() + " and " + BackupTables.alias(table.jpql()) + ".id > :last order by "
                    + BackupTables.alias(table.jpql()) + ".id").setParameter("project", projectId).setParameter("last", last)
                    .setMaxResults(table.page()).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                row(json, table.fields(), r);
                last = ((Number) r[0]).longValue();
                count++;
            }
            em.clear();
            if (rows.size() < table.page()) {
                return count;
            }
        }
    }

    private long project(JsonGenerator json, long projectId) throws IOException {
        Object[] r = (Object[]) em.createQuery("select p.id, p.name, p.description, p.guidelines, p.reviewersPerDocument,"
                + " cb.username, p.createdAt, p.version from Project p left join p.createdBy cb where p.id = :project")
                .setParameter("project", projectId).getSingleResult();
        row(json, new String[] { "id", "name", "description", "guidelines", "reviewersPerDocument", "createdBy",
                "createdAt", "version" }, r);
        return 1;
    }

    /**
     * Every user the project's rows name (members, layer owners, authors, graders, creators, people in the
     * history who still have an account), by username: users are instance-level, the restore maps or creates them.
     */
    private long users(JsonGenerator json, long projectId) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (String jpql : List.of(
                "select u.username from Membership m join m.user u where m.project.id = :project",
                "select u.username from Project p join p.createdBy u where p.id = :project",
                "select distinct u.username from Document d join d.createdBy u where d.project.id = :project",
                "select distinct u.username from DocumentRevision r join r.createdBy u where r.document.project.id = :project",
                "select distinct u.username from Layer l join l.owner u where l.document.project.id = :project",
                "select distinct u.username from ClaimComment c join c.author u where c.claim.layer.document.project.id = :project",
                "select distinct u.username from SourceGrade g join g.gradedBy u where g.project.id = :project",
                "select distinct e.username from ChangeLogEntry e where e.projectId = :project and e.username is not null")) {
            for (Object name : em.createQuery(jpql).setParameter("project", projectId).getResultList()) {
                names.add((String) name);
            }
        }
        long count = 0;
        List<String> all = new ArrayList<>(names);
        for (int from = 0; from < all.size(); from += SLICE) {
            for (Object row : em.createQuery("select u.id, u.username, u.displayName, u.role, u.createdAt from User u"
                    + " where u.username in (:names) order by u.username")
                    .setParameter("names", all.subList(from, Math.min(all.size(), from + SLICE))).getResultList()) {
                row(json, new String[] { "id", "username", "displayName", "role", "createdAt" }, (Object[]) row);
                count++;
            }
        }
        return count;
    }

    /** The registry sources the project uses (mentions, hops, grades, suggestions) and their parents, with their aliases. */
    private long sources(JsonGenerator json, long projectId) throws IOException {
        TreeSet<Long> ids = new TreeSet<>();
        for (String jpql : List.of(
                "select distinct m.source.id from Mention m where m.layer.document.project.id = :project and m.source is not null",
                "select distinct h.source.id from AttributionHop h where h.claim.layer.document.project.id = :project",
                "select distinct g.source.id from SourceGrade g where g.project.id = :project",
                "select distinct s.registrySource.id from dev.credence.suggest.Suggestion s"
                        + " where s.layer.document.project.id = :project and s.registrySource is not null")) {
            for (Object id : em.createQuery(jpql).setParameter("project", projectId).getResultList()) {
                ids.add(((Number) id).longValue());
            }
        }
        List<Long> frontier = new ArrayList<>(ids);
        while (!frontier.isEmpty()) {
            List<Long> parents = new ArrayList<>();
            for (List<Long> slice : slices(frontier)) {
                for (Object id : em.createQuery("select s.parent.id from Source s where s.id in (:ids) and s.parent is not null")
                        .setParameter("ids", slice).getResultList()) {
                    long parent = ((Number) id).longValue();
                    if (ids.add(parent)) {
                        parents.add(parent);
                    }
                }
            }
            frontier = parents;
        }
        long count = 0;
        for (List<Long> slice : slices(new ArrayList<>(ids))) {
            Map<Long, List<String>> aliases = new LinkedHashMap<>();
            for (Object row : em.createQuery("select a.source.id, a.alias from SourceAlias a where a.source.id in (:ids)"
                    + " order by a.source.id, a.alias").setParameter("ids", slice).getResultList()) {
                Object[] r = (Object[]) row;
                aliases.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]);
            }
            for (Object row : em.createQuery("select s.id, s.name, s.type, s.country, s.parent.id, s.url, s.sameAs,"
                    + " s.description, cb.username, s.createdAt from Source s left join s.createdBy cb where s.id in (:ids)"
                    + " order by s.id").setParameter("ids", slice).getResultList()) {
                Object[] r = (Object[]) row;
                json.writeStartObject();
                fields(json, new String[] { "id", "name", "type", "country", "parentId", "url", "sameAs", "description",
                        "createdBy", "createdAt" }, r);
                json.writeArrayFieldStart("aliases");
                for (String alias : aliases.getOrDefault(((Number) r[0]).longValue(), List.of())) {
                    json.writeString(alias);
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeRaw('\n');
                count++;
            }
            em.clear();
        }
        return count;
    }

    private void manifest(JsonGenerator json, long projectId, List<EntrySummary> entries) throws IOException {
        Object[] p = (Object[]) em.createQuery("select p.id, p.name from Project p where p.id = :project")
                .setParameter("project", projectId).getSingleResult();
        json.writeStartObject();
        json.writeStringField("format", BackupFormat.FORMAT);
        json.writeNumberField("formatVersion", BackupFormat.VERSION);
        json.writeStringField("appVersion", appVersion);
        json.writeStringField("createdAt", Instant.now().toString());
        json.writeObjectFieldStart("project");
        json.writeNumberField("id", ((Number) p[0]).longValue());
        json.writeStringField("name", (String) p[1]);
        json.writeEndObject();
        json.writeObjectFieldStart("counts");
        for (EntrySummary e : entries) {
            json.writeNumberField(e.name().replace(".jsonl", ""), e.rows());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("entries");
        for (EntrySummary e : entries) {
            json.writeStartObject();
            json.writeStringField("name", e.name());
            json.writeNumberField("rows", e.rows());
            json.writeNumberField("bytes", e.bytes());
            json.writeStringField("sha256", e.sha256());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void row(JsonGenerator json, String[] fields, Object[] values) throws IOException {
        json.writeStartObject();
        fields(json, fields, values);
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Values as JSON: numbers, booleans and strings as they are; instants and dates ISO-8601; enums by name. */
    private static void fields(JsonGenerator json, String[] fields, Object[] values) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            Object v = values[i];
            String f = fields[i];
            if (v == null) {
                json.writeNullField(f);
            } else if (v instanceof Long || v instanceof Integer) {
                json.writeNumberField(f, ((Number) v).longValue());
            } else if (v instanceof Double d) {
                json.writeNumberField(f, d);
            } else if (v instanceof Boolean b) {
                json.writeBooleanField(f, b);
            } else if (v instanceof Enum<?> e) {
                json.writeStringField(f, e.name());
            } else if (v instanceof Instant || v instanceof LocalDate) {
                json.writeStringField(f, v.toString());
            } else {
                json.writeStringField(f, v.toString());
            }
        }
    }

    private static List<List<Long>> slices(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += SLICE) {
            out.add(ids.subList(from, Math.min(ids.size(), from + SLICE)));
        }
        return out;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the bytes of an entry before compression (the manifest's "bytes"). */
    static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush(); // the entry ends, the zip does not
        }
    }
}
