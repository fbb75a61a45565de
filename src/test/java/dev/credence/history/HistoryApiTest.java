package dev.credence.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationService;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimInput;
import dev.credence.annotation.DocumentPageFixtures;
import dev.credence.annotation.HopInput;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project history: JSON API, page and CSV export; filters by person and dates; who may read it. */
@QuarkusTest
class HistoryApiTest {
    @Inject
    TestData data;
    @Inject
    DocumentPageFixtures fixtures;
    @Inject
    AnnotationService annotations;

    Project project;
    Document doc;
    Claim claim;

    @BeforeEach
    void setUp() {
        data.reset();
        HistoryFixtures.clear();
        User mia = data.user("mia");
        User rita = data.user("rita");
        User sam = data.user("sam");
        data.user("adam");
        data.user("outsider");
        project = data.project("Harbours", mia);
        data.member(project, "rita", "reviewer");
        data.member(project, "sam", "reviewer");
        data.member(project, "adam", "adjudicator");
        doc = fixtures.document(project, mia, "Port probes", DocumentPageFixtures.TEXT);
        int s = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, DocumentPageFixtures.SENTENCE);
        ClaimInput in = new ClaimInput(s, s + DocumentPageFixtures.SENTENCE.length(), "event", "asserted", true, 3,
                null, null, List.of(new HopInput(null, "Kestrel Labs", "firm_report", null, null, null, null, "asserts", "C")));
        claim = annotations.createClaim(doc, rita, in);
        annotations.createClaim(doc, sam, in);
        annotations.submit(annotations.findLayer(doc, sam).orElseThrow(), sam);
        // one old entry, to filter by date
        QuarkusTransaction.requiringNew().run(() -> ChangeLogEntry.update("changedAt = ?1 where entityId = ?2 and entityType = 'claim'",
                LocalDate.of(2026, 1, 15).atTime(12, 0).toInstant(ZoneOffset.UTC), claim.id));
    }

    @Test
    void managersAndAdjudicatorsReadTheHistoryNewestFirst() {
        TestData.api(TestData.token("mia")).when().get("/api/v1/projects/{id}/history", project.id)
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items", hasSize(3))
                .body("items[0].action", equalTo("submit"))
                .body("items[0].entityType", equalTo("layer"))
                .body("items[0].username", equalTo("sam"))
                .body("items[0].before.state", equalTo("in_progress"))
                .body("items[0].after.state", equalTo("submitted"))
                .body("items[0].changedFields", equalTo(List.of("state")))
                .body("items[2].entityId", equalTo(claim.id.intValue()))
                .body("items[2].before", nullValue())
                .body("items[2].after.credibility", equalTo(3))
                .body("items[2].after.attribution[0].source", equalTo("Kestrel Labs"))
                .body("items[2].documentId", equalTo(doc.id.intValue()));
        TestData.api(TestData.token("adam")).when().get("/api/v1/projects/{id}/history", project.id)
                .then().statusCode(200).body("total", equalTo(3));
        TestData.api(TestData.token("rita")).when().get("/api/v1/projects/{id}/history", project.id)
                .then().statusCode(403);
        TestData.api(TestData.token("outsider")).when().get("/api/v1/projects/{id}/history", project.id)
                .then().statusCode(404);
    }

    @Test
    void filtersByPersonAndDatesAndPages() {
        String mia = TestData.token("mia");
        TestData.api(mia).queryParam("user", "sam").when().get("/api/v1/projects/{id}/history", project.id)
                .then().statusCode(200).body("total", equalTo(2)).body("items.username", everyItem(equalTo("sam")));
        TestData.api(mia).queryParam("user", "nobody").when().get("/api/v1/projects/{id}/history", project.id)
                .then().statusCode(200).body("total", equalTo(0));
        TestData.api(mia).queryParam("to", "2026-01-15").when().get("/api/v1/projects/{id}/history", project.id)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].entityId", equalTo(claim.id.intValue()));
        TestData.api(mia).queryParam("from", "2026-01-16").when().get("/api/v1/projects/{id}/history", project.id)
                .then().statusCode(200).body("total", equalTo(2)).body("items.entityType", hasItem("layer"));
        TestData.api(mia).queryParam("from", "2026-01-15").queryParam("to", "2026-01-15")
                .when().get("/api/v1/projects/{id}/history", project.id).then().body("total", equalTo(1));
        TestData.api(mia).queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/projects/{id}/history", project.id)
                .then().statusCode(200).body("total", equalTo(3)).body("pages", equalTo(2)).body("page", equalTo(1))
                .body("items", hasSize(1));
        TestData.api(mia).queryParam("from", "15/01/2026").when().get("/api/v1/projects/{id}/history", project.id)
                .then().statusCode(400).body("error", equalTo("bad_request"));
    }

    @Test
    void historyPageFiltersAndLinksToClaims() {
        var session = TestData.login("mia");
        var html = Jsoup.parse(given().cookies(session).queryParam("user", "rita").when()
                .get("/projects/{id}/history", project.id).then().statusCode(200).extract().asString());
        assertEquals("History · Harbours · Credence", html.title());
        assertEquals(1, html.select("table.history tbody tr").size());
        assertTrue(html.selectFirst("table.history a[href=/claims/" + claim.id + "]") != null);
        assertEquals("rita", html.selectFirst("#h-user option[selected]").val());
        assertTrue(html.selectFirst("a[download]").attr("href").contains("format=csv"));
        assertTrue(html.selectFirst("a[download]").attr("href").contains("user=rita"));
        // the project page links here for managers, not for reviewers
        assertTrue(Jsoup.parse(given().cookies(session).when().get("/projects/{id}", project.id).asString())
                .selectFirst("a[href=/projects/" + project.id + "/history]") != null);
        assertTrue(Jsoup.parse(given().cookies(TestData.login("rita")).when().get("/projects/{id}", project.id).asString())
                .selectFirst("a[href=/projects/" + project.id + "/history]") == null);
        assertEquals(403, given().cookies(TestData.login("rita")).when().get("/projects/{id}/history", project.id).statusCode());
        assertEquals(404, given().cookies(TestData.login("outsider")).when().get("/projects/{id}/history", project.id).statusCode());
    }

    @Test
    void csvExportStreamsTheFilteredHistoryOldestFirst() throws Exception {
        var session = TestData.login("adam");
        var response = given().cookies(session).queryParam("format", "csv").when()
                .get("/projects/{id}/history", project.id).then().statusCode(200).extract();
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        assertTrue(response.header("Content-Disposition").contains("project-" + project.id + "-history.csv"));
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.asString()));
        assertEquals(List.of(HistoryCsv.HEADER), parser.getHeaderNames());
        List<CSVRecord> rows = parser.getRecords();
        assertEquals(3, rows.size());
        assertEquals("create", rows.get(0).get("action"));
        assertEquals("claim", rows.get(0).get("entity_type"));
        assertEquals("rita", rows.get(0).get("user"));
        assertTrue(rows.get(0).get("after").contains("\"credibility\":3"), rows.get(0).get("after"));
        assertEquals("submit", rows.get(2).get("action"));
        assertEquals("state", rows.get(2).get("changed_fields"));
        assertTrue(Instant.parse(rows.get(2).get("changed_at")).isAfter(Instant.parse(rows.get(0).get("changed_at"))));

        String samOnly = given().cookies(session).queryParam("format", "csv").queryParam("user", "sam").when()
                .get("/projects/{id}/history", project.id).asString();
        assertEquals(3, samOnly.strip().split("\r\n").length, "header and sam's two changes");
        assertEquals(403, given().cookies(TestData.login("rita")).queryParam("format", "csv")
                .when().get("/projects/{id}/history", project.id).statusCode());
    }

    @Test
    void csvExportPagesThroughLargeHistories() {
        int n = HistoryService.STREAM_BATCH * 2 + 7;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < n; i++) {
                ChangeLogEntry e = new ChangeLogEntry();
                e.changedAt = Instant.now();
                e.projectId = project.id;
                e.entityType = "claim";
                e.entityId = (long) i;
                e.action = ChangeAction.update;
                e.before = "{\"credibility\":3}";
                e.after = "{\"credibility\":2}";
                e.persist();
            }
        });
        String csv = given().cookies(TestData.login("mia")).queryParam("format", "csv").when()
                .get("/projects/{id}/history", project.id).then().statusCode(200).extract().asString();
        assertEquals(1 + 3 + n, csv.strip().split("\r\n").length);
        TestData.api(TestData.token("mia")).when().get("/api/v1/projects/{id}/history", project.id)
                .then().body("total", equalTo(3 + n)).body("items", hasSize(History.PAGE_SIZE));
    }
}
