package dev.credence.review.adjudication;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static dev.credence.annotation.AnnotationFixtures.span;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.annotation.Cue;
import dev.credence.annotation.CueClass;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.Mention;
import dev.credence.history.ChangeLogEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mentions and cues as adjudication items, "accept all unanimous", the gold claim form's hop controls, gold history. */
@QuarkusTest
class GoldEditsTest {
    @Inject
    AdjudicationFixtures fx;

    Map<String, String> session;

    @BeforeEach
    void setUp() {
        fx.setUp();
        fx.ritaAnnotates();
        fx.samAnnotates();
        fx.annotations.createCue(fx.doc, fx.rita, span(ARTICLE, "believe"), "belief");
        fx.annotations.createCue(fx.doc, fx.sam, span(ARTICLE, "believe"), "hedge");
        fx.annotations.createMention(fx.doc, fx.rita, span(ARTICLE, "Officials"), null, "Harbor officials",
                "anonymous_official");
        fx.annotations.createCue(fx.doc, fx.rita, span(ARTICLE, "reported"), "reporting");
        fx.annotations.createCue(fx.doc, fx.sam, span(ARTICLE, "reported"), "reporting");
        fx.submit(fx.rita);
        fx.submit(fx.sam);
        session = TestData.login("ada");
    }

    private String page() {
        return "/documents/" + fx.doc.id + "/adjudicate";
    }

    private org.jsoup.nodes.Document get() {
        return Jsoup.parse(given().cookies(session).when().get(page()).then().statusCode(200).extract().asString());
    }

    private <T> List<T> gold(Class<T> type) {
        String entity = type.getSimpleName();
        return QuarkusTransaction.requiringNew().call(() -> dev.credence.annotation.Layer.getEntityManager()
                .createQuery("select x from " + entity + " x where x.layer.document.id = ?1 and x.layer.kind = ?2"
                        + " order by x.start", type).setParameter(1, fx.doc.id).setParameter(2, LayerKind.gold)
                .getResultList());
    }

    private long history(String type) {
        return QuarkusTransaction.requiringNew().call(() -> ChangeLogEntry.count(
                "documentId = ?1 and entityType = ?2", fx.doc.id, type));
    }

    @Test
    void agreedCuesMergeAtStartDisagreementsAreItemsAndAcceptReplaces() {
        TestData.Csrf csrf = TestData.csrf(session, page());
        csrf.form().when().post(page() + "/start").then().statusCode(303);
        // "reported" (both: reporting) merged; "told" came with the claims' hops
        assertTrue(gold(Cue.class).stream().anyMatch(c -> c.exact.equals("reported") && "reporting".equals(c.cueClass)));
        org.jsoup.nodes.Document html = get();
        Element believe = html.select("#cue-item-list > li").stream().filter(li -> li.text().contains("believe"))
                .findFirst().orElseThrow();
        assertEquals("open", believe.selectFirst(".item-status").text());
        assertEquals(2, believe.select("tr.version").size());
        assertTrue(believe.select("td.differs").text().contains("belief"));
        String samCue = believe.select("tr.version").get(1).selectFirst("input[name=mark]").val();
        long cueHistory = history("cue");
        csrf.form().formParam("kind", "cue").formParam("mark", samCue).when().post(page() + "/marks/accept").then()
                .statusCode(303).header("Location", containsString("#gold-cue-"));
        Cue g = gold(Cue.class).stream().filter(c -> c.exact.equals("believe")).findFirst().orElseThrow();
        assertEquals("hedge", g.cueClass);
        assertEquals(cueHistory + 1, history("cue"), "the gold cue's creation is in the history");
        // accepting rita's switches the class on the same gold span
        String ritaCue = believe.select("tr.version").get(0).selectFirst("input[name=mark]").val();
        csrf.form().formParam("kind", "cue").formParam("mark", ritaCue).when().post(page() + "/marks/accept").then()
                .statusCode(303);
        assertEquals(List.of("belief"), gold(Cue.class).stream().filter(c -> c.exact.equals("believe"))
                .map(c -> c.cueClass).toList());
        // remove it again
        csrf.form().formParam("kind", "cue").formParam("mark", String.valueOf(g.id)).when()
                .post(page() + "/marks/remove").then().statusCode(303);
        assertTrue(gold(Cue.class).stream().noneMatch(c -> c.exact.equals("believe")));
        // bad kind, foreign id
        csrf.form().formParam("kind", "claim").formParam("mark", samCue).when().post(page() + "/marks/accept").then()
                .statusCode(400);
        csrf.form().formParam("kind", "cue").formParam("mark", "999999").when().post(page() + "/marks/accept").then()
                .statusCode(303);
    }

    @Test
    void reviewersCannotWriteGoldMarksOutsiders404() {
        TestData.Csrf csrf = TestData.csrf(session, page());
        csrf.form().when().post(page() + "/start").then().statusCode(303);
        Map<String, String> rita = TestData.login("rita");
        TestData.Csrf ritaCsrf = TestData.csrf(rita, "/documents/" + fx.doc.id);
        ritaCsrf.form().formParam("kind", "cue").formParam("mark", "1").when().post(page() + "/marks/accept").then()
                .statusCode(403);
        ritaCsrf.form().when().post(page() + "/accept-unanimous").then().statusCode(403);
        Map<String, String> olga = TestData.login("olga");
        TestData.Csrf olgaCsrf = TestData.csrf(olga, "/projects");
        olgaCsrf.form().when().post(page() + "/accept-unanimous").then().statusCode(404);
    }

