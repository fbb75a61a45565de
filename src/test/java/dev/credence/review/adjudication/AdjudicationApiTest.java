package dev.credence.review.adjudication;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static dev.credence.annotation.AnnotationFixtures.cp;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credence.TestData;
import dev.credence.annotation.Offsets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdjudicationApiTest {
    @Inject
    AdjudicationFixtures fx;

    String ada;
    String mona;
    String rita;
    String olga;

    @BeforeEach
    void setUp() {
        fx.setUp();
        ada = TestData.token("ada");
        mona = TestData.token("mona");
        rita = TestData.token("rita");
        olga = TestData.token("olga");
    }

    private String gold() {
        return "/api/v1/documents/" + fx.doc.id + "/gold";
    }

    @Test
    void startNeedsEveryReviewerLayerSubmitted() {
        TestData.api(ada).when().post(gold()).then().statusCode(409); // no reviewer layer at all
        fx.ritaAnnotates();
        fx.samAnnotates();
        fx.submit(fx.rita);
        TestData.api(ada).when().post(gold()).then().statusCode(409); // sam has not submitted
        fx.submit(fx.sam);
        TestData.api(ada).when().post(gold()).then().statusCode(201)
                .body("merged", equalTo(1)).body("disagreements", equalTo(2)).body("state", equalTo("in_progress"));
        // idempotent: the second call answers 200 and merges nothing again
        TestData.api(mona).when().post(gold()).then().statusCode(200);
        JsonPath claims = TestData.api(ada).when().get("/api/v1/documents/" + fx.doc.id + "/claims?layer=gold")
                .then().statusCode(200).body("$", hasSize(1)).extract().jsonPath();
        assertEquals(AdjudicationFixtures.AGREED, claims.getString("[0].exact"));
        assertEquals("Harbor Courier ← Lanternfish", claims.getString("[0].chain"));
        TestData.api(ada).when().get(gold()).then().statusCode(200).body("items", hasSize(3))
                .body("items[0].agreed", equalTo(true)).body("items[1].differs", equalTo(List.of("credibility")));
    }

    @Test
    void reviewersAre403AndOutsiders404() {
        fx.bothSubmitted();
        TestData.api(rita).when().post(gold()).then().statusCode(403);
        TestData.api(olga).when().post(gold()).then().statusCode(404);
        TestData.api(ada).when().post("/api/v1/documents/999999/gold").then().statusCode(404);
    }

    @Test
    void goldClaimsThroughTheClaimApi() {
        fx.bothSubmitted();
        String body = claimJson(AdjudicationFixtures.DISPUTED, 3);
        // before adjudication started
        TestData.api(ada).body(body).when().post("/api/v1/documents/" + fx.doc.id + "/claims").then().statusCode(409);
        TestData.api(ada).when().post(gold()).then().statusCode(201);
        TestData.api(rita).body(body).when().post("/api/v1/documents/" + fx.doc.id + "/claims").then().statusCode(403);
        long id = TestData.api(ada).body(body).when().post("/api/v1/documents/" + fx.doc.id + "/claims")
                .then().statusCode(201).body("credibility", equalTo(3)).extract().jsonPath().getLong("id");
        TestData.api(rita).when().delete("/api/v1/claims/" + id).then().statusCode(403);
        TestData.api(mona).body(claimJson(AdjudicationFixtures.DISPUTED, 5)).when().put("/api/v1/claims/" + id)
                .then().statusCode(200).body("credibility", equalTo(5));
        // the item only rita marked is still open: finishing needs confirm=true
        TestData.api(ada).when().post(gold() + "/submit").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("1 item is still open"));
        TestData.api(ada).when().post(gold() + "/submit?confirm=true").then().statusCode(200)
                .body("state", equalTo("submitted"));
        TestData.api(ada).when().delete("/api/v1/claims/" + id).then().statusCode(409);
        TestData.api(ada).when().post(gold() + "/reopen").then().statusCode(200);
        TestData.api(ada).when().delete("/api/v1/claims/" + id).then().statusCode(204);
    }

    @Test
    void exportLayerChoiceAndAgreement() throws Exception {
        fx.bothSubmitted();
        TestData.api(ada).when().post(gold()).then().statusCode(201);
        String base = "/api/v1/projects/" + fx.project.id + "/export?format=jsonl";
        List<JsonNode> goldOnly = lines(TestData.api(ada).when().get(base + "&layer=gold").then().statusCode(200)
                .extract().asString());
        JsonNode layers = goldOnly.get(0).get("layers");
        assertEquals(1, layers.size());
        assertEquals("gold", layers.get(0).get("kind").asText());
        assertEquals(AdjudicationFixtures.AGREED, layers.get(0).get("claims").get(0).get("exact").asText());

        JsonNode reviewers = lines(TestData.api(ada).when().get(base + "&layer=reviewers").then().statusCode(200)
                .extract().asString()).get(0).get("layers");
        assertEquals(2, reviewers.size());
        reviewers.forEach(l -> assertEquals("reviewer", l.get("kind").asText()));

        JsonNode all = lines(TestData.api(ada).when().get(base + "&agreement=true").then().statusCode(200)
                .extract().asString()).get(0).get("layers");
        assertEquals(3, all.size());
        for (JsonNode l : all) {
            for (JsonNode c : l.get("claims")) {
                JsonNode a = c.get("agreement");
                assertEquals(2, a.get("reviewers").asInt());
                boolean agreedSpan = c.get("exact").asText().equals(AdjudicationFixtures.AGREED);
                assertEquals(agreedSpan, a.get("agreed").asBoolean(), c.toString());
                assertEquals(c.get("exact").asText().equals(AdjudicationFixtures.ONLY_RITA) ? 1 : 2, a.get("matched").asInt());
            }
        }
        TestData.api(ada).when().get(base + "&layer=both").then().statusCode(400);
    }

    static List<JsonNode> lines(String body) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                out.add(mapper.readTree(line));
            }
        }
        assertTrue(!out.isEmpty());
        return out;
    }

    static String claimJson(String needle, int credibility) {
        int start = cp(ARTICLE, needle);
        try {
            return new ObjectMapper().writeValueAsString(Map.of("layer", "gold", "start", start,
                    "end", start + Offsets.length(needle), "kind", "event", "stance", "hedged",
                    "credibility", credibility, "attribution",
                    List.of(Map.of("source", Map.of("name", "Harbor Courier", "type", "independent_media"),
                            "relation", "asserts", "reliability", "C"))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
