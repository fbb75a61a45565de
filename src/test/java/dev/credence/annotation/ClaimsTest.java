package dev.credence.annotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The claim page (chain, grades, history, comments), the comments API and who may see them. */
@QuarkusTest
class ClaimsTest {
    @Inject
    TestData data;
    @Inject
    DocumentPageFixtures fixtures;
    @Inject
    AnnotationService annotations;

    User rita;
    User sam;
    Document doc;
    Claim claim;

    @BeforeEach
    void setUp() {
        data.reset();
        dev.credence.history.HistoryFixtures.clear();
        User mia = data.user("mia");
        rita = data.user("rita");
        sam = data.user("sam");
        data.user("adam");
        data.user("outsider");
        Project p = data.project("Harbours", mia);
        data.member(p, "rita", "reviewer");
        data.member(p, "sam", "reviewer");
        data.member(p, "adam", "adjudicator");
        doc = fixtures.document(p, mia, "Port probes", DocumentPageFixtures.TEXT);
        int s = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, DocumentPageFixtures.SENTENCE);
        claim = annotations.createClaim(doc, rita, new ClaimInput(s, s + DocumentPageFixtures.SENTENCE.length(), "event",
                "asserted", true, 3, "Only the firm says so", null, List.of(
                        new HopInput(null, "Kestrel Labs", "firm_report", null, null, null, null, "asserts", "C"),
                        new HopInput(null, "Daily Meridian", "independent_media", null, null, null, null, "reports", "B"))));
        annotations.updateClaim(claim, rita, new ClaimInput(s, s + DocumentPageFixtures.SENTENCE.length(), "event",
                "asserted", true, 2, "Only the firm says so", null, List.of(
                        new HopInput(null, "Kestrel Labs", "firm_report", null, null, null, null, "asserts", "C"),
                        new HopInput(null, "Daily Meridian", "independent_media", null, null, null, null, "reports", "B"))),
                claim.version);
    }

    private String page() {
        return "/claims/" + claim.id;
    }

    private int status(String user) {
        return given().cookies(TestData.login(user)).redirects().follow(false).when().get(page()).statusCode();
    }

    @Test
    void claimPageShowsChainGradesAndHistoryWithDiffs() {
        var html = Jsoup.parse(given().cookies(TestData.login("rita")).when().get(page())
                .then().statusCode(200).extract().asString());
        assertEquals("Claim " + claim.id + " · Credence", html.title());
        assertEquals(DocumentPageFixtures.SENTENCE, html.selectFirst(".claim-text").text());
        assertEquals("Daily Meridian ← Kestrel Labs", html.selectFirst(".chain-line").ownText());
        assertEquals(List.of("Kestrel Labs", "Daily Meridian"), html.select("table td a[href^=/sources/]").eachText());
        assertNotNull(html.selectFirst(".grade.cred-2"));
        assertNotNull(html.selectFirst("td .grade.rel-c"));

        var changes = html.select(".timeline .change");
        assertEquals(2, changes.size());
        assertTrue(changes.get(0).selectFirst(".action").text().equals("create"));
        Element update = changes.get(1);
        assertEquals("update", update.selectFirst(".action").text());
        assertEquals(List.of("credibility"), update.select("tbody th").eachText(), "only the changed field");
        assertEquals("3", update.selectFirst("td.before").text());
        assertEquals("2", update.selectFirst("td.after").text());

        // the document page links each claim to this page
        var docPage = Jsoup.parse(given().cookies(TestData.login("rita")).when().get("/documents/" + doc.id).asString());
        assertNotNull(docPage.selectFirst("#claim-" + claim.id + " a[href=/claims/" + claim.id + "]"));
    }

    @Test
    void commentsAreThreadedThroughTheFormWithCsrf() {
        Map<String, String> adam = TestData.login("adam");
        TestData.Csrf csrf = TestData.csrf(adam, page());
        Response posted = csrf.form().formParam("body", "Is there a second source?").when().post(page() + "/comments");
        assertEquals(303, posted.statusCode());
        assertTrue(posted.getHeader("Location").contains("/claims/" + claim.id + "#comment-"));
        Long first = Long.valueOf(posted.getHeader("Location").replaceAll(".*#comment-", ""));

        TestData.Csrf ritaCsrf = TestData.csrf(TestData.login("rita"), page());
        assertEquals(303, ritaCsrf.form().formParam("body", "Not yet; graded 2 for now.").formParam("parentId", first)
                .when().post(page() + "/comments").statusCode());

        var html = Jsoup.parse(given().cookies(adam).when().get(page()).asString());
        var comments = html.select(".comments > li.comment");
        assertEquals(2, comments.size());
        assertTrue(comments.get(0).hasClass("depth-0"));
        assertTrue(comments.get(1).hasClass("depth-1"), "a reply is indented under its parent");
        assertEquals("Not yet; graded 2 for now.", comments.get(1).selectFirst(".comment-body").text());
        assertTrue(comments.get(1).selectFirst(".comment-head").text().contains("rita Display"));
        assertEquals("2", html.selectFirst("#comments-h .count").text());

        // blank: 422 with the message, on the page
        Response blank = csrf.form().formParam("body", "   ").when().post(page() + "/comments");
        assertEquals(422, blank.statusCode());
        assertTrue(Jsoup.parse(blank.asString()).selectFirst("[role=alert]").text().contains("body"));

        // without the CSRF token: refused
        assertEquals(400, given().cookies(adam).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("body", "no token").when().post(page() + "/comments").statusCode());
    }

    @Test
    void commentsApiNestsRepliesAndValidates() {
        String adam = TestData.token("adam");
        Integer first = TestData.api(adam).body(Map.of("body", "Why C for Kestrel Labs?"))
                .when().post("/api/v1/claims/{id}/comments", claim.id)
                .then().statusCode(201).body("author.username", equalTo("adam")).body("parentId", equalTo(null))
                .extract().path("id");
        TestData.api(TestData.token("rita")).body(Map.of("body", "Their last two reports were retracted.", "parentId", first))
                .when().post("/api/v1/claims/{id}/comments", claim.id)
                .then().statusCode(201).body("parentId", equalTo(first));

        TestData.api(adam).when().get("/api/v1/claims/{id}/comments", claim.id)
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].body", equalTo("Why C for Kestrel Labs?"))
                .body("[0].replies", hasSize(1))
                .body("[0].replies[0].author.username", equalTo("rita"));

        TestData.api(adam).body(Map.of("body", "")).when().post("/api/v1/claims/{id}/comments", claim.id)
                .then().statusCode(422).body("error", equalTo("unprocessable"));
        TestData.api(adam).body(Map.of("body", "x".repeat(4001))).when().post("/api/v1/claims/{id}/comments", claim.id)
                .then().statusCode(422);
        TestData.api(adam).body(Map.of("body", "x".repeat(4000))).when().post("/api/v1/claims/{id}/comments", claim.id)
                .then().statusCode(201);
        TestData.api(adam).body(Map.of("body", "reply to nothing", "parentId", 999999))
                .when().post("/api/v1/claims/{id}/comments", claim.id).then().statusCode(422);
        TestData.api(TestData.token("outsider")).when().get("/api/v1/claims/{id}/comments", claim.id)
                .then().statusCode(404);
    }

    @Test
    void reviewersSeeOtherLayersOnlyOnceSubmittedAndInAdjudication() {
        String samToken = TestData.token("sam");
        TestData.api(TestData.token("adam")).body(Map.of("body", "Check the ministry statement."))
                .when().post("/api/v1/claims/{id}/comments", claim.id).then().statusCode(201);

        // the owner, the adjudicator and the manager see the claim and its comments at any time
        assertEquals(200, status("rita"));
        assertEquals(200, status("adam"));
        assertEquals(200, status("mia"));
        TestData.api(TestData.token("rita")).when().get("/api/v1/claims/{id}/comments", claim.id)
                .then().statusCode(200).body("$", hasSize(1));
        // another reviewer of the document: not before they submit their own layer (blind review)
        assertEquals(404, status("sam"));
        TestData.api(samToken).when().get("/api/v1/claims/{id}/comments", claim.id).then().statusCode(404);
        TestData.api(samToken).body(Map.of("body", "peek")).when().post("/api/v1/claims/{id}/comments", claim.id)
                .then().statusCode(404);

        // (through the service: the API route /api/v1/documents/{id}/submit is shadowed by DocumentApi on this branch)
        annotations.submit(annotations.layerFor(doc, sam), sam);
        // rita is still working: her claim stays hidden from sam (docs/review-workflow.md, who sees which layer)
        assertEquals(404, status("sam"));
        TestData.api(samToken).when().get("/api/v1/claims/{id}/comments", claim.id).then().statusCode(404);

        // rita submits and the document goes into adjudication: now sam may read it
        annotations.submit(annotations.layerFor(doc, rita), rita);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            Layer gold = new Layer();
            gold.document = dev.credence.document.Document.findById(doc.id);
            gold.kind = LayerKind.gold;
            gold.state = LayerState.in_progress;
            gold.updatedAt = java.time.Instant.now();
            gold.persist();
        });
        assertEquals(200, status("sam"));
        TestData.api(samToken).when().get("/api/v1/claims/{id}/comments", claim.id)
                .then().statusCode(200).body("[0].body", equalTo("Check the ministry statement."));

        // reopening hides them again
        annotations.reopen(annotations.layerFor(doc, sam), sam);
        assertEquals(404, status("sam"));
    }

    @Test
    void apiPutWithAStaleVersionIs409AndLeavesNoHistory() {
        String rita = TestData.token("rita");
        int start = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, DocumentPageFixtures.SENTENCE);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("start", start,
                "end", start + DocumentPageFixtures.SENTENCE.length(), "credibility", 4, "version", 0,
                "attribution", List.of(Map.of("source", Map.of("name", "Kestrel Labs"), "reliability", "D"))));
        TestData.api(rita).body(body).when().put("/api/v1/claims/{id}", claim.id)
                .then().statusCode(409).body("error", equalTo("conflict"));
        TestData.api(TestData.token("adam")).when().get("/api/v1/projects/{id}/history", doc.project.id)
                .then().statusCode(200).body("total", equalTo(2));
        body.put("version", 1);
        TestData.api(rita).body(body).when().put("/api/v1/claims/{id}", claim.id)
                .then().statusCode(200).body("version", equalTo(2)).body("credibility", equalTo(4));
        // a PUT replaces every field: those it leaves out are cleared, and recorded as changed
        TestData.api(TestData.token("adam")).when().get("/api/v1/projects/{id}/history", doc.project.id)
                .then().statusCode(200).body("total", equalTo(3)).body("items[0].changedFields",
                        equalTo(List.of("kind", "stance", "checkWorthy", "credibility", "rationale", "attribution")));
    }

    @Test
    void nonMembersAndUnknownClaimsGet404() {
        assertEquals(404, status("outsider"));
        assertEquals(404, given().cookies(TestData.login("rita")).when().get("/claims/999999").statusCode());
        assertFalse(given().cookies(TestData.login("outsider")).when().get(page()).asString().contains(DocumentPageFixtures.SENTENCE));
    }
}
