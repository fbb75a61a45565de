package dev.credence.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export jobs over the API: start, poll, download and parse; who may; bad parameters; failure, restart, clean-up. */
@QuarkusTest
class ExportJobApiTest {
    static final String KITE = "Researchers at the firm Lanternfish told the Harbor Ledger that the group "
            + "\"Copper Kite\" 🐉 breached 14 agencies.\nThe ministry called it 谣言, cafe\u0301 talk.\n";
    static final String CLAIM = "the group \"Copper Kite\" 🐉 breached 14 agencies";
    static final int DOCUMENTS = 12;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;
    @Inject
    ExportJobRunner runner;

    Project project;

    @BeforeEach
    void setUp() {
        data.reset();
        User mara = data.user("mara");
        User rev1 = data.user("rev1");
        data.user("rev2");
        data.user("olga");
        project = data.project("Kite Watch: jobs", mara);
        data.member(project, "rev1", "reviewer");
        data.member(project, "rev2", "reviewer");
        Source firm = fixtures.source("Lanternfish", SourceType.firm_report);
        Source outlet = fixtures.source("Harbor Ledger", SourceType.independent_media);
        for (int i = 0; i < DOCUMENTS; i++) {
            Document d = fixtures.document(project, "Copper Kite breach " + (char) ('a' + i), KITE + "Item " + i + ".\n");
            Layer layer = fixtures.layer(d, i % 2 == 0 ? mara : rev1);
            fixtures.claim(layer, CLAIM,
                    new ExportFixtures.HopSpec(firm, "Lanternfish", "told", Relation.asserts, "C"),
                    new ExportFixtures.HopSpec(outlet, "Harbor Ledger", null, Relation.reports, "B"));
        }
        runner.limitFileBytes(Long.MAX_VALUE);
    }

    @org.junit.jupiter.api.AfterEach
    void unlimit() {
        runner.limitFileBytes(Long.MAX_VALUE); // the app (and its runner) outlives this class
    }

    private String start() {
        return "/api/v1/projects/" + project.id + "/exports";
    }

