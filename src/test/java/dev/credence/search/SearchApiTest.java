package dev.credence.search;

import static dev.credence.corroboration.CorroborationFixtures.COURIER;
import static dev.credence.corroboration.CorroborationFixtures.GAZETTE;
import static dev.credence.corroboration.CorroborationFixtures.LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.STRIKE_COURIER;
import static dev.credence.corroboration.CorroborationFixtures.STRIKE_LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.BUDGET_GAZETTE;
import static dev.credence.corroboration.CorroborationFixtures.claim;
import static dev.credence.corroboration.CorroborationFixtures.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.corroboration.CorroborationFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchApiTest {
    @Inject
    CorroborationFixtures fixtures;

    CorroborationFixtures.World w;
    String mona;
    String rita;
    String sam;
    String olga;
    long ritaCourier;
    long ritaBudget;
    long samLedger;
    String url;

    @BeforeEach
    void setUp() {
        w = fixtures.world();
        mona = TestData.token("mona");
        rita = TestData.token("rita");
        sam = TestData.token("sam");
        olga = TestData.token("olga");
        ritaCourier = create(rita, w.courier(), claim(COURIER, STRIKE_COURIER, 2, "Defence ministry", "government_statement"));
        ritaBudget = create(rita, w.gazette(), claim(GAZETTE, BUDGET_GAZETTE, 4, "Mayor", "government_official"));
        samLedger = create(sam, w.ledger(), claim(LEDGER, STRIKE_LEDGER, 1, "Defence ministry", "government_statement"));
        url = "/api/v1/projects/" + w.project().id + "/search";
    }

    @Test
    void findsDocumentsAndClaimsByStemmedTextWithEscapedHighlightedSnippets() {
        var r = TestData.api(rita).queryParam("q", "rockets radar").when().get(url).then().statusCode(200).extract().jsonPath();
        // "rockets" finds "Missiles" (synonym) and "rocket" (stem); both strike articles, not the library budget.
        assertTrue(r.getList("documents.id").contains(w.courier().id.intValue()));
        assertTrue(r.getList("documents.id").contains(w.ledger().id.intValue()));
        assertFalse(r.getList("documents.id").contains(w.gazette().id.intValue()));
        assertEquals(ritaCourier, r.getLong("claims[0].id"));
        assertTrue(r.getString("claims[0].snippetHtml").contains("<mark>radar</mark>"), r.getString("claims[0].snippetHtml"));
        // Text from the article is escaped: the Ledger's script tag comes back as text.
        String ledger = TestData.api(rita).queryParam("q", "stories alert").when().get(url).then().statusCode(200)
                .extract().path("documents[0].snippetHtml");
        assertTrue(ledger.contains("&lt;script&gt;"), ledger);
        assertFalse(ledger.contains("<script"), ledger);
    }

    @Test
    void filtersBySourceTypeGradeReviewerStateAndKind() {
        TestData.api(mona).queryParam("q", "source:\"Defence ministry\"").when().get(url).then().statusCode(200)
                .body("claims.id", hasItem((int) ritaCourier)).body("claims.id", hasItem((int) samLedger))
                .body("claims.id", not(hasItem((int) ritaBudget))).body("documents", hasSize(0));
        TestData.api(mona).queryParam("q", "grade:4").when().get(url).then().statusCode(200)
                .body("claims.id", equalToList(ritaBudget));
        TestData.api(mona).queryParam("q", "grade:B type:government_official").when().get(url).then().statusCode(200)
                .body("claims.id", equalToList(ritaBudget));
        TestData.api(mona).queryParam("q", "strike reviewer:sam").when().get(url).then().statusCode(200)
                .body("claims.id", equalToList(samLedger));
        TestData.api(mona).queryParam("q", "kind:event state:in_progress library").when().get(url).then().statusCode(200)
                .body("claims.id", equalToList(ritaBudget)).body("claims[0].reviewer", equalTo("rita"))
                .body("claims[0].chain", equalTo("Mayor"));
    }

    @Test
    void aReviewerNeverFindsAnotherReviewersUnsubmittedClaimsInABlindProject() {
        TestData.api(rita).queryParam("q", "radar station").when().get(url).then().statusCode(200)
                .body("claims.id", hasItem((int) ritaCourier)).body("claims.id", not(hasItem((int) samLedger)));
        TestData.api(rita).queryParam("q", "reviewer:sam").when().get(url).then().statusCode(200)
                .body("claims", hasSize(0)).body("claimTotal", equalTo(0));
        TestData.api(sam).queryParam("q", "radar station").when().get(url).then().statusCode(200)
                .body("claims.id", equalToList(samLedger));
        TestData.api(mona).queryParam("q", "radar station").when().get(url).then().statusCode(200)
                .body("claimTotal", equalTo(2));
    }

    @Test
    void refusesOutsidersAndEmptyQueries() {
        TestData.api(olga).queryParam("q", "radar").when().get(url).then().statusCode(404);
        TestData.api(rita).when().get(url).then().statusCode(400).body("detail", containsString("q"));
        TestData.api(rita).queryParam("q", "x".repeat(501)).when().get(url).then().statusCode(400);
        TestData.api(rita).queryParam("q", "radar").queryParam("limit", 101).when().get(url).then().statusCode(400);
        given().queryParam("q", "radar").when().get(url).then().statusCode(401);
        // Odd syntax never fails.
        TestData.api(rita).queryParam("q", "\"unclosed (radar -* source:").when().get(url).then().statusCode(200);
    }

    @Test
    void everyProjectPageHasTheSearchBoxAndTheResultsPageRendersSnippets() {
        var session = TestData.login("rita");
        var page = Jsoup.parse(given().cookies(session).when().get("/projects/" + w.project().id).then().statusCode(200)
                .extract().asString());
        assertEquals("/projects/" + w.project().id + "/search", page.select("form[role=search]").attr("action"));
        var doc = Jsoup.parse(given().cookies(session).when().get("/documents/" + w.courier().id).then().statusCode(200)
                .extract().asString());
        assertEquals(1, doc.select("form[role=search] input[name=q]").size());
        var results = Jsoup.parse(given().cookies(session).queryParam("q", "missiles").when()
                .get("/projects/" + w.project().id + "/search").then().statusCode(200).extract().asString());
        assertEquals("missiles", results.select("#project-search-q").attr("value"));
        assertTrue(results.select(".snippet mark").eachText().contains("Missiles"), results.select(".snippet mark").eachText().toString());
        assertTrue(results.select("#claim-results-h").text().startsWith("Claims"));
        var escaped = Jsoup.parse(given().cookies(session).queryParam("q", "alert").when()
                .get("/projects/" + w.project().id + "/search").then().statusCode(200).extract().asString());
        assertTrue(escaped.select(".snippet script").isEmpty());
        assertTrue(escaped.select(".snippet").text().contains("<script>"));
        given().cookies(TestData.login("olga")).queryParam("q", "x").when().get("/projects/" + w.project().id + "/search")
                .then().statusCode(404);
    }

    private static org.hamcrest.Matcher<Iterable<? extends Integer>> equalToList(long id) {
        return org.hamcrest.Matchers.contains((int) id);
    }
}
