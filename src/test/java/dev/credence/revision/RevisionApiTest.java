package dev.credence.revision;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credence.TestData;
import dev.credence.annotation.Offsets;
import dev.credence.document.Document;
import dev.credence.document.DocumentRevision;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PUT /api/v1/documents/{id}/text over the real routes: re-anchoring, permissions, validation, concurrency. */
@QuarkusTest
class RevisionApiTest {
    static final String TEXT = """
            Velmora 🐉 (谣言) — Port desk
            Researchers at the firm Lanternfish told the Harbor Courier that a hacking group had targeted 14 shipping companies since March.
            STORY CONTINUES BELOW THIS AD
            The Harbor Courier has reported, citing analysts, that the group used a new backdoor.
            Officials believe more attacks are likely.""";
    static final String CLAIM_A = "a hacking group had targeted 14 shipping companies since March";
    static final String CLAIM_B = "the group used a new backdoor";
    static final String CLAIM_C = "STORY CONTINUES BELOW THIS AD";
    /** Boilerplate cut, a word corrected in claim B, a dateline fixed before everything. */
    static final String REVISED = TEXT.replace("Velmora 🐉", "Velmora City 🐉")
            .replace("STORY CONTINUES BELOW THIS AD\n", "")
            .replace("a new backdoor", "a novel backdoor");

    @Inject
    TestData data;
    @Inject
    ObjectMapper json;

    Project project;
    String manager;
    String reviewer;
    long docId;
    long claimA;
    long claimB;
    long claimC;

    @BeforeEach
    void setUp() {
        data.reset();
        project = data.project("Port desk", data.user("mara"));
        data.user("rex");
        data.user("otto");
        data.member(project, "rex", "reviewer");
        manager = TestData.token("mara");
        reviewer = TestData.token("rex");
        docId = ((Number) TestData.api(manager).body(Map.of("title", "Port intrusions", "text", TEXT))
                .when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(201).extract().path("id")).longValue();
        claimA = claim(reviewer, CLAIM_A, Map.of("source", Map.of("name", "Lanternfish", "type", "firm_report"),
                "mention", span("Lanternfish"), "cue", span("told"), "relation", "asserts"));
        claimB = claim(reviewer, CLAIM_B, null);
        claimC = claim(reviewer, CLAIM_C, null);
    }

    static Map<String, Object> span(String needle) {
        int start = Offsets.toCodePoint(TEXT, TEXT.indexOf(needle));
        return Map.of("start", start, "end", start + Offsets.length(needle));
    }

    long claim(String token, String exact, Map<String, Object> hop) {
        Map<String, Object> body = new java.util.HashMap<>(span(exact));
        body.put("kind", "event");
        body.put("credibility", 3);
        if (hop != null) {
            body.put("attribution", List.of(hop));
        }
        return ((Number) TestData.api(token).body(body).when().post("/api/v1/documents/" + docId + "/claims")
                .then().log().ifValidationFails().statusCode(201).extract().path("id")).longValue();
    }

    JsonPath claims(String token) {
        return TestData.api(token).when().get("/api/v1/documents/" + docId + "/claims").then().statusCode(200)
                .extract().jsonPath();
    }

    io.restassured.response.ValidatableResponse put(String token, Object body) {
        return TestData.api(token).body(body).when().put("/api/v1/documents/" + docId + "/text").then();
    }

    @Test
    void aCorrectionKeepsMovesAndOrphansSpansAndKeepsTheOldText() {
        JsonPath before = claims(reviewer);
        int versionA = before.getInt("find { it.id == " + claimA + " }.version");
        JsonPath r = put(manager, Map.of("text", REVISED, "revision", 1)).log().ifValidationFails().statusCode(200)
                .body("revision", equalTo(2)).body("changed", equalTo(true))
                .body("orphaned", equalTo(List.of((int) claimC)))
                .body("orphanedMentions", empty()).body("orphanedCues", empty())
                .extract().jsonPath();
        assertEquals(4, r.getInt("kept") + r.getInt("moved"), "claims A and B, A's mention and cue");
        assertTrue(r.getInt("moved") >= 1, "claim B's word changed");

        String stored = TestData.api(manager).when().get("/api/v1/documents/" + docId).then().statusCode(200)
                .body("revision", equalTo(2)).extract().path("text");
        assertEquals(REVISED, stored);
        JsonPath after = claims(reviewer);
        for (Map<String, Object> c : after.<Map<String, Object>>getList("")) {
            if (((Number) c.get("id")).longValue() == claimC) {
                assertEquals(true, c.get("orphaned"));
                assertEquals(1, c.get("orphanedRevision"));
                assertEquals(CLAIM_C, c.get("exact"), "the orphan keeps its last text");
                // Its offsets still select that text in revision 1.
                assertEquals(CLAIM_C, Offsets.slice(TEXT, (Integer) c.get("start"), (Integer) c.get("end")));
            } else {
                assertEquals(false, c.get("orphaned"));
                assertEquals(c.get("exact"), Offsets.slice(REVISED, (Integer) c.get("start"), (Integer) c.get("end")));
            }
        }
        assertEquals("the group used a novel backdoor", after.getString("find { it.id == " + claimB + " }.exact"));
        assertTrue(after.getInt("find { it.id == " + claimA + " }.version") > versionA, "versions bumped");
        Map<String, Object> hop = after.getMap("find { it.id == " + claimA + " }.attribution[0].mention");
        assertEquals("Lanternfish", Offsets.slice(REVISED, (Integer) hop.get("start"), (Integer) hop.get("end")));

        TestData.api(manager).when().get("/api/v1/documents/" + docId + "/revisions/1/text").then().statusCode(200)
                .body(equalTo(TEXT));
        TestData.api(reviewer).when().get("/api/v1/documents/" + docId + "/revisions/2/text").then().statusCode(200)
                .body(equalTo(REVISED));
        TestData.api(reviewer).when().get("/api/v1/documents/" + docId + "/revisions").then().statusCode(200)
                .body("revision", equalTo(List.of(2, 1))).body("current", equalTo(List.of(true, false)))
                .body("[1].createdBy", equalTo("mara"));

        JsonPath history = TestData.api(manager).when().get("/api/v1/projects/" + project.id + "/history?size=100")
                .then().statusCode(200).extract().jsonPath();
        List<String> actions = history.getList("items.action");
        assertTrue(actions.contains("revise"));
        assertEquals(List.of(true), history.getList("items.findAll { it.entityId == " + claimC
                + " && it.action == 'reanchor' }.after.orphaned"));
        assertEquals(1, history.getList("items.findAll { it.entityId == " + claimB
                + " && it.action == 'reanchor' }").size());
    }

