package dev.credence.annotation;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static dev.credence.annotation.AnnotationFixtures.cp;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimApiTest {
    static final String CLAIM = "had targeted 14 shipping companies since March";

    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;

    Document doc;
    Document foreignDoc;
    String rita;
    String sam;
    String olga;

    @BeforeEach
    void setUp() {
        data.reset();
        User r = data.user("rita");
        data.user("sam");
        User o = data.user("olga");
        Project project = data.project("Strait watch", r);
        data.member(project, "sam", "reviewer");
        doc = fixtures.document(project, "Lanternfish report", ARTICLE);
        foreignDoc = fixtures.document(data.project("Other team", o), "Elsewhere", "Xinhua said the drills ended.");
        rita = TestData.token("rita");
        sam = TestData.token("sam");
        olga = TestData.token("olga");
    }

    static Map<String, Object> at(String needle) {
        int start = cp(ARTICLE, needle);
        return Map.of("start", start, "end", start + Offsets.length(needle));
    }

    static Map<String, Object> claimBody(String needle, Object credibility, List<Map<String, Object>> hops) {
        Map<String, Object> body = new java.util.HashMap<>(at(needle));
        body.put("kind", "event");
        body.put("stance", "asserted");
        body.put("checkWorthy", true);
        body.put("credibility", credibility);
        body.put("rationale", "Only the firm's own report.");
        body.put("evidenceUrl", "https://example.org/lanternfish-report");
        body.put("attribution", hops);
        return body;
    }

    static List<Map<String, Object>> outletFromFirm() {
        return List.of(
                Map.of("source", Map.of("name", "Lanternfish", "type", "firm_report"), "mention", at("Lanternfish"),
                        "relation", "asserts", "reliability", "B"),
                Map.of("source", Map.of("name", "Harbor Courier", "type", "independent_media"),
                        "mention", at("Harbor Courier"), "cue", at("told"), "relation", "reports", "reliability", "C"));
    }

    JsonPath create(String token, Object body) {
        return TestData.api(token).body(body).when().post("/api/v1/documents/{id}/claims", doc.id)
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath();
    }

    @Test
    void createsATwoHopClaimWithSourcesCreatedOnTheFly() {
        JsonPath c = create(rita, claimBody(CLAIM, 3, outletFromFirm()));
        assertEquals(doc.id.intValue(), c.getInt("documentId"));
        assertEquals(CLAIM, c.getString("exact"));
        assertEquals("Harbor Courier ← Lanternfish", c.getString("chain"));
        assertEquals(0, c.getInt("attribution[0].position"));
        assertEquals("Lanternfish", c.getString("attribution[0].source.name"));
        assertEquals("firm_report", c.getString("attribution[0].source.type"));
        assertEquals("Lanternfish", c.getString("attribution[0].mention.exact"));
        assertEquals("told", c.getString("attribution[1].cue.exact"));
        assertEquals("reports", c.getString("attribution[1].relation"));
        assertEquals("C", c.getString("attribution[1].reliability"));
        assertEquals(0, c.getInt("version"));
        int firmId = c.getInt("attribution[0].source.id");

        // the second time the sources are found by name, whatever the case
        JsonPath again = create(rita, claimBody("the group used a new backdoor", 2, List.of(
                Map.of("source", Map.of("name", "lanternfish", "type", "firm_report"), "relation", "asserts"),
                Map.of("sourceId", c.getInt("attribution[1].source.id"), "cue", at("citing"), "relation", "cites"))));
        assertEquals(firmId, again.getInt("attribution[0].source.id"));
        assertEquals("Harbor Courier ← Lanternfish", again.getString("chain"));

        TestData.api(rita).when().get("/api/v1/documents/{id}/claims", doc.id)
                .then().statusCode(200).body("$", hasSize(2))
                .body("[0].exact", equalTo(CLAIM)).body("[1].attribution[1].cue.exact", equalTo("citing"));
        TestData.api(rita).when().get("/api/v1/documents/{id}/layer", doc.id)
                .then().statusCode(200).body("state", equalTo("in_progress")).body("claims", equalTo(2))
                .body("mentions", equalTo(2)).body("cues", equalTo(2));
    }

    @Test
    void exactPrefixSuffixAreCountedInCodePointsAfterEmojiAndCjk() {
        JsonPath c = create(rita, claimBody("Researchers at the cybersecurity firm", null, List.of()));
        // 🇹🇼 and 👍🏽 are 4 UTF-16 units but 2 code points each: JS-style offsets would be 4 higher
        assertEquals(ARTICLE.indexOf("Researchers") - 4, c.getInt("start"));
        assertEquals("Researchers at the cybersecurity firm", c.getString("exact"));
        assertEquals(true, c.getString("prefix").endsWith("(台湾) — Cyber update 👍🏽\n"));
        assertEquals(" Lanternfish told the Harbor Cou", c.getString("suffix"));
        assertEquals(32, Offsets.length(c.getString("prefix")));
    }

    @Test
    void checkWorthyLeftOutStaysNotJudged() {
        Map<String, Object> body = new java.util.HashMap<>(at(CLAIM));
        JsonPath c = create(rita, body);
        assertNull(c.get("checkWorthy"));
        body.put("checkWorthy", false);
        assertEquals(Boolean.FALSE, create(rita, body).get("checkWorthy"));
    }

    @Test
    void invalidInputIs422() {
        int len = doc.lengthCp;
        expect422(Map.of("start", 0, "end", len + 1), "outside the text");
        expect422(Map.of("start", 10, "end", 10), "must be before end");
        expect422(claimBody(CLAIM, 7, List.of()), "credibility");
        expect422(claimBody(CLAIM, 3, List.of(Map.of("source", Map.of("name", "Lanternfish", "type", "firm_report"),
                "relation", "asserts", "reliability", "G"))), "reliability");
        expect422(claimBody(CLAIM, 3, List.of(Map.of("source", Map.of("name", "Lanternfish", "type", "firm_report"),
                "relation", "gossip"))), "relation");
        expect422(claimBody(CLAIM, 3, List.of(Map.of("source", Map.of("name", "Some Blog", "type", "blog"),
                "relation", "asserts"))), "type");
        expect422(Map.of("start", 0, "end", 4, "kind", "rumour"), "kind");
        expect422(Map.of("start", 0, "end", 4, "evidenceUrl", "ftp://example.org/x"), "evidenceUrl");
    }

    void expect422(Object body, String inDetail) {
        TestData.api(rita).body(body).when().post("/api/v1/documents/{id}/claims", doc.id)
                .then().log().ifValidationFails().statusCode(422).body("error", equalTo("unprocessable"))
                .body("detail", containsString(inDetail));
    }

    @Test
    void malformedOrMissingBodyIs400AndNoTokenIs401() {
        TestData.api(rita).body("{\"start\":").when().post("/api/v1/documents/{id}/claims", doc.id)
                .then().statusCode(400).body("error", equalTo("malformed"));
        TestData.api(rita).when().post("/api/v1/documents/{id}/claims", doc.id).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("start", 0, "end", 4))
                .when().post("/api/v1/documents/{id}/claims", doc.id).then().statusCode(401);
    }

    @Test
    void foreignDocumentsAndOtherReviewersClaimsAre404() {
        TestData.api(rita).body(claimBody(CLAIM, 3, List.of())).when()
                .post("/api/v1/documents/{id}/claims", foreignDoc.id).then().statusCode(404).body("error", equalTo("not_found"));
        TestData.api(rita).when().get("/api/v1/documents/{id}/claims", foreignDoc.id).then().statusCode(404);
        TestData.api(rita).when().get("/api/v1/documents/999999/claims").then().statusCode(404);
        int id = create(rita, claimBody(CLAIM, 3, outletFromFirm())).getInt("id");
        // sam is in the project but sees only his own layer
        TestData.api(sam).when().get("/api/v1/claims/{id}", id).then().statusCode(404);
        TestData.api(sam).when().delete("/api/v1/claims/{id}", id).then().statusCode(404);
        TestData.api(sam).when().get("/api/v1/documents/{id}/claims", doc.id).then().statusCode(200).body("$", hasSize(0));
        TestData.api(sam).when().get("/api/v1/documents/{id}/layer", doc.id).then().statusCode(200)
                .body("id", nullValue()).body("state", equalTo("assigned"));
        TestData.api(olga).when().get("/api/v1/claims/{id}", id).then().statusCode(404);
        TestData.api(olga).body(claimBody(CLAIM, 3, List.of())).when().put("/api/v1/claims/{id}", id).then().statusCode(404);
    }

    @Test
    void updateWithAStaleVersionIs409() {
        JsonPath c = create(rita, claimBody(CLAIM, 3, outletFromFirm()));
        int id = c.getInt("id");
        Map<String, Object> body = new java.util.HashMap<>(claimBody(CLAIM, 2, List.of(
                Map.of("sourceId", c.getInt("attribution[0].source.id"), "mentionId", c.getInt("attribution[0].mention.id"),
                        "relation", "asserts", "reliability", "A"))));
        body.put("version", 0);
        TestData.api(rita).body(body).when().put("/api/v1/claims/{id}", id)
                .then().log().ifValidationFails().statusCode(200).body("credibility", equalTo(2))
                .body("version", equalTo(1)).body("chain", equalTo("Lanternfish"))
                .body("attribution", hasSize(1)).body("attribution[0].mention.exact", equalTo("Lanternfish"));
        TestData.api(rita).body(body).when().put("/api/v1/claims/{id}", id)
                .then().statusCode(409).body("error", equalTo("conflict")).body("detail", containsString("version"));
        TestData.api(rita).when().get("/api/v1/claims/{id}", id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void hopsCanBeReordered() {
        int id = create(rita, claimBody(CLAIM, 3, outletFromFirm())).getInt("id");
        TestData.api(rita).body(Map.of("from", 1, "to", 0)).when().post("/api/v1/claims/{id}/move-hop", id)
                .then().log().ifValidationFails().statusCode(200).body("chain", equalTo("Lanternfish ← Harbor Courier"))
                .body("attribution[0].position", equalTo(0)).body("attribution[0].source.name", equalTo("Harbor Courier"));
        TestData.api(rita).when().get("/api/v1/claims/{id}", id).then().statusCode(200)
                .body("attribution[1].source.name", equalTo("Lanternfish")).body("attribution[1].position", equalTo(1));
        TestData.api(rita).body(Map.of("from", 0, "to", 5)).when().post("/api/v1/claims/{id}/move-hop", id)
                .then().statusCode(422);
    }

    @Test
    void deleteIs204ThenGone() {
        int id = create(rita, claimBody(CLAIM, 3, outletFromFirm())).getInt("id");
        TestData.api(rita).when().delete("/api/v1/claims/{id}", id).then().statusCode(204);
        TestData.api(rita).when().get("/api/v1/claims/{id}", id).then().statusCode(404);
        TestData.api(rita).when().delete("/api/v1/claims/{id}", id).then().statusCode(404);
    }

    @Test
    void submittedLayerIs409UntilReopened() {
        int id = create(sam, claimBody(CLAIM, 3, outletFromFirm())).getInt("id");
        TestData.api(sam).when().post("/api/v1/documents/{id}/submit", doc.id)
                .then().statusCode(200).body("state", equalTo("submitted")).body("claims", equalTo(1));
        TestData.api(sam).body(claimBody(CLAIM, 2, List.of())).when().post("/api/v1/documents/{id}/claims", doc.id)
                .then().statusCode(409).body("detail", equalTo("layer submitted; reopen it first"));
        TestData.api(sam).when().delete("/api/v1/claims/{id}", id).then().statusCode(409);
        TestData.api(sam).body(at("told")).when().post("/api/v1/documents/{id}/cues", doc.id).then().statusCode(409);
        TestData.api(sam).when().post("/api/v1/documents/{id}/reopen", doc.id)
                .then().statusCode(200).body("state", equalTo("in_progress"));
        TestData.api(sam).when().delete("/api/v1/claims/{id}", id).then().statusCode(204);
    }

    @Test
    void mentionsAndCuesHaveTheirOwnRoutes() {
        JsonPath m = TestData.api(rita).body(Map.of("start", at("Lanternfish").get("start"), "end",
                at("Lanternfish").get("end"), "source", Map.of("name", "Lanternfish", "type", "firm_report")))
                .when().post("/api/v1/documents/{id}/mentions", doc.id)
                .then().log().ifValidationFails().statusCode(201).body("exact", equalTo("Lanternfish"))
                .body("source.type", equalTo("firm_report")).extract().jsonPath();
        JsonPath cue = TestData.api(rita).body(Map.of("start", at("told").get("start"), "end", at("told").get("end"),
                "cueClass", "speech")).when().post("/api/v1/documents/{id}/cues", doc.id)
                .then().statusCode(201).body("exact", equalTo("told")).body("cueClass", equalTo("speech"))
                .extract().jsonPath();
        TestData.api(rita).body(Map.of("start", 0, "end", 3, "cueClass", "rumour"))
                .when().post("/api/v1/documents/{id}/cues", doc.id).then().statusCode(422);
        // edit: relink the mention, reclassify the cue; spans stay; others' items are 404
        TestData.api(rita).body(Map.of("source", Map.of("name", "Lanternfish Research", "type", "think_tank")))
                .when().put("/api/v1/mentions/{id}", m.getInt("id"))
                .then().statusCode(200).body("source.name", equalTo("Lanternfish Research"))
                .body("exact", equalTo("Lanternfish"));
        TestData.api(rita).body(Map.of("source", Map.of("name", "Lanternfish", "type", "firm_report")))
                .when().put("/api/v1/mentions/{id}", m.getInt("id")).then().statusCode(200);
        TestData.api(rita).body(Map.of("cueClass", "reporting")).when().put("/api/v1/cues/{id}", cue.getInt("id"))
                .then().statusCode(200).body("cueClass", equalTo("reporting")).body("exact", equalTo("told"));
        TestData.api(rita).body(Map.of("cueClass", "rumour")).when().put("/api/v1/cues/{id}", cue.getInt("id"))
                .then().statusCode(422);
        TestData.api(sam).body(Map.of("cueClass", "speech")).when().put("/api/v1/cues/{id}", cue.getInt("id"))
                .then().statusCode(404);
        TestData.api(rita).body(Map.of("cueClass", "speech")).when().put("/api/v1/cues/{id}", cue.getInt("id"))
                .then().statusCode(200);
        // a hop may name only the mention: its source becomes the hop's source
        JsonPath c = create(rita, claimBody(CLAIM, 3, List.of(Map.of("mentionId", m.getInt("id"), "cueId", cue.getInt("id"),
                "relation", "asserts"))));
        assertEquals("Lanternfish", c.getString("chain"));
        TestData.api(rita).when().delete("/api/v1/mentions/{id}", m.getInt("id")).then().statusCode(204);
        TestData.api(rita).when().get("/api/v1/claims/{id}", c.getInt("id")).then().statusCode(200)
                .body("attribution[0].mention", nullValue()).body("attribution[0].source.name", equalTo("Lanternfish"))
                .body("attribution[0].cue.exact", equalTo("told"));
        TestData.api(rita).when().get("/api/v1/documents/{id}/mentions", doc.id).then().statusCode(200).body("$", hasSize(0));
        TestData.api(rita).when().get("/api/v1/documents/{id}/cues", doc.id).then().statusCode(200).body("$", hasSize(1));
        TestData.api(sam).when().delete("/api/v1/cues/{id}", cue.getInt("id")).then().statusCode(404);
    }
}
