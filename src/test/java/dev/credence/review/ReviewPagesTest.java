package dev.credence.review;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue, "Next document", "Take this document" and the dashboard pages. */
@QuarkusTest
class ReviewPagesTest {
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    ReviewFixtures review;

    User mia;
    User rob;
    User sue;
    Project project;

    @BeforeEach
    void setUp() {
        data.reset();
        mia = data.user("mia");
        rob = data.user("rob");
        sue = data.user("sue");
        data.user("ada");
        project = data.project("Strait watch", mia);
        data.member(project, "rob", "reviewer");
        data.member(project, "sue", "reviewer");
        data.member(project, "ada", "adjudicator");
    }

    org.jsoup.nodes.Document page(Map<String, String> session, String path) {
        return Jsoup.parse(given().cookies(session).when().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void homeIsTheQueue() {
        given().redirects().follow(false).cookies(TestData.login("rob")).when().get("/")
                .then().statusCode(303).header("Location", endsWith("/queue"));
    }

    @Test
    void nextRedirectsToTheDocumentThenBackToTheQueueWhenNothingIsLeft() {
        Document only = fixtures.document(project, "Only one", ARTICLE);
        Map<String, String> session = TestData.login("rob");
        var csrf = TestData.csrf(session, "/queue");
        csrf.form().when().post("/projects/" + project.id + "/next")
                .then().statusCode(303).header("Location", endsWith("/documents/" + only.id));
        review.submit(only, rob);
        csrf.form().when().post("/projects/" + project.id + "/next")
                .then().statusCode(303).header("Location", endsWith("/queue"));
        // Without the CSRF field the POST is refused.
        given().redirects().follow(false).cookies(session).contentType("application/x-www-form-urlencoded")
                .when().post("/projects/" + project.id + "/next").then().statusCode(400);
    }

    @Test
    void queueGroupsLayersByStateWithANextButtonPerProject() {
        Document a = fixtures.document(project, "Alpha", ARTICLE + "a");
        Document b = fixtures.document(project, "Bravo", ARTICLE + "b");
        Document c = fixtures.document(project, "Charlie", ARTICLE + "c");
        review.layer(a, rob, LayerKind.reviewer, LayerState.assigned);
        review.claim(b, rob);
        review.submit(c, rob);
        var html = page(TestData.login("rob"), "/queue");
        assertEquals("My queue · Credence", html.title());
        assertEquals("Alpha", html.select("#assigned li a").text());
        assertEquals("/documents/" + a.id, html.select("#assigned li a").attr("href"));
        assertEquals("Bravo", html.select("#in-progress li a").text());
        assertEquals("Charlie", html.select("#submitted li a").text());
        assertEquals("1", html.select("#submitted-h .count").text());
        Element next = html.selectFirst("form[action=/projects/" + project.id + "/next]");
        assertTrue(next != null && next.selectFirst("button").text().equals("Next document"));
        assertFalse(next.select("input[name=csrf-token]").attr("value").isBlank());
    }

    @Test
    void projectPageLinksDashboardAndNext() {
        var manager = page(TestData.login("mia"), "/projects/" + project.id);
        assertEquals(1, manager.select("a[href=/projects/" + project.id + "/dashboard]").size());
        assertEquals(1, manager.select("form[action=/projects/" + project.id + "/next]").size());
        var reviewer = page(TestData.login("rob"), "/projects/" + project.id);
        assertEquals(0, reviewer.select("a[href=/projects/" + project.id + "/dashboard]").size());
    }

    @Test
    void aThirdReviewOnOneDocumentDoesNotCountForAnUnreviewedOne() {
        data.user("tom");
        data.member(project, "tom", "reviewer");
        User tom = User.findByUsername("tom").orElseThrow();
        Document a = fixtures.document(project, "Alpha", ARTICLE + "a");
        fixtures.document(project, "Bravo", ARTICLE + "b");
        review.layer(a, rob, LayerKind.reviewer, LayerState.submitted);
        review.layer(a, sue, LayerKind.reviewer, LayerState.submitted);
        review.layer(a, tom, LayerKind.reviewer, LayerState.submitted);
        var html = page(TestData.login("mia"), "/projects/" + project.id + "/dashboard");
        // 2 documents x 2 reviewers: Alpha counts 2 (not 3), Bravo none: 50 %, not 75 %.
        assertEquals("50", html.select("#overall-progress").attr("value"));
        assertTrue(html.getElementById("live").text().contains("2 of 4 reviews (50%)"), html.text());
        assertEquals("1 of 2 documents have a submitted review.", html.getElementById("documents-reviewed").text());
    }

    @Test
    void dashboardShowsProgressStatesAndAssignees() {
        Document a = fixtures.document(project, "Alpha", ARTICLE + "a");
        Document b = fixtures.document(project, "Bravo", ARTICLE + "b");
        fixtures.document(project, "Charlie", ARTICLE + "c");
        review.claim(a, rob);
        review.submit(a, rob);
        review.claim(a, sue);
        review.submit(a, sue);
        review.layer(b, rob, LayerKind.reviewer, LayerState.assigned);
        var html = page(TestData.login("mia"), "/projects/" + project.id + "/dashboard");
        assertEquals("Dashboard · Strait watch · Credence", html.title());
        Element live = html.getElementById("live");
        assertEquals("/projects/" + project.id + "/dashboard/live", live.attr("hx-get"));
        assertEquals("every 15s", live.attr("hx-trigger"));
        // 2 submitted of 3 documents × 2 reviewers.
        assertEquals("33", html.select("#overall-progress").attr("value"));
        assertTrue(html.select("label[for=overall-progress]").size() == 1);
        assertTrue(live.text().contains("2 of 6 reviews (33%)"), live.text());
        Element robRow = html.getElementById("reviewer-rob");
        assertTrue(robRow.text().contains("1 / 2"), robRow.text());
        assertEquals("1", robRow.select(".claims").text());
        assertEquals("50", robRow.select("progress").attr("value"));
        assertEquals("submitted by all", html.select("#doc-" + a.id + " td.state").text());
        assertEquals("assigned", html.select("#doc-" + b.id + " td.state").text());
        assertTrue(html.select(".states").text().contains("1 unassigned"), html.select(".states").text());
        assertEquals("/projects/" + project.id + "/agreement", html.select("section#agreement a").attr("href"));
        // The manager can assign; an untouched assignment can be removed.
        assertEquals(3, html.select("form[action=/projects/" + project.id + "/dashboard/assignments]").size());
        assertEquals(1, html.select("form[action=/projects/" + project.id + "/dashboard/assignments/remove]").size());
        // agreement figures, refreshed on their own
        var agreement = html.selectFirst("section#agreement");
        assertEquals("/projects/" + project.id + "/dashboard/agreement", agreement.attr("hx-get"));
        assertTrue(agreement.text().contains("Credibility 1–6"), agreement.text());
        assertEquals(4, agreement.select("tbody tr").size());
    }

    @Test
    void agreementFragmentIsOnlyTheAgreementSection() {
        String body = given().cookies(TestData.login("mia")).header("HX-Request", "true")
                .when().get("/projects/" + project.id + "/dashboard/agreement").then().statusCode(200).extract().asString();
        var html = Jsoup.parseBodyFragment(body);
        assertEquals(1, html.select("section#agreement[hx-trigger=every 30s]").size());
        assertTrue(html.select("header, h1, #documents-h").isEmpty());
        // no two submitted layers yet: figures are undefined, shown as a dash
        assertTrue(html.select("td").eachText().contains("—"));
    }

    @Test
    void liveFragmentIsOnlyTheLiveRegion() {
        fixtures.document(project, "Alpha", ARTICLE);
        String body = given().cookies(TestData.login("mia")).header("HX-Request", "true")
                .when().get("/projects/" + project.id + "/dashboard/live").then().statusCode(200).extract().asString();
        var html = Jsoup.parseBodyFragment(body);
        assertEquals(1, html.select("div#live[hx-trigger=every 15s]").size());
        assertTrue(html.select("header, h1, #documents-h").isEmpty());
    }

    @Test
    void adjudicatorReadsTheDashboardWithoutFormsReviewerIsRefused() {
        fixtures.document(project, "Alpha", ARTICLE);
        var html = page(TestData.login("ada"), "/projects/" + project.id + "/dashboard");
        assertTrue(html.select("form[action*=assignments]").isEmpty());
        given().cookies(TestData.login("rob")).when().get("/projects/" + project.id + "/dashboard").then().statusCode(403);
        given().cookies(TestData.login("rob")).when().get("/projects/" + project.id + "/dashboard/live").then().statusCode(403);
    }

    @Test
    void assignFormAssignsReassignsAndRemoves() {
        Document a = fixtures.document(project, "Alpha", ARTICLE);
        var csrf = TestData.csrf(TestData.login("mia"), "/projects/" + project.id + "/dashboard");
        String base = "/projects/" + project.id + "/dashboard/assignments";
        csrf.form().formParam("documentId", a.id).formParam("username", "rob").when().post(base)
                .then().statusCode(303).header("Location", endsWith("/dashboard#doc-" + a.id));
        csrf.form().formParam("documentId", a.id).formParam("username", "sue").formParam("from", "rob").when().post(base)
                .then().statusCode(303);
        var html = page(csrf.cookies(), "/projects/" + project.id + "/dashboard");
        assertTrue(html.select("#doc-" + a.id + " .assignees").text().contains("sue Display"));
        assertFalse(html.select("#doc-" + a.id + " .assignees").text().contains("rob Display"));
        csrf.form().formParam("documentId", a.id).formParam("username", "sue").when().post(base + "/remove")
                .then().statusCode(303);
        assertEquals(0, review.reviewerLayers(a));
        // A reviewer cannot use the form; a document of another project is 404.
        var robCsrf = TestData.csrf(TestData.login("rob"), "/queue");
        robCsrf.form().formParam("documentId", a.id).formParam("username", "rob").when().post(base).then().statusCode(403);
        Project other = data.project("Other", mia);
        Document foreign = fixtures.document(other, "Foreign", ARTICLE);
        csrf.form().formParam("documentId", foreign.id).formParam("username", "rob").when().post(base).then().statusCode(404);
    }

    @Test
    void documentPageOffersTakeWhileSlotsRemain() {
        Document a = fixtures.document(project, "Alpha", ARTICLE);
        Map<String, String> session = TestData.login("rob");
        var html = page(session, "/documents/" + a.id);
        assertEquals("Take this document", html.select("form#take button").text());
        var csrf = TestData.csrf(session, "/documents/" + a.id);
        csrf.form().formParam("documentId", a.id).when().post("/queue/take")
                .then().statusCode(303).header("Location", endsWith("/documents/" + a.id));
        assertTrue(page(session, "/documents/" + a.id).select("#take").isEmpty());
        review.layer(a, sue, LayerKind.reviewer, LayerState.assigned);
        Map<String, String> mia = TestData.login("mia");
        var full = page(mia, "/documents/" + a.id);
        assertTrue(full.select("form#take").isEmpty());
        assertTrue(full.select("p#take").text().contains("already has its reviewers"));
        var miaCsrf = TestData.csrf(mia, "/documents/" + a.id);
        miaCsrf.form().formParam("documentId", a.id).when().post("/queue/take").then().statusCode(303);
        assertEquals(2, review.reviewerLayers(a));
    }
}