    @Test
    void acceptAllUnanimousRestoresUndoneMergesAndGoldClaimEditsAreInTheHistory() {
        TestData.Csrf csrf = TestData.csrf(session, page());
        csrf.form().when().post(page() + "/start").then().statusCode(303);
        long merged = history("claim");
        assertTrue(merged >= 1, "the merged claim's creation in gold is in the history");
        Element agreed = get().select("#item-list > li.item").get(0);
        String goldId = agreed.selectFirst(".gold-claim").id().substring("gold-".length());
        csrf.form().when().post(page() + "/claims/" + goldId + "/delete").then().statusCode(303);
        assertEquals(merged + 1, history("claim"), "deleting a gold claim is in the history");
        org.jsoup.nodes.Document html = get();
        assertEquals("Accept all unanimous (1)", html.selectFirst("button[data-accept-unanimous]").text());
        csrf.form().when().post(page() + "/accept-unanimous").then().statusCode(303);
        assertEquals("merged", get().select("#item-list > li.item").get(0).selectFirst(".item-status").text());
        assertEquals(merged + 2, history("claim"));
        assertTrue(get().select("button[data-accept-unanimous]").isEmpty(), "nothing unanimous left to accept");
    }

    @Test
    void theGoldClaimFormAddsMovesAndRemovesHopsWithTypeAhead() {
        TestData.Csrf csrf = TestData.csrf(session, page());
        csrf.form().when().post(page() + "/start").then().statusCode(303);
        Element item = get().select("#item-list > li.item").get(0);
        String edit = item.selectFirst("a[data-edit-gold]").attr("href");
        org.jsoup.nodes.Document form = Jsoup.parse(given().cookies(session).when().get(edit).then().statusCode(200)
                .extract().asString());
        Element f = form.selectFirst("form.claim-form");
        assertEquals("/documents/" + fx.doc.id + "/source-options", f.selectFirst("input[name='hops[0].sourceName']")
                .attr("hx-get"));
        assertEquals("source-names", f.selectFirst("input[name='hops[0].sourceName']").attr("list"));
        String claimId = f.selectFirst("input[name=claimId]").val();
        // move hop 2 (Harbor Courier) up: it becomes hop 1; the form still saves to the same gold claim
        String reshaped = csrf.form().formParam("claimId", claimId)
                .formParam("start", f.selectFirst("input[name=start]").val())
                .formParam("end", f.selectFirst("input[name=end]").val())
                .formParam("hops[0].sourceName", "Lanternfish").formParam("hops[0].relation", "asserts")
                .formParam("hops[1].sourceName", "Harbor Courier").formParam("hops[1].relation", "reports")
                .formParam("op", "up-1").header("HX-Request", "true")
                .when().post(page() + "/claim-form").then().statusCode(200).extract().asString();
        Element r = Jsoup.parse(reshaped).selectFirst("form.claim-form");
        assertEquals("Harbor Courier", r.selectFirst("input[name='hops[0].sourceName']").val());
        assertEquals(page() + "/claims/" + claimId, r.attr("action"));
        String added = csrf.form().formParam("claimId", claimId).formParam("start", "0").formParam("end", "5")
                .formParam("hops[0].sourceName", "Lanternfish").formParam("op", "add").header("HX-Request", "true")
                .when().post(page() + "/claim-form").then().statusCode(200).extract().asString();
        assertEquals(2, Jsoup.parse(added).select(".hop-row").size());
        // reviewers may not use it
        Map<String, String> rita = TestData.login("rita");
        TestData.csrf(rita, "/documents/" + fx.doc.id).form().formParam("op", "add").when()
                .post(page() + "/claim-form").then().statusCode(403);
    }

    @Test
    void markApiAcceptsRemovesAndFinishingWithOpenItemsNeedsConfirm() {
        String ada = TestData.token("ada");
        String rita = TestData.token("rita");
        String gold = "/api/v1/documents/" + fx.doc.id + "/gold";
        TestData.api(ada).when().post(gold).then().statusCode(201);
        var view = TestData.api(ada).when().get(gold).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> marks = view.getList("marks");
        Map<String, Object> officials = marks.stream().filter(m -> m.get("kind").equals("mention")
                && !(Boolean) m.get("agreed") && ((List<?>) m.get("goldMarks")).isEmpty()).findFirst().orElseThrow();
        long open = view.getLong("open");
        assertTrue(open >= 3, "open: " + open);
        Number from = (Number) ((List<?>) officials.get("reviewerMarks")).get(0);
        TestData.api(rita).body(Map.of("from", from)).when().post(gold + "/mentions").then().statusCode(403);
        TestData.api(ada).body(Map.of()).when().post(gold + "/mentions").then().statusCode(400);
        long id = TestData.api(ada).body(Map.of("from", from)).when().post(gold + "/mentions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertTrue(gold(Mention.class).stream().anyMatch(m -> m.id == id && m.exact.equals("Officials")));
        TestData.api(ada).when().get(gold).then().body("open", equalTo((int) open - 1));
        TestData.api(ada).when().delete(gold + "/mentions/" + id).then().statusCode(204);
        TestData.api(ada).when().delete(gold + "/mentions/" + id).then().statusCode(404);
        TestData.api(ada).when().post(gold + "/accept-unanimous").then().statusCode(200).body("accepted", equalTo(0));
        TestData.api(ada).when().post(gold + "/submit").then().statusCode(409)
                .body("detail", containsString(open + " items are still open"));
        TestData.api(ada).when().post(gold + "/submit?confirm=true").then().statusCode(200)
                .body("state", equalTo("submitted"));
        TestData.api(ada).body(Map.of("from", from)).when().post(gold + "/mentions").then().statusCode(409);
        TestData.api(ada).when().get(gold).then().body("marks", hasSize(marks.size()));
    }
}