    /** Polls the job until it is neither queued nor running. */
    static JsonPath await(String token, String location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonPath job = TestData.api(token).when().get(location).then().statusCode(200).extract().jsonPath();
            String state = job.getString("state");
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            assertTrue(System.nanoTime() < deadline, "job still " + state);
            Thread.sleep(100);
        }
    }

    @Test
    void jsonlJobRunsToDoneAndItsFileParses() throws Exception {
        String mara = TestData.token("mara");
        Response started = TestData.api(mara).queryParam("format", "jsonl").queryParam("layer", "all")
                .when().post(start())
                .then().statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/exports/\\d+"))
                .body("format", equalTo("jsonl"))
                .body("project", equalTo(project.id.intValue()))
                .body("parameters.layer", equalTo("all"))
                .body("downloadUrl", nullValue())
                .body("progress.done", equalTo(0))
                .extract().response();
        assertTrue(List.of("queued", "running", "done").contains(started.jsonPath().getString("state")));
        assertNotNull(started.jsonPath().getString("createdAt"));

        JsonPath job = await(mara, started.header("Location"));
        assertEquals("done", job.getString("state"));
        assertEquals(DOCUMENTS, job.getInt("progress.done"));
        assertEquals(DOCUMENTS, job.getInt("progress.total"));
        assertEquals("/api/v1/exports/" + job.getLong("id") + "/download", job.getString("downloadUrl"));

        String body = TestData.api(mara).when().get(job.getString("downloadUrl"))
                .then().statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"kite-watch-jobs-\\d{4}-\\d{2}-\\d{2}\\.jsonl\""))
                .extract().asString();
        assertEquals(job.getLong("bytes"), body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        String[] lines = body.split("\n");
        assertEquals(DOCUMENTS, lines.length);
        int claims = 0;
        for (String line : lines) {
            JsonNode doc = MAPPER.readTree(line);
            String text = doc.get("text").asText();
            assertTrue(text.startsWith(KITE), text);
            for (JsonNode layer : doc.get("layers")) {
                for (JsonNode claim : layer.get("claims")) {
                    assertEquals(claim.get("exact").asText(),
                            ExportFixtures.codePoints(text, claim.get("start").asInt(), claim.get("end").asInt()));
                    claims++;
                }
            }
        }
        assertEquals(DOCUMENTS, claims);
    }

    @Test
    void doccanoJobKeepsItsEntitiesAndOffsetsOptions() throws Exception {
        String mara = TestData.token("mara");
        Response started = TestData.api(mara).queryParam("format", "doccano").queryParam("entities", "claims")
                .queryParam("offsets", "codepoints").when().post(start())
                .then().statusCode(202)
                .body("parameters.entities", equalTo("claims"))
                .body("parameters.offsets", equalTo("codepoints"))
                .extract().response();
        JsonPath job = await(mara, started.header("Location"));
        assertEquals("done", job.getString("state"));
        String body = TestData.api(mara).when().get(job.getString("downloadUrl")).then().statusCode(200)
                .extract().asString();
        int claims = 0;
        for (String line : body.split("\n")) {
            JsonNode doc = MAPPER.readTree(line);
            String text = doc.get("text").asText();
            for (JsonNode e : doc.get("entities")) {
                assertEquals("CLAIM", e.get("label").asText(), "entities=claims keeps claims only: " + e);
                assertTrue(e.get("end_offset").asInt() <= text.codePointCount(0, text.length()));
                claims++;
            }
            assertEquals(0, doc.get("relations").size(), "no relations without mentions and cues");
        }
        assertEquals(DOCUMENTS, claims);
        TestData.api(mara).queryParam("format", "doccano").queryParam("entities", "sources").when().post(start())
                .then().statusCode(400).body("detail", startsWith("entities"));
    }

    @Test
    void csvJobOfAReviewerHoldsOnlyTheirLayers() throws Exception {
        String rev1 = TestData.token("rev1");
        String location = TestData.api(rev1).queryParam("format", "csv").when().post(start())
                .then().statusCode(202).extract().header("Location");
        JsonPath job = await(rev1, location);
        assertEquals("done", job.getString("state"));
        String body = TestData.api(rev1).when().get(job.getString("downloadUrl"))
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", endsWith(".csv\"")).extract().asString();
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().get()).get()) {
            rows = parser.getRecords();
        }
        assertEquals(DOCUMENTS / 2, rows.size(), "rev1's layers only: blind review holds in a job too");
        for (CSVRecord row : rows) {
            assertEquals("rev1", row.get("reviewer"));
            assertEquals(CLAIM, row.get("exact"));
        }
    }

    @Test
    void onlyTheRequesterWhileAMemberSeesTheJob() throws Exception {
        String mara = TestData.token("mara");
        String location = TestData.api(mara).queryParam("format", "jsonl").when().post(start())
                .then().statusCode(202).extract().header("Location");
        JsonPath job = await(mara, location);
        String download = job.getString("downloadUrl");

        String rev2 = TestData.token("rev2");
        TestData.api(rev2).when().get(location).then().statusCode(403).body("error", equalTo("forbidden"));
        TestData.api(rev2).when().get(download).then().statusCode(403);
        String olga = TestData.token("olga");
        TestData.api(olga).when().get(location).then().statusCode(404).body("error", equalTo("not_found"));
        TestData.api(olga).when().get(download).then().statusCode(404);
        TestData.api(olga).queryParam("format", "jsonl").when().post(start()).then().statusCode(404);
        TestData.api(mara).when().get("/api/v1/exports/999999").then().statusCode(404);
        given().when().get(location).then().statusCode(401);
        given().contentType(io.restassured.http.ContentType.JSON).queryParam("format", "jsonl").when().post(start())
                .then().statusCode(401);
    }

    @Test
    void badParametersAre400AndStartNothing() {
        String mara = TestData.token("mara");
        TestData.api(mara).queryParam("format", "pdf").when().post(start())
                .then().statusCode(400).body("error", equalTo("bad_request")).body("detail", startsWith("format:"));
        TestData.api(mara).when().post(start()).then().statusCode(400).body("detail", startsWith("format:"));
        TestData.api(mara).queryParam("format", "jsonl").queryParam("layer", "everyone").when().post(start())
                .then().statusCode(400).body("detail", startsWith("layer:"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ExportJob.count()));
    }

    @Test
    void aJobThatCannotBeWrittenFailsWithItsReason() throws Exception {
        runner.limitFileBytes(100);
        String mara = TestData.token("mara");
        String location = TestData.api(mara).queryParam("format", "jsonl").when().post(start())
                .then().statusCode(202).extract().header("Location");
        JsonPath job = await(mara, location);
        assertEquals("failed", job.getString("state"));
        assertTrue(job.getString("error").contains("credence.export.max-file-bytes"), job.getString("error"));
        assertEquals(null, job.getString("downloadUrl"));
        TestData.api(mara).when().get(location + "/download").then().statusCode(409)
                .body("error", equalTo("conflict")).body("detail", containsString("failed"));
        try (var files = Files.list(runner.directory())) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("export-job-" + job.getLong("id") + ".")),
                    "no partial file left behind");
        }
    }

    @Test
    void jobsInterruptedByARestartAreFailedOnStart() {
        long mine = job(ExportJobState.running, runner.node(), Instant.now());
        long othersAlive = job(ExportJobState.running, "other-host:8080", Instant.now());
        long othersDead = job(ExportJobState.queued, "other-host:8080", Instant.now().minus(Duration.ofHours(1)));
        assertEquals(1, runner.failInterrupted());
        runner.failAbandoned(Instant.now()); // the housekeeping thread may have been first
        String mara = TestData.token("mara");
        TestData.api(mara).when().get("/api/v1/exports/" + mine).then().statusCode(200)
                .body("state", equalTo("failed")).body("error", containsString("restarted"));
        TestData.api(mara).when().get("/api/v1/exports/" + othersAlive).then().body("state", equalTo("running"));
        TestData.api(mara).when().get("/api/v1/exports/" + othersDead).then().body("state", equalTo("failed"))
                .body("error", containsString("stopped"));
    }

    @Test
    void finishedFilesAreRemovedAfterTheRetentionTime() throws Exception {
        String mara = TestData.token("mara");
        String location = TestData.api(mara).queryParam("format", "jsonl").when().post(start())
                .then().statusCode(202).extract().header("Location");
        JsonPath job = await(mara, location);
        long id = job.getLong("id");
        Path file = Path.of(QuarkusTransaction.requiringNew().call(() -> ExportJob.<ExportJob>findById(id).filePath));
        assertTrue(Files.exists(file));
        Path stray = runner.directory().resolve("export-job-0.jsonl.part");
        Files.writeString(stray, "a crash's leftover");
        Files.setLastModifiedTime(stray, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        assertEquals(0, runner.cleanUp(Instant.now()), "a fresh file stays");
        assertTrue(Files.exists(file));
        assertEquals(1, runner.cleanUp(Instant.now().plus(Duration.ofHours(25))));
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(stray));
        TestData.api(mara).when().get(location).then().body("state", equalTo("expired")).body("downloadUrl", nullValue());
        TestData.api(mara).when().get(location + "/download").then().statusCode(410).body("error", equalTo("gone"));
    }

    @Test
    void openApiDocumentsTheJobRoutes() {
        String spec = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/v1/projects/{id}/exports:", "/api/v1/exports/{jobId}:",
                "/api/v1/exports/{jobId}/download:")) {
            assertTrue(spec.contains(path), path);
        }
    }

    /** A job row as an instance would have left it. */
    private long job(ExportJobState state, String node, Instant heartbeat) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ExportJob j = new ExportJob();
            j.project = Project.findById(project.id);
            j.requestedBy = User.findByUsername("mara").orElseThrow();
            j.format = "jsonl";
            j.parameters = "{\"format\":\"jsonl\",\"layer\":\"all\"}";
            j.state = state;
            j.fileName = "kite.jsonl";
            j.node = node;
            j.createdAt = Instant.now().minus(Duration.ofHours(2));
            j.heartbeatAt = heartbeat;
            j.persist();
            return j.id;
        });
    }
}
