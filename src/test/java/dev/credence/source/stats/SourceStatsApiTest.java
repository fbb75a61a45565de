package dev.credence.source.stats;

import static dev.credence.corroboration.CorroborationFixtures.BUDGET_GAZETTE;
import static dev.credence.corroboration.CorroborationFixtures.COURIER;
import static dev.credence.corroboration.CorroborationFixtures.GAZETTE;
import static dev.credence.corroboration.CorroborationFixtures.LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.STRIKE_COURIER;
import static dev.credence.corroboration.CorroborationFixtures.STRIKE_LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.WARSHIP_LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.claim;
import static dev.credence.corroboration.CorroborationFixtures.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.TestData;
import dev.credence.corroboration.CorroborationFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/sources/{id}/stats: the figures count gold and submitted layers the caller may read, never another
 * reviewer's blind layer nor work in progress; links count in both directions; the reliability history says what
 * each grade replaced.
 */
@QuarkusTest
class SourceStatsApiTest {
    @Inject
    CorroborationFixtures fixtures;

    CorroborationFixtures.World w;
    String mona;
    String rita;
    String sam;
    String olga;
    long ministry;

    @BeforeEach
    void setUp() {
        w = fixtures.world();
        mona = TestData.token("mona");
        rita = TestData.token("rita");
        sam = TestData.token("sam");
        olga = TestData.token("olga");
        long courier = create(rita, w.courier(), claim(COURIER, STRIKE_COURIER, 2, "Defence ministry", "government_statement"));
        long ledger = create(rita, w.ledger(), claim(LEDGER, STRIKE_LEDGER, 2, "Defence ministry", "government_statement"));
        long warship = create(rita, w.ledger(), claim(LEDGER, WARSHIP_LEDGER, null, "Defence ministry", "government_statement"));
        long budget = create(rita, w.gazette(), claim(GAZETTE, BUDGET_GAZETTE, 4, "Mayor", "government_official"));
        // rita: the two strike reports corroborate each other independently (one link, courier → ledger); the
        // warship claim contradicts the budget one (an odd link, but a link).
        link(rita, courier, ledger, "corroborates", "independent");
        link(rita, warship, budget, "contradicts", "unknown");
        for (var d : List.of(w.courier(), w.ledger(), w.gazette())) {
            TestData.api(rita).when().post("/api/v1/documents/" + d.id + "/submit").then().statusCode(200);
        }
        // sam: one claim, still in progress, and graded 1.
        create(sam, w.ledger(), claim(LEDGER, STRIKE_LEDGER, 1, "Defence ministry", "government_statement"));
        ministry = TestData.api(mona).queryParam("q", "Defence ministry").when().get("/api/v1/sources").then()
                .statusCode(200).extract().jsonPath().getLong("[0].id");
    }

    private static void link(String token, long from, long to, String relation, String origin) {
        TestData.api(token).body(Map.of("targetClaimId", to, "relation", relation, "origin", origin)).when()
                .post("/api/v1/claims/" + from + "/links").then().statusCode(201);
    }

    private JsonPath stats(String token) {
        return TestData.api(token).when().get("/api/v1/sources/" + ministry + "/stats").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void theManagerSeesSubmittedLayersButNoWorkInProgress() {
        JsonPath s = stats(mona);
        assertEquals("Defence ministry", s.getString("sourceName"));
        assertEquals(3, s.getInt("claims"), "rita's three submitted claims; sam's open layer is not counted");
        assertEquals(0, s.getInt("goldClaims"));
        assertEquals(3, s.getInt("submittedClaims"));
        assertEquals(2, s.getInt("independentlyCorroborated"), "the courier claim (its link) and the ledger claim (linked to)");
        assertEquals(1, s.getInt("contradicted"));
        assertEquals(List.of(0, 2, 0, 0, 0, 0, 1), s.getList("credibility.count"));
        assertEquals(java.util.Arrays.asList("1", "2", "3", "4", "5", "6", null), s.getList("credibility.grade"));
        assertEquals(3, (int) s.getInt("reliabilityAtHops.find { it.grade == 'B' }.count"));
        // Both documents are of March 2026 (the gazette, May, has no claim of this source): one month.
        assertEquals(List.of("2026-03"), s.getList("months.month"));
        assertEquals(3, s.getInt("months[0].claims"));
        assertEquals(2, s.getInt("months[0].independentlyCorroborated"));
        assertEquals(0, s.getInt("undatedClaims"));
        assertEquals(SourceStatistics.BASIS, s.getString("basis"));
    }

    @Test
    void aReviewerNeverSeesFiguresFromAnotherReviewersBlindLayer() {
        // sam submits: still no gold, so rita's layers stay hidden from him and his from her.
        TestData.api(sam).when().post("/api/v1/documents/" + w.ledger().id + "/submit").then().statusCode(200);
        JsonPath s = stats(sam);
        assertEquals(1, s.getInt("claims"), "only his own submitted claim");
        assertEquals(0, s.getInt("independentlyCorroborated"), "rita's links are in her layers");
        assertEquals(List.of(1, 0, 0, 0, 0, 0, 0), s.getList("credibility.count"));
        JsonPath r = stats(rita);
        assertEquals(3, r.getInt("claims"));
        assertEquals(0, r.getInt("credibility[0].count"), "sam's grade 1 is not in rita's figures");
        // The manager now sees all four.
        assertEquals(4, stats(mona).getInt("claims"));
    }

    @Test
    void anOutsiderSeesNoFiguresAndNoGrades() {
        TestData.api(mona).body(Map.of("projectId", w.project().id, "grade", "C", "rationale", "One statement")).when()
                .post("/api/v1/sources/" + ministry + "/grades").then().statusCode(201);
        JsonPath s = stats(olga);
        assertEquals(0, s.getInt("claims"));
        assertEquals(0, s.getList("months").size());
        assertEquals(0, s.getList("reliabilityHistory").size());
    }

    @Test
    void theReliabilityHistorySaysWhoChangedWhichGradeToWhatWhenAndWhy() {
        TestData.api(mona).body(Map.of("projectId", w.project().id, "grade", "C", "rationale", "One statement so far"))
                .when().post("/api/v1/sources/" + ministry + "/grades").then().statusCode(201);
        TestData.api(rita).body(Map.of("projectId", w.project().id, "grade", "b", "rationale", "Confirmed by the Ledger"))
                .when().post("/api/v1/sources/" + ministry + "/grades").then().statusCode(201);
        TestData.api(rita).when().get("/api/v1/sources/" + ministry + "/stats").then().statusCode(200)
                .body("reliabilityHistory", hasSize(2))
                .body("reliabilityHistory[0].grade", equalTo("B"))
                .body("reliabilityHistory[0].previousGrade", equalTo("C"))
                .body("reliabilityHistory[0].gradedBy", equalTo("rita"))
                .body("reliabilityHistory[0].rationale", equalTo("Confirmed by the Ledger"))
                .body("reliabilityHistory[1].previousGrade", nullValue())
                .body("reliabilityHistory[1].gradedBy", equalTo("mona"))
                .body("reliabilityHistory[0].projectName", equalTo(w.project().name));
    }

    @Test
    void unknownSourceIs404AndNoTokenIs401() {
        TestData.api(mona).when().get("/api/v1/sources/987654321/stats").then().statusCode(404)
                .body("error", org.hamcrest.Matchers.notNullValue());
        given().when().get("/api/v1/sources/" + ministry + "/stats").then().statusCode(401);
    }
}
