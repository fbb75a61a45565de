package dev.credence.exchange.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credence.TestData;
import dev.credence.account.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BackupApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    BackupFixtures fixtures;
    @Inject
    EntityManager em;
    @Inject
    RestoreComparison compare;

    BackupFixtures.Built built;
    String admin;

    @BeforeEach
    void setUp() {
        built = fixtures.build();
        admin = TestData.token(TestData.ADMIN);
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void restoredAsSecondProjectGivesTheSameExportHistoryAndComments() throws Exception {
        byte[] archive = backup(admin, built.projectId());
        RestoreComparison.Snapshot before = compare.snapshot(admin, built.projectId());

        Response r = restore(admin, archive);
        assertEquals(201, r.statusCode(), r.asString());
        long restored = r.jsonPath().getLong("projectId");
        assertNotEquals(built.projectId(), restored);
        assertEquals(BackupFixtures.PROJECT + " (restored)", r.jsonPath().getString("name"));
        assertEquals(List.of(), r.jsonPath().getList("usersCreated"), "every user exists here");
        assertEquals(0, r.jsonPath().getInt("sourcesCreated"), "the registry is shared: merged by name");
        assertEquals(5, r.jsonPath().getInt("sourcesMerged"), "Lanternfish, its parent, Harbor Ledger, the ministry, Quay Watch");

        IdMapping ids = IdMapping.compare(before.export(), export(admin, restored));
        ids.of("source").forEach((a, b) -> assertEquals(a, b, "merged sources keep their ids"));
        ids.of("claim").forEach((a, b) -> assertNotEquals(a, b));
        compare.assertSameRest(before, compare.snapshot(admin, restored), ids);

        // A second restore of the same archive gets the next free name.
        Response again = restore(admin, archive);
        assertEquals(201, again.statusCode(), again.asString());
        assertEquals(BackupFixtures.PROJECT + " (restored 2)", again.jsonPath().getString("name"));
    }

    @Test
    void restoredIntoAFreshInstanceGivesTheSameExportHistoryAndComments() throws Exception {
        byte[] archive = backup(TestData.token("mara"), built.projectId());
        RestoreComparison.Snapshot before = compare.snapshot(admin, built.projectId());

        fixtures.wipe();
        long users = QuarkusTransaction.requiringNew().call(() -> User.count());
        assertEquals(1, users, "only the admin is left");
        admin = TestData.token(TestData.ADMIN);

        Response r = restore(admin, archive);
        assertEquals(201, r.statusCode(), r.asString());
        long restored = r.jsonPath().getLong("projectId");
        assertEquals(BackupFixtures.PROJECT, r.jsonPath().getString("name"), "the name is free here");
        assertEquals(List.of("adam", "mara", "rev1", "rev2"), r.jsonPath().getList("usersCreated"));
        assertEquals(List.of("admin"), r.jsonPath().getList("usersFound"));
        assertEquals(5, r.jsonPath().getInt("sourcesCreated"));

        IdMapping ids = IdMapping.compare(before.export(), export(admin, restored));
        compare.assertSameRest(before, compare.snapshot(admin, restored), ids);

        // Created users have no usable password: nobody can log in as them until an admin acts.
        given().auth().preemptive().basic("mara", TestData.PASSWORD).post("/api/v1/tokens").then().statusCode(401);
        // The registry got the archived aliases and parent.
        long firm = ids.of("source").get(built.gradeSource());
        TestData.api(admin).get("/api/v1/sources/" + firm).then().statusCode(200)
                .body("aliases", org.hamcrest.Matchers.containsInAnyOrder("Lanternfish Labs", "LF"))
                .body("country", org.hamcrest.Matchers.equalTo("Taiwan"))
                .body("parentId", org.hamcrest.Matchers.notNullValue());
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void orphanedSpansStayOrphanedWithTheirRevision() throws Exception {
        // One claim that re-anchoring could not place: its offsets are those of revision 1.
        long orphan = QuarkusTransaction.requiringNew().call(() -> {
            dev.credence.annotation.Claim c = dev.credence.annotation.Claim
                    .<dev.credence.annotation.Claim>find("layer.document.project.id", built.projectId()).firstResult();
            c.orphaned = true;
            c.orphanedRevision = 1;
            return c.id;
        });
        byte[] archive = backup(admin, built.projectId());
        Response r = restore(admin, archive);
        assertEquals(201, r.statusCode(), r.asString());
        long restored = r.jsonPath().getLong("projectId");
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.exact, c.orphanedRevision from Claim c where c.orphaned = true and c.layer.document.project.id = ?1",
                Object[].class).setParameter(1, restored).getResultList());
        String exact = QuarkusTransaction.requiringNew().call(
                () -> dev.credence.annotation.Claim.<dev.credence.annotation.Claim>findById(orphan).exact);
        assertEquals(1, rows.size(), "exactly the orphaned claim is orphaned after the restore");
        assertEquals(exact, rows.get(0)[0]);
        assertEquals(1, rows.get(0)[1]);
    }

    @Test
    void aChangedEntryIsRefusedByItsChecksumAndNothingIsStored() throws Exception {
        byte[] archive = backup(admin, built.projectId());
        Counts counts = counts();
        byte[] tampered = rewrite(archive, Map.of("claims.jsonl",
                s -> s.replaceFirst("\"credibility\":2", "\"credibility\":1")), false);
        restore(admin, tampered).then().statusCode(422)
                .body("error", org.hamcrest.Matchers.equalTo("unprocessable"))
                .body("detail", containsString("entry 'claims.jsonl' does not match manifest.json"))
                .body("detail", containsString("SHA-256"));
        assertEquals(counts, counts());
    }

    @Test
    void aBadRowNamesEntryLineAndFieldAndNothingIsStored() throws Exception {
        byte[] archive = backup(admin, built.projectId());
        Counts counts = counts();
        // Consistent checksums (recomputed), but the third claim's start is a string.
        byte[] bad = rewrite(archive, Map.of("claims.jsonl", s -> {
            String[] lines = s.split("\n", -1);
            lines[2] = lines[2].replaceFirst("\"start\":(\\d+)", "\"start\":\"$1\"");
            return String.join("\n", lines);
        }), true);
        restore(admin, bad).then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.equalTo("backup: claims.jsonl line 3, field 'start': expected an integer"));
        // A hop naming a claim the archive does not hold fails late, after documents and layers were written:
        // the one transaction takes them back.
        byte[] dangling = rewrite(archive, Map.of("hops.jsonl", s -> s.replaceFirst("\"claimId\":\\d+", "\"claimId\":987654")),
                true);
        restore(admin, dangling).then().statusCode(422)
                .body("detail", matchesPattern("backup: hops.jsonl line 1, field 'claimId': 987654 is not in claims.jsonl"));
        assertEquals(counts, counts());
    }

    @Test
    void aNewerFormatOrAForeignZipIsRefused() throws Exception {
        byte[] archive = backup(admin, built.projectId());
        byte[] newer = rewrite(archive, Map.of("manifest.json", s -> s.replace("\"formatVersion\" : 2", "\"formatVersion\" : 3")),
                false);
        restore(admin, newer).then().statusCode(422)
                .body("detail", containsString("formatVersion': 3 is newer than this Credence reads (2)"));
        restore(admin, zip(Map.of("notes.txt", "hello"))).then().statusCode(422)
                .body("detail", containsString("no manifest.json"));
        restore(admin, "not a zip at all".getBytes(StandardCharsets.UTF_8)).then().statusCode(422)
                .body("detail", containsString("not a zip archive"));
        byte[] extra = rewrite(archive, Map.of(), false, Map.of("extra.jsonl", "{}\n"));
        restore(admin, extra).then().statusCode(422).body("detail", containsString("unexpected entry 'extra.jsonl'"));
        TestData.api(admin).contentType("text/plain").body("x").post("/api/v1/projects/restore").then().statusCode(415);
    }

    @Test
    void archivesOverTheLimitsAre413() throws Exception {
        Counts counts = counts();
        byte[] big = new byte[1_200_000]; // %test limit: 1,000,000 bytes as uploaded
        new java.util.Random(7).nextBytes(big);
        restore(admin, big).then().statusCode(413).body("error", org.hamcrest.Matchers.equalTo("too_large"))
                .body("detail", containsString("credence.backup.max-archive-bytes"));
        // A small zip that unpacks past the limit (%test: 4,000,000 bytes): stopped while reading.
        byte[] archive = backup(admin, built.projectId());
        byte[] bomb = rewrite(archive, Map.of("history.jsonl", s -> s + " ".repeat(5_000_000)), true);
        assertTrue(bomb.length < 1_000_000);
        restore(admin, bomb).then().statusCode(413).body("detail", containsString("unpacks to more than 4000000 bytes"));
        assertEquals(counts, counts());
    }

    @Test
    void managersAndAdminsBackUpOnlyAdminsRestore() {
        String url = "/api/v1/projects/" + built.projectId() + "/backup";
        TestData.api(TestData.token("mara")).get(url).then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", matchesPattern("attachment; filename=\"kite-watch-q3-backup-\\d{4}-\\d{2}-\\d{2}\\.zip\""));
        TestData.api(TestData.token("rev1")).get(url).then().statusCode(403);
        TestData.api(TestData.token("adam")).get(url).then().statusCode(403);
        TestData.api(TestData.token("olga")).get(url).then().statusCode(404);
        given().get(url).then().statusCode(401);
        TestData.api(admin).get("/api/v1/projects/99999999/backup").then().statusCode(404);

        byte[] archive = backup(admin, built.projectId());
        Counts counts = counts();
        restoreAs(TestData.token("mara"), archive).then().statusCode(403);
        restoreAs(TestData.token("rev1"), archive).then().statusCode(403);
        given().contentType("application/zip").body(archive).post("/api/v1/projects/restore").then().statusCode(401);
        assertEquals(counts, counts());
    }

    // ---------------------------------------------------------------- helpers

    static byte[] backup(String token, long projectId) {
        return TestData.api(token).get("/api/v1/projects/" + projectId + "/backup").then().statusCode(200)
                .extract().asByteArray();
    }

    static Response restore(String token, byte[] archive) {
        return restoreAs(token, archive);
    }

    static Response restoreAs(String token, byte[] archive) {
        return given().header("Authorization", "Bearer " + token).contentType("application/zip").body(archive)
                .post("/api/v1/projects/restore");
    }

    static String export(String token, long projectId) {
        return TestData.api(token).queryParam("format", "jsonl").get("/api/v1/projects/" + projectId + "/export")
                .then().statusCode(200).extract().asString();
    }

    /** Replaces entries (edit functions on their text) and adds others; {@code reseal} recomputes the manifest. */
    static byte[] rewrite(byte[] archive, Map<String, UnaryOperator<String>> edits, boolean reseal) throws Exception {
        return rewrite(archive, edits, reseal, Map.of());
    }

    static byte[] rewrite(byte[] archive, Map<String, UnaryOperator<String>> edits, boolean reseal,
            Map<String, String> added) throws Exception {
        Map<String, String> entries = unzip(archive);
        edits.forEach((name, edit) -> entries.put(name, edit.apply(entries.get(name))));
        entries.putAll(added);
        if (reseal) {
            ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
            for (JsonNode e : manifest.get("entries")) {
                byte[] bytes = entries.get(e.get("name").asText()).getBytes(StandardCharsets.UTF_8);
                ((ObjectNode) e).put("bytes", bytes.length).put("sha256", BackupFixtures.sha256(
                        entries.get(e.get("name").asText())));
            }
            entries.put("manifest.json", JSON.writeValueAsString(manifest));
        }
        return zip(entries);
    }

    static Map<String, String> unzip(byte[] archive) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Rows in every table a restore writes to. */
    record Counts(List<Long> rows) {
    }

    Counts counts() {
        return QuarkusTransaction.requiringNew().call(() -> new Counts(Arrays.stream(new String[] { "project", "app_user",
                "membership", "source", "source_alias", "source_key", "source_grade", "document", "document_revision",
                "layer", "mention", "cue", "claim", "attribution_hop", "claim_comment", "change_log" })
                .map(t -> ((Number) em.createNativeQuery("select count(*) from " + t).getSingleResult()).longValue())
                .toList()));
    }
}
