package dev.credence.document;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static dev.credence.annotation.AnnotationFixtures.cp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.history.ChangeAction;
import dev.credence.history.ChangeLogEntry;
import dev.credence.project.Project;
import dev.credence.annotation.Offsets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DocumentManagementTest {
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    EntityManager em;

    Project project;
    Document doc;
    String rita;
    String sam;
    String olga;

    @BeforeEach
    void setUp() {
        data.reset();
        User r = data.user("rita");
        data.user("sam");
        data.user("olga");
        project = data.project("Strait watch", r);
        data.member(project, "sam", "reviewer");
        doc = fixtures.document(project, "logo", ARTICLE);
        rita = TestData.token("rita");
        sam = TestData.token("sam");
        olga = TestData.token("olga");
    }

    static Map<String, Object> at(String needle) {
        int start = cp(ARTICLE, needle);
        return Map.of("start", start, "end", start + Offsets.length(needle));
    }

    private String url() {
        return "/api/v1/documents/" + doc.id;
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndIsRecorded() {
        TestData.api(rita).body(Map.of("title", "  Lanternfish\n report ", "url", "https://example.org/lf"))
                .when().patch(url()).then().log().ifValidationFails().statusCode(200)
                .body("title", equalTo("Lanternfish report"))
                .body("url", equalTo("https://example.org/lf")).body("publisher", nullValue());
        TestData.api(rita).body("{\"publisher\":\"Harbor Courier\",\"publishedAt\":\"2024-05-16T23:30:00-05:00\"}")
                .when().patch(url()).then().statusCode(200).body("title", equalTo("Lanternfish report"))
                .body("publisher", equalTo("Harbor Courier")).body("publishedAt", equalTo("2024-05-16"));
        // null clears an optional field
        TestData.api(rita).body("{\"url\":null}").when().patch(url()).then().statusCode(200).body("url", nullValue());
        List<ChangeLogEntry> log = QuarkusTransaction.requiringNew().call(() -> ChangeLogEntry
                .<ChangeLogEntry>list("entityType = ?1 and entityId = ?2 and action = ?3 order by id", "document", doc.id,
                        ChangeAction.update));
        // (the fixture's document also has its creation entry, as an imported one does)
        assertEquals(3, log.size());
        assertEquals(ChangeAction.update, log.get(0).action);
        assertTrue(log.get(0).before.contains("logo") && log.get(0).after.contains("Lanternfish report"));
    }

    @Test
    void patchValidatesAsImportDoesAndNamesTheField() {
        expect422("{\"title\":\"   \"}", "title: required");
        expect422("{\"url\":\"ftp://example.org/x\"}", "url: must be an http");
        expect422("{\"publishedAt\":\"16 May\"}", "publishedAt: an ISO date");
        expect422("{\"publisher\":\"" + "p".repeat(301) + "\"}", "publisher: at most 300");
        expect422("{\"text\":\"new text\"}", "text:");
        expect422("{\"colour\":\"red\"}", "colour: unknown field");
        expect422("{\"title\":5}", "title: expected a string");
        TestData.api(rita).body("{\"title\":").when().patch(url()).then().statusCode(400);
        TestData.api(rita).when().get(url()).then().statusCode(200).body("title", equalTo("logo"));
    }

    void expect422(String body, String inDetail) {
        TestData.api(rita).body(body).when().patch(url()).then().log().ifValidationFails().statusCode(422)
                .body("detail", containsString(inDetail));
    }

    @Test
    void reviewersAre403AndOutsiders404() {
        TestData.api(sam).body("{\"title\":\"x\"}").when().patch(url()).then().statusCode(403);
        TestData.api(sam).when().delete(url()).then().statusCode(403);
        TestData.api(olga).body("{\"title\":\"x\"}").when().patch(url()).then().statusCode(404);
        TestData.api(olga).when().delete(url()).then().statusCode(404);
        TestData.api(rita).when().delete("/api/v1/documents/999999").then().statusCode(404);
        given().cookies(TestData.login("sam")).when().get("/documents/" + doc.id + "/settings").then().statusCode(403);
        given().cookies(TestData.login("olga")).when().get("/documents/" + doc.id + "/settings").then().statusCode(404);
    }

    @Test
    void deleteTakesEveryLayerWithItButLeavesTheRegistry() {
        Map<String, Object> claim = new java.util.HashMap<>(at("had targeted 14 shipping companies since March"));
        claim.put("attribution", List.of(
                Map.of("source", Map.of("name", "Lanternfish", "type", "firm_report"), "mention", at("Lanternfish"),
                        "relation", "asserts", "reliability", "B"),
                Map.of("source", Map.of("name", "Harbor Courier", "type", "independent_media"),
                        "mention", at("Harbor Courier"), "cue", at("told"), "relation", "reports")));
        int claimId = TestData.api(sam).body(claim).when().post(url() + "/claims").then().log().ifValidationFails()
                .statusCode(201).extract().path("id");
        TestData.api(sam).body(Map.of("body", "Firm's own report only.")).when()
                .post("/api/v1/claims/" + claimId + "/comments").then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> {
            DocumentRevision old = new DocumentRevision();
            old.document = Document.findById(doc.id);
            old.revision = 0;
            old.text = "older text";
            old.textSha256 = TextNormalizer.sha256(old.text);
            old.lengthCp = old.text.length();
            old.createdAt = Instant.now();
            old.persist();
        });
        for (String table : List.of("layer", "claim", "attribution_hop", "mention", "cue", "claim_comment",
                "document_revision")) {
            assertTrue(count(table) > 0, table);
        }
        long sources = count("source");

        TestData.api(rita).when().delete(url()).then().statusCode(204);

        TestData.api(rita).when().get(url()).then().statusCode(404);
        for (String table : List.of("document", "layer", "claim", "attribution_hop", "mention", "cue",
                "claim_comment", "document_revision")) {
            assertEquals(0, count(table), table);
        }
        assertEquals(sources, count("source"), "the registry's sources stay");
        ChangeLogEntry gone = QuarkusTransaction.requiringNew().call(() -> ChangeLogEntry
                .<ChangeLogEntry>find("entityType = ?1 and action = ?2 and entityId = ?3", "document", ChangeAction.delete,
                        doc.id).firstResult());
        assertNotNull(gone);
        assertTrue(gone.before.contains("logo") && gone.before.contains("\"claims\":1"), gone.before);
        TestData.api(rita).when().delete(url()).then().statusCode(404);
    }

    @Test
    void pagesEditAndDeleteWithConfirmation() {
        Map<String, String> session = TestData.login("rita");
        String page = "/documents/" + doc.id + "/settings";
        var form = Jsoup.parse(given().cookies(session).when().get(page).then().statusCode(200).extract().asString());
        assertEquals("logo", form.select("input#title").val());

        TestData.Csrf csrf = TestData.csrf(session, page);
        String bad = csrf.form().formParam("title", "Lanternfish report").formParam("url", "not a url")
                .when().post(page).then().statusCode(422).extract().asString();
        var d = Jsoup.parse(bad);
        assertTrue(d.select("[role=alert]").text().contains("url:"));
        assertEquals("not a url", d.select("input#url").val());

        csrf.form().formParam("title", "Lanternfish report").formParam("publisher", "Harbor Courier")
                .formParam("publishedAt", "2024-05-16").when().post(page).then().statusCode(303)
                .header("Location", containsString("/documents/" + doc.id));
        var docPage = Jsoup.parse(given().cookies(session).when().get("/documents/" + doc.id).asString());
        assertEquals("Lanternfish report", docPage.select("h1").text());

        var confirm = Jsoup.parse(given().cookies(session).when().get(page + "/delete").then().statusCode(200)
                .extract().asString());
        assertTrue(confirm.select("#delete-what").text().contains("0 claims"));
        assertEquals(1, count("document"), "asking is not deleting");
        csrf.form().when().post(page + "/delete").then().statusCode(303)
                .header("Location", containsString("/projects/" + project.id));
        assertEquals(0, count("document"));
    }

    @Test
    void aSingleUploadedFileOpensItsDetailsForTitleConfirmation() {
        Map<String, String> session = TestData.login("rita");
        TestData.Csrf csrf = TestData.csrf(session, "/projects/" + project.id + "/documents/new");
        String location = given().redirects().follow(false).cookies(csrf.cookies())
                .multiPart("files", "brief.txt", "logo\n\nA second article about harbours.\n".getBytes(), "text/plain")
                .multiPart("csrf-token", csrf.token())
                .when().post("/projects/" + project.id + "/documents/upload").then().statusCode(303)
                .extract().header("Location");
        assertTrue(location.contains("/settings?imported=true"), location);
        var page = Jsoup.parse(given().cookies(session).when().get(location).then().statusCode(200).extract().asString());
        assertNotNull(page.selectFirst("#imported-note"));
        assertEquals("logo", page.select("input#title").val());
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }
}
