package dev.credence.review;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static dev.credence.annotation.AnnotationFixtures.cp;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Offsets;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The layer-visibility rule (annotation/LayerVisibility, docs/review-workflow.md) through every route that shows
 * a claim: role × state of reviewer A's layer (and whether the document is in adjudication) × route. Reviewer B
 * has submitted; A's claim carries a rationale and a comment that must never reach B while A is working.
 */
@QuarkusTest
class VisibilityMatrixTest {
    static final String SECRET = "Alpha-only rationale 7f3c";

    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;

    Project project;
    Document doc;
    long alphaClaim;
    long sourceId;
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Map<String, Map<String, String>> sessions = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        data.reset();
        User mona = data.user("mona");
        for (String u : List.of("jude", "ann", "ben", "otto")) {
            data.user(u);
        }
        project = data.project("Blind review", mona);
        data.member(project, "jude", "adjudicator");
        data.member(project, "ann", "reviewer");
        data.member(project, "ben", "reviewer");
        data.project("Elsewhere", data.user("olga"));
        doc = fixtures.document(project, "Lanternfish report", ARTICLE);
        for (String u : List.of("mona", "jude", "ann", "ben", "otto")) {
            tokens.put(u, TestData.token(u));
            sessions.put(u, TestData.login(u));
        }
        var created = TestData.api(tokens.get("ann")).body(claim("had targeted 14 shipping companies since March", SECRET))
                .post("/api/v1/documents/{id}/claims", doc.id).then().statusCode(201).extract().jsonPath();
        alphaClaim = created.getLong("id");
        sourceId = created.getLong("attribution[0].source.id");
        TestData.api(tokens.get("ann")).body(Map.of("body", "Ann's note to self")).post("/api/v1/claims/{id}/comments", alphaClaim)
                .then().statusCode(201);
        TestData.api(tokens.get("ben")).body(claim("the group used a new backdoor", "Ben's reading"))
                .post("/api/v1/documents/{id}/claims", doc.id).then().statusCode(201);
        TestData.api(tokens.get("ben")).post("/api/v1/documents/{id}/submit", doc.id).then().statusCode(200);
    }

    static Map<String, Object> claim(String needle, String rationale) {
        int start = cp(ARTICLE, needle);
        return Map.of("start", start, "end", start + Offsets.length(needle), "kind", "event", "credibility", 3,
                "rationale", rationale, "attribution",
                List.of(Map.of("source", Map.of("name", "Lanternfish", "type", "firm_report"), "relation", "asserts")));
    }

    /** Whether {@code user} reads A's claim through each route: "claim page" → true/false, ... */
    Map<String, Boolean> reads(String user) {
        String token = tokens.get(user);
        Map<String, Boolean> seen = new LinkedHashMap<>();
        seen.put("claim page", given().cookies(sessions.get(user)).get("/claims/{id}", alphaClaim).statusCode() == 200);
        seen.put("comments API", TestData.api(token).get("/api/v1/claims/{id}/comments", alphaClaim).statusCode() == 200);
        seen.put("claims API", TestData.api(token).get("/api/v1/claims/{id}", alphaClaim).statusCode() == 200);
        seen.put("comment on it", TestData.api(token).body(Map.of("body", "peek")).post("/api/v1/claims/{id}/comments",
                alphaClaim).statusCode() == 201);
        var layers = TestData.api(token).get("/api/v1/documents/{id}/layers", doc.id);
        seen.put("layers API", layers.statusCode() == 200
                && layers.jsonPath().getList("owner.username").contains("ann"));
        var export = TestData.api(token).get("/api/v1/projects/{id}/export?format=jsonl", project.id);
        seen.put("export", export.statusCode() == 200 && export.asString().contains(SECRET));
        var csv = TestData.api(token).get("/api/v1/projects/{id}/export?format=csv", project.id);
        seen.put("export csv", csv.statusCode() == 200 && csv.asString().contains(SECRET));
        var source = TestData.api(token).get("/api/v1/sources/{id}/claims", sourceId);
        seen.put("source claims", source.statusCode() == 200
                && source.jsonPath().getList("claimId").contains((int) alphaClaim));
        var history = TestData.api(token).get("/api/v1/projects/{id}/history", project.id);
        seen.put("history API", history.statusCode() == 200 && history.asString().contains(SECRET));
        return seen;
    }

    static Map<String, Boolean> all(boolean v, boolean history) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String r : List.of("claim page", "comments API", "claims API", "comment on it", "layers API", "export",
                "export csv", "source claims")) {
            m.put(r, v);
        }
        m.put("history API", history);
        return m;
    }

    void assertMatrix(String state, Map<String, Map<String, Boolean>> expected) {
        List<String> wrong = new ArrayList<>();
        expected.forEach((user, routes) -> {
            Map<String, Boolean> actual = reads(user);
            routes.forEach((route, v) -> {
                if (!v.equals(actual.get(route))) {
                    wrong.add(state + " / " + user + " / " + route + ": expected " + (v ? "visible" : "hidden"));
                }
            });
        });
        assertEquals(List.of(), wrong);
    }

    Map<String, Map<String, Boolean>> staffAndOwner(boolean benSees) {
        Map<String, Map<String, Boolean>> m = new LinkedHashMap<>();
        m.put("mona", all(true, true));   // manager: every layer, project history
        m.put("jude", all(true, true));   // adjudicator: every layer, project history
        m.put("ann", all(true, false));   // own layer; project history is for managers and adjudicators (403)
        m.put("ben", all(benSees, false));
        m.put("otto", all(false, false)); // not a member: 404 everywhere
        return m;
    }

    @Test
    void othersWorkInProgressStaysHiddenEvenAfterSubmitting() {
        // A in progress, B submitted, no gold: B still must not see A's claim anywhere.
        assertMatrix("A in progress", staffAndOwner(false));
    }

    @Test
    void submittedLayersShowOnceTheDocumentIsInAdjudication() {
        TestData.api(tokens.get("ann")).post("/api/v1/documents/{id}/submit", doc.id).then().statusCode(200);
        assertMatrix("both submitted, no gold", staffAndOwner(false));

        TestData.api(tokens.get("jude")).post("/api/v1/documents/{id}/gold", doc.id).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        assertMatrix("in adjudication", staffAndOwner(true));

        // Reopening their own layer blinds the reviewer again.
        TestData.api(tokens.get("ben")).post("/api/v1/documents/{id}/reopen", doc.id).then().statusCode(200);
        assertMatrix("B reopened", staffAndOwner(false));
    }

    @Test
    void aLayerStillInProgressStaysHiddenWhateverTheDocumentState() {
        // A gold layer while A still works (a manager's tie-breaker assignment, say): A's layer stays hidden from B.
        QuarkusTransaction.requiringNew().run(() -> {
            Layer gold = new Layer();
            gold.document = Document.findById(doc.id);
            gold.kind = LayerKind.gold;
            gold.state = LayerState.in_progress;
            gold.updatedAt = Instant.now();
            gold.persist();
        });
        assertMatrix("gold while A works", staffAndOwner(false));
    }
}
