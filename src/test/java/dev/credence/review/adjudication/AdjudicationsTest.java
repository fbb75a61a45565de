package dev.credence.review.adjudication;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdjudicationsTest {
    @Inject
    AdjudicationFixtures fx;

    Map<String, String> session;

    @BeforeEach
    void setUp() {
        fx.setUp();
        session = TestData.login("ada");
    }

    private String page() {
        return "/documents/" + fx.doc.id + "/adjudicate";
    }

    private org.jsoup.nodes.Document get() {
        return Jsoup.parse(given().cookies(session).when().get(page()).then().statusCode(200).extract().asString());
    }

    private List<Claim> goldClaims() {
        return QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>list(
                "layer.document.id = ?1 and layer.kind = ?2 order by start", fx.doc.id, LayerKind.gold));
    }

    @Test
    void startIsOfferedOnlyWhenAllLayersAreSubmitted() {
        fx.ritaAnnotates();
        fx.samAnnotates();
        fx.submit(fx.rita);
        org.jsoup.nodes.Document html = get();
        assertTrue(html.select("button:contains(Start adjudication)").isEmpty());
        assertTrue(html.text().contains("once every reviewer has submitted"));
        fx.submit(fx.sam);
        assertFalse(get().select("button:contains(Start adjudication)").isEmpty());
        // reviewers may not see the page; outsiders do not learn it exists
        given().cookies(TestData.login("rita")).when().get(page()).then().statusCode(403);
        given().cookies(TestData.login("olga")).when().get(page()).then().statusCode(404);
    }

    @Test
    void itemsShowEachReviewersVersionAcceptCopiesIntoGoldFinishSubmits() {
        fx.bothSubmitted();
        TestData.Csrf csrf = TestData.csrf(session, page());
        csrf.form().when().post(page() + "/start").then().statusCode(303);
        org.jsoup.nodes.Document html = get();
        Elements items = html.select("#item-list > li.item");
        assertEquals(3, items.size());
        assertEquals("merged", items.get(0).selectFirst(".item-status").text());
        assertTrue(items.get(0).select("table.versions").isEmpty(), "agreed items show no versions");
        Element disputed = items.get(1);
        assertEquals("open", disputed.selectFirst(".item-status").text());
        Elements rows = disputed.select("tr.version");
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).text().contains("rita Display"));
        assertTrue(rows.get(1).text().contains("sam Display"));
        // credibility differs, by class and by text; the chain does not
        Element cred = rows.get(0).select("td").get(4);
        assertTrue(cred.hasClass("differs"));
        assertTrue(cred.text().contains("differs"));
        assertFalse(rows.get(0).select("td").get(1).hasClass("differs"));
        assertTrue(rows.get(0).text().contains("Harbor Courier"));
        // only rita marked the third item: sam's row says so
        Elements third = items.get(2).select("tr.version");
        assertTrue(third.get(1).text().contains("no claim here"));

        // accept sam's version of the disputed item
        String samClaim = rows.get(1).selectFirst("input[name=claim]").attr("value");
        csrf = TestData.csrf(session, page());
        csrf.form().formParam("claim", samClaim).when().post(page() + "/accept").then().statusCode(303);
        List<Claim> gold = goldClaims();
        assertEquals(2, gold.size());
        assertEquals(AdjudicationFixtures.DISPUTED, gold.get(1).exact);
        assertEquals(4, gold.get(1).credibility);
        assertEquals("resolved", get().select("#item-list > li.item").get(1).selectFirst(".item-status").text());

        // accepting rita's instead replaces it
        String ritaClaim = rows.get(0).selectFirst("input[name=claim]").attr("value");
        csrf.form().formParam("claim", ritaClaim).when().post(page() + "/accept").then().statusCode(303);
        gold = goldClaims();
        assertEquals(2, gold.size());
        assertEquals(2, gold.get(1).credibility);

        // undo the merged item
        csrf.form().when().post(page() + "/claims/" + gold.get(0).id + "/delete").then().statusCode(303);
        assertEquals(1, goldClaims().size());

        // htmx: the accept answers with the workspace fragment
        String fragment = csrf.form().header("HX-Request", "true").formParam("claim", samClaim)
                .when().post(page() + "/accept").then().statusCode(200).extract().asString();
        assertTrue(Jsoup.parse(fragment).selectFirst("#workspace") != null);

        // open items: finishing goes through the confirmation page, which says how many
        String confirm = csrf.form().when().post(page() + "/finish").then().statusCode(303).extract().header("Location");
        assertTrue(confirm.endsWith("/adjudicate/finish"), confirm);
        org.jsoup.nodes.Document ask = Jsoup.parse(given().cookies(session).when().get(page() + "/finish").then()
                .statusCode(200).extract().asString());
        assertTrue(ask.selectFirst("#open-items").text().contains("2 items are still open"), ask.text());
        Layer stillOpen = QuarkusTransaction.requiringNew().call(() -> Layer.<Layer>find(
                "document.id = ?1 and kind = ?2", fx.doc.id, LayerKind.gold).firstResult());
        assertEquals(LayerState.in_progress, stillOpen.state);
        csrf.form().formParam("confirm", "true").when().post(page() + "/finish").then().statusCode(303);
        Layer goldLayer = QuarkusTransaction.requiringNew().call(() -> Layer.<Layer>find("document.id = ?1 and kind = ?2",
                fx.doc.id, LayerKind.gold).firstResult());
        assertEquals(LayerState.submitted, goldLayer.state);
        assertTrue(get().select("button:contains(Accept)").isEmpty(), "a finished gold layer is read-only");
    }

    @Test
    void writeOwnAndEditSaveIntoGold() {
        fx.bothSubmitted();
        TestData.Csrf csrf = TestData.csrf(session, page());
        csrf.form().when().post(page() + "/start").then().statusCode(303);
        Element item = get().select("#item-list > li.item").get(2);
        String href = item.selectFirst("a[data-write-own]").attr("href");
        org.jsoup.nodes.Document form = Jsoup.parse(given().cookies(session).when().get(href).then().statusCode(200)
                .extract().asString());
        Element f = form.selectFirst("form.claim-form");
        assertEquals(AdjudicationFixtures.ONLY_RITA, f.selectFirst("blockquote.exact").text());
        csrf.form().formParam("start", f.selectFirst("input[name=start]").val())
                .formParam("end", f.selectFirst("input[name=end]").val()).formParam("kind", "prediction")
                .formParam("stance", "hedged").formParam("credibility", "3")
                .formParam("hops[0].sourceName", "Officials").formParam("hops[0].sourceType", "anonymous_official")
                .formParam("hops[0].relation", "asserts").formParam("hops[0].reliability", "F")
                .when().post(page() + "/claims").then().statusCode(303);
        Claim own = goldClaims().stream().filter(c -> c.exact.equals(AdjudicationFixtures.ONLY_RITA)).findFirst().orElseThrow();
        assertEquals("prediction", own.kind);

        // "edit" on a version copies it into gold and opens the gold copy
        Element disputed = get().select("#item-list > li.item").get(1);
        String ritaClaim = disputed.select("tr.version").get(0).selectFirst("input[name=claim]").attr("value");
        String location = csrf.form().formParam("claim", ritaClaim).when().post(page() + "/edit").then()
                .statusCode(303).extract().header("Location");
        assertTrue(location.contains("/adjudicate/claims/"), location);
        org.jsoup.nodes.Document edit = Jsoup.parse(given().cookies(session).when().get(location).then()
                .statusCode(200).extract().asString());
        assertEquals("Harbor Courier", edit.selectFirst("input[name='hops[1].sourceName']").val());
    }
}