    @Test
    void goldClaimsAreReanchoredToo() {
        TestData.api(reviewer).when().post("/api/v1/documents/" + docId + "/submit").then().statusCode(200);
        TestData.api(manager).when().post("/api/v1/documents/" + docId + "/gold").then().statusCode(201);
        List<Map<String, Object>> gold = TestData.api(manager).when().get("/api/v1/documents/" + docId + "/claims?layer=gold")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertEquals(3, gold.size());
        put(manager, Map.of("text", REVISED)).statusCode(200).body("orphaned", hasSize(2));
        gold = TestData.api(manager).when().get("/api/v1/documents/" + docId + "/claims?layer=gold")
                .then().statusCode(200).extract().jsonPath().getList("");
        for (Map<String, Object> c : gold) {
            if (!(Boolean) c.get("orphaned")) {
                assertEquals(c.get("exact"), Offsets.slice(REVISED, (Integer) c.get("start"), (Integer) c.get("end")));
            } else {
                assertEquals(CLAIM_C, c.get("exact"));
            }
        }
        // The agreement and the adjudication items skip orphans rather than reading their old offsets.
        TestData.api(manager).when().get("/api/v1/documents/" + docId + "/gold").then().statusCode(200);
        TestData.api(manager).when().get("/api/v1/projects/" + project.id + "/agreement").then()
                .statusCode(org.hamcrest.Matchers.lessThan(500));
    }

