package dev.credence.suggest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.AnnotationService;
import dev.credence.annotation.ClaimInput;
import dev.credence.annotation.HopInput;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Offsets;
import dev.credence.annotation.SpanInput;
import dev.credence.document.Document;
import dev.credence.history.ChangeLogEntry;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceGrades;
import dev.credence.source.SourceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SuggestionApiTest {
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    AnnotationService annotations;
    @Inject
    SourceService sources;
    @Inject
    SourceGrades grades;

    Project project;
    Document doc;
    String text;
    User sam;
    User tara;
    String rita;
    String samToken;
    String taraToken;
    String olga;

    @BeforeEach
    void setUp() {
        data.reset();
        User r = data.user("rita");
        sam = data.user("sam");
        tara = data.user("tara");
        data.user("olga");
        project = data.project("Port watch", r);
        data.member(project, "sam", "reviewer");
        data.member(project, "tara", "reviewer");
        text = MarkedArticle.read("/suggest/eval/01-hackers.txt").text();
        doc = fixtures.document(project, "Hackers in the ports", text);
        QuarkusTransaction.requiringNew().run(() -> {
            User admin = User.find("username", "rita").firstResult();
            Source kestrel = sources.create("Kestrel Labs", "firm_report", List.of("Kestrel"), admin);
            grades.addGrade(kestrel, Project.findById(project.id), "B", "two earlier reports held up", admin);
        });
        layer(sam, doc);
        rita = TestData.token("rita");
        samToken = TestData.token("sam");
        taraToken = TestData.token("tara");
        olga = TestData.token("olga");
    }

    Layer layer(User u, Document d) {
        return QuarkusTransaction.requiringNew().call(() -> annotations.layerFor(d, u));
    }

    JsonPath suggestions(String token, Document d) {
        return TestData.api(token).when().get("/api/v1/documents/{id}/suggestions", d.id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The item whose cue is this word in the claim that starts so. */
    static Map<String, Object> item(JsonPath list, String cue, String claimStart) {
        List<Map<String, Object>> items = list.getList("items");
        for (Map<String, Object> i : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) i.get("cue");
            @SuppressWarnings("unchecked")
            Map<String, Object> claim = (Map<String, Object>) i.get("claim");
            if (c != null && cue.equals(c.get("exact")) && ((String) claim.get("exact")).startsWith(claimStart)) {
                return i;
            }
        }
        throw new AssertionError("no suggestion with cue " + cue + " and claim " + claimStart + " in " + items);
    }

    @Test
    void proposesTheChainTheRegistryEntryAndItsLastGradeInCodePoints() {
        JsonPath list = suggestions(samToken, doc);
        assertTrue(list.getList("items").size() >= 8, "suggestions: " + list.getList("items").size());
        Map<String, Object> told = item(list, "told", "a group of hackers");
        assertEquals("Kestrel Labs", told.get("sourceName"));
        assertNotNull(told.get("registrySourceId"));
        assertEquals(Map.of("id", told.get("registrySourceId"), "name", "Kestrel Labs", "type", "firm_report",
                "lastGrade", "B"), told.get("registrySource"));
        assertEquals(List.of("Daily Ledger", "Kestrel Labs"), told.get("chain"));
        assertEquals(SuggestionService.RULES, told.get("model"));
        @SuppressWarnings("unchecked")
        Map<String, Object> claim = (Map<String, Object>) told.get("claim");
        int start = (Integer) claim.get("start");
        int end = (Integer) claim.get("end");
        // the article has an emoji before this sentence: offsets are code points
        assertEquals(claim.get("exact"), Offsets.CodePointIndex.of(text).slice(start, end));
        assertTrue(((String) claim.get("exact")).endsWith("three port operators"));
        // the pronoun resolves to the analyst named in the sentence before
        assertEquals("Ilse Varga", item(list, "added", "the attackers").get("sourceName"));
        // the same list on the second call (stored, not made again)
        assertEquals(list.getList("items.id"), suggestions(samToken, doc).getList("items.id"));
    }

    @Test
    void nobodyElseSeesOrDecidesAReviewersSuggestions() {
        JsonPath list = suggestions(samToken, doc);
        Object id = list.getList("items.id").get(0);
        // tara has no layer yet: nothing, and nothing of sam's
        assertTrue(suggestions(taraToken, doc).getList("items").isEmpty());
        TestData.api(taraToken).when().post("/api/v1/suggestions/{id}/accept", id).then().statusCode(404);
        TestData.api(taraToken).when().post("/api/v1/suggestions/{id}/reject", id).then().statusCode(404);
        // a manager reads every layer but writes none of them: sam's suggestion is not theirs to accept
        TestData.api(rita).when().post("/api/v1/suggestions/{id}/accept", id).then().statusCode(404);
        TestData.api(olga).when().get("/api/v1/documents/{id}/suggestions", doc.id).then().statusCode(404);
        // tara's own layer gets its own rows
        layer(tara, doc);
        List<Object> taras = suggestions(taraToken, doc).getList("items.id");
        assertFalse(taras.isEmpty());
        assertTrue(taras.stream().noneMatch(list.getList("items.id")::contains));
    }

    @Test
    void acceptingCreatesTheClaimWithItsHopsThroughTheAnnotationPathAndHistory() {
        Map<String, Object> told = item(suggestions(samToken, doc), "told", "a group of hackers");
        JsonPath accepted = TestData.api(samToken).when().post("/api/v1/suggestions/{id}/accept", told.get("id"))
                .then().statusCode(201).header("Location", containsString("/api/v1/claims/"))
                .body("chain", equalTo("Daily Ledger ← Kestrel Labs")).extract().jsonPath();
        long claimId = accepted.getLong("claimId");
        TestData.api(samToken).when().get("/api/v1/documents/{id}/claims", doc.id).then().statusCode(200)
                .body("", hasSize(1)).body("[0].id", equalTo((int) claimId))
                .body("[0].attribution[0].source.name", equalTo("Kestrel Labs"))
                .body("[0].attribution[0].cue.exact", equalTo("told"))
                .body("[0].attribution[0].mention.exact", containsString("Kestrel Labs"))
                .body("[0].attribution[1].source.name", equalTo("Daily Ledger"))
                .body("[0].attribution[1].source.type", equalTo("independent_media"))
                .body("[0].attribution[1].relation", equalTo("reports"));
        long history = QuarkusTransaction.requiringNew().call(() -> ChangeLogEntry.count(
                "entityType = ?1 and entityId = ?2", "claim", claimId));
        assertEquals(1, history);
        // accepted: no longer proposed, and not twice
        assertFalse(suggestions(samToken, doc).getList("items.id").contains(told.get("id")));
        TestData.api(samToken).when().post("/api/v1/suggestions/{id}/accept", told.get("id")).then().statusCode(409);
    }

    @Test
    void aSourceTheRegistryLacksNeedsItsTypeAndEditsAreApplied() {
        Map<String, Object> added = item(suggestions(samToken, doc), "added", "the attackers");
        TestData.api(samToken).when().post("/api/v1/suggestions/{id}/accept", added.get("id")).then().statusCode(422)
                .body("detail", containsString("choose its type"));
        TestData.api(samToken).body(Map.of("sourceType", "firm_report", "credibility", 3, "kind", "event",
                "reliability", "C")).when().post("/api/v1/suggestions/{id}/accept", added.get("id")).then()
                .statusCode(201).body("chain", equalTo("Ilse Varga"));
        TestData.api(samToken).when().get("/api/v1/documents/{id}/claims", doc.id).then()
                .body("[0].credibility", equalTo(3)).body("[0].attribution[0].reliability", equalTo("C"))
                .body("[0].attribution[0].mention.exact", equalTo("She"));
        // a bad edit is refused whole: nothing half-written
        Map<String, Object> denied = item(suggestions(samToken, doc), "denied", "the government");
        TestData.api(samToken).body(Map.of("credibility", 9)).when()
                .post("/api/v1/suggestions/{id}/accept", denied.get("id")).then().statusCode(422);
        TestData.api(samToken).when().get("/api/v1/documents/{id}/claims", doc.id).then().body("", hasSize(1));
        assertTrue(suggestions(samToken, doc).getList("items.id").contains(denied.get("id")));
    }

    @Test
    void rejectedIsGoneAndASubmittedLayerIsReadOnly() {
        JsonPath list = suggestions(samToken, doc);
        Object first = list.getList("items.id").get(0);
        TestData.api(samToken).when().post("/api/v1/suggestions/{id}/reject", first).then().statusCode(200)
                .body("state", equalTo("rejected"));
        assertFalse(suggestions(samToken, doc).getList("items.id").contains(first));
        TestData.api(samToken).when().post("/api/v1/suggestions/{id}/accept", first).then().statusCode(409);
        // refresh makes them again but never the rejected one
        List<Object> again = TestData.api(samToken).when().post("/api/v1/documents/{id}/suggestions/refresh", doc.id)
                .then().statusCode(200).extract().jsonPath().getList("items.claim.start");
        assertFalse(again.isEmpty());
        TestData.api(samToken).when().post("/api/v1/documents/{id}/submit", doc.id).then().statusCode(200);
        Object second = suggestions(samToken, doc).getList("items.id").get(0);
        TestData.api(samToken).when().post("/api/v1/suggestions/{id}/accept", second).then().statusCode(409)
                .body("detail", containsString("reopen"));
    }

    @Test
    void theProjectModelLearnsFromGoldAndSaysSo() {
        TestData.api(samToken).when().post("/api/v1/projects/{id}/suggestion-model", project.id).then().statusCode(403);
        TestData.api(rita).when().post("/api/v1/projects/{id}/suggestion-model", project.id).then().statusCode(409);
        for (String f : List.of("03-leak", "05-profile", "07-forecast")) {
            MarkedArticle a = MarkedArticle.read("/suggest/eval/" + f + ".txt");
            gold(fixtures.document(project, f, a.text()), a);
        }
        JsonPath m = TestData.api(rita).when().post("/api/v1/projects/{id}/suggestion-model", project.id).then()
                .statusCode(201).extract().jsonPath();
        assertEquals(2, m.getInt("trainingDocuments"));
        assertEquals(1, m.getInt("heldoutDocuments"));
        assertTrue(m.getDouble("quality.model.claim.f1") > 0.5, "claim F1 " + m.getDouble("quality.model.claim.f1"));
        assertTrue(m.getDouble("quality.rules.cue.recall") > 0.5);
        String name = m.getString("model");
        assertTrue(name.startsWith("maxent-"), name);
        TestData.api(samToken).when().get("/api/v1/projects/{id}/suggestion-model", project.id).then().statusCode(200)
                .body("model", equalTo(name));
        // the project page shows the model and its held-out quality
        io.restassured.RestAssured.given().cookies(TestData.login("rita", TestData.PASSWORD)).when()
                .get("/projects/{id}", project.id).then().statusCode(200)
                .body(containsString(name)).body(containsString("held-out gold"));
        // the next suggestions come from the learned model and say so
        Document next = fixtures.document(project, "Drills", MarkedArticle.read("/suggest/eval/02-drills.txt").text());
        layer(sam, next);
        JsonPath list = suggestions(samToken, next);
        assertFalse(list.getList("items").isEmpty());
        assertEquals(List.of(name), list.getList("items.model").stream().distinct().toList());
    }

    /** A gold layer on the document with the article's hand marks as claims (cue and source on hop 0). */
    void gold(Document d, MarkedArticle a) {
        QuarkusTransaction.requiringNew().run(() -> {
            Layer g = new Layer();
            g.document = Document.findById(d.id);
            g.kind = LayerKind.gold;
            g.state = LayerState.in_progress;
            g.updatedAt = Instant.now();
            g.persist();
            User admin = User.find("username", "rita").firstResult();
            for (MarkedArticle.Attribution at : a.attributions().values()) {
                if (at.claim == null) {
                    continue;
                }
                List<HopInput> hops = new ArrayList<>();
                if (at.source != null) {
                    String name = Offsets.CodePointIndex.of(a.text()).slice(at.source.start(), at.source.end());
                    hops.add(new HopInput(null, at.resolved != null ? at.resolved : name, "unnamed_experts", null,
                            new SpanInput(at.source.start(), at.source.end()), null,
                            at.cue == null ? null : new SpanInput(at.cue.start(), at.cue.end()), null, null));
                }
                annotations.createClaimInLayer(g, admin, new ClaimInput(at.claim.start(), at.claim.end(), null, null,
                        null, null, null, null, hops));
            }
        });
    }
}