    @Test
    void onlyManagersCorrectTexts() {
        put(reviewer, Map.of("text", REVISED)).statusCode(403);
        put(TestData.token("otto"), Map.of("text", REVISED)).statusCode(404);
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("text", REVISED))
                .when().put("/api/v1/documents/" + docId + "/text").then().statusCode(401);
        assertEquals(1, revisionOf(docId));
    }

    @Test
    void theBodyIsStrictAndTheTextPolicyApplies() {
        put(manager, "{\"text\": \"x\", \"title\": \"y\"}").statusCode(400).body(containsString("title"));
        put(manager, "{\"text\": 5}").statusCode(400);
        put(manager, "{\"text\": \"a\", \"text\": \"b\"}").statusCode(400);
        put(manager, "{\"revision\": 1}").statusCode(400);
        put(manager, "").statusCode(400);
        put(manager, Map.of("text", "   \n  ")).statusCode(422);
        put(manager, Map.of("text", "bad \u0000 byte")).statusCode(422).body(containsString("NUL"));
        put(manager, Map.of("text", "x".repeat(Document.MAX_TEXT + 1))).statusCode(413);
        assertEquals(1, revisionOf(docId));
        assertEquals(0L, revisions(docId));
    }

    @Test
    void theImportNormalizerRunsOnTheNewText() {
        String crlf = REVISED.replace("\n", "\r\n").replace("Velmora", "Velmora\u0301") + "  \r\n";
        put(manager, Map.of("text", crlf)).statusCode(200);
        String stored = TestData.api(manager).when().get("/api/v1/documents/" + docId).then().extract().path("text");
        assertFalse(stored.contains("\r"));
        assertTrue(stored.contains("Velmorá"), "NFC");
        assertEquals(stored.strip(), stored);
    }

    @Test
    void theSameTextAgainChangesNothing() {
        put(manager, Map.of("text", TEXT)).statusCode(200).body("changed", equalTo(false)).body("revision", equalTo(1))
                .body("kept", equalTo(5)).body("orphaned", empty());
        assertEquals(0L, revisions(docId));
    }

    @Test
    void aStaleRevisionIs409AndChangesNothing() {
        put(manager, Map.of("text", REVISED, "revision", 1)).statusCode(200);
        put(manager, Map.of("text", TEXT + "\nMore.", "revision", 1)).statusCode(409)
                .body("detail", containsString("revision 2"));
        assertEquals(2, revisionOf(docId));
        assertEquals(1L, revisions(docId));
    }

    @Test
    void aTextAnotherDocumentHasIs409AndAllOrNothing() {
        TestData.api(manager).body(Map.of("title", "Copy", "text", REVISED))
                .when().post("/api/v1/projects/" + project.id + "/documents").then().statusCode(201);
        put(manager, Map.of("text", REVISED)).statusCode(409);
        assertEquals(1, revisionOf(docId));
        assertEquals(0L, revisions(docId));
        JsonPath after = claims(reviewer);
        assertEquals(List.of(false, false, false), after.getList("orphaned"));
        assertEquals(CLAIM_C, after.getString("find { it.id == " + claimC + " }.exact"));
    }

    @Test
    void anEditorHoldingTheOldVersionGetsAConflict() {
        int version = claims(reviewer).getInt("find { it.id == " + claimB + " }.version");
        put(manager, Map.of("text", REVISED)).statusCode(200);
        Map<String, Object> stale = new java.util.HashMap<>(span(CLAIM_B));
        stale.put("version", version);
        stale.put("kind", "opinion");
        TestData.api(reviewer).body(stale).when().put("/api/v1/claims/" + claimB).then().statusCode(409);
    }

    @Test
    void twoConcurrentCorrectionsOfOneRevisionLetOneWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(
                    () -> put(manager, Map.of("text", REVISED, "revision", 1)).extract().statusCode(),
                    () -> put(manager, Map.of("text", TEXT + "\nA different correction.", "revision", 1)).extract()
                            .statusCode());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(both)) {
                statuses.add(f.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdown();
        }
        assertEquals(2, revisionOf(docId));
        assertEquals(1L, revisions(docId));
    }

    @Test
    void anOrphanIsRePlacedBySendingNewOffsets() {
        put(manager, Map.of("text", REVISED.replace("Officials believe", "STORY CONTINUES BELOW THIS AD\nOfficials believe")
                .replace("STORY CONTINUES BELOW THIS AD", "Story continues below"))).statusCode(200);
        Map<String, Object> orphan = claims(reviewer).getMap("find { it.id == " + claimC + " }");
        assertEquals(true, orphan.get("orphaned"));
        String now = TestData.api(reviewer).when().get("/api/v1/documents/" + docId).then().extract().path("text");
        // Sending its own old offsets edits the claim but leaves it orphaned.
        TestData.api(reviewer).body(Map.of("start", orphan.get("start"), "end", orphan.get("end"), "kind", "opinion"))
                .when().put("/api/v1/claims/" + claimC).then().statusCode(200).body("orphaned", equalTo(true));
        int start = Offsets.toCodePoint(now, now.indexOf("Story continues below"));
        TestData.api(reviewer).body(Map.of("start", start, "end", start + 21, "kind", "opinion"))
                .when().put("/api/v1/claims/" + claimC).then().statusCode(200).body("orphaned", equalTo(false))
                .body("exact", equalTo("Story continues below"));
    }

    @Test
    void exportsNameTheRevisionAndKeepOrphansApart() throws Exception {
        put(manager, Map.of("text", REVISED)).statusCode(200);
        String jsonl = TestData.api(manager).when().get("/api/v1/projects/" + project.id + "/export?format=jsonl&layer=all")
                .then().statusCode(200).extract().asString();
        JsonNode doc = json.readTree(jsonl.lines().findFirst().orElseThrow());
        assertEquals(2, doc.get("revision").asInt());
        String text = doc.get("text").asText();
        JsonNode layer = doc.get("layers").get(0);
        for (JsonNode c : layer.get("claims")) {
            assertEquals(c.get("exact").asText(), Offsets.slice(text, c.get("start").asInt(), c.get("end").asInt()));
        }
        assertEquals(2, layer.get("claims").size());
        assertEquals(1, layer.get("orphaned").size());
        JsonNode orphan = layer.get("orphaned").get(0);
        assertTrue(orphan.get("orphaned").asBoolean());
        assertEquals(1, orphan.get("revision").asInt());
        assertEquals(CLAIM_C, orphan.get("exact").asText());

        String csv = TestData.api(manager).when().get("/api/v1/projects/" + project.id + "/export?format=csv&layer=all")
                .then().statusCode(200).extract().asString();
        assertFalse(csv.contains(CLAIM_C), "orphans are not CSV rows");
        assertEquals(3, csv.strip().split("\r\n").length, "header and two claims");
    }

    static int revisionOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Document.<Document>findById(id).revision);
    }

    static long revisions(long id) {
        return QuarkusTransaction.requiringNew().call(() -> DocumentRevision.count("document.id = ?1", id));
    }
}
