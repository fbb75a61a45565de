package dev.credence.source;

import static dev.credence.source.SourceFixtures.hop;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.project.Project;
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
class SourcesTest {
    @Inject
    TestData data;
    @Inject
    SourceFixtures fixtures;

    User ann;
    User bob;
    Project alpha;
    Project beta;
    Map<String, String> annSession;

    @BeforeEach
    void setUp() {
        data.reset();
        ann = data.user("ann");
        bob = data.user("bob");
        alpha = data.project("Alpha", ann);
        beta = data.project("Beta", bob);
        annSession = TestData.login("ann");
    }

    static org.jsoup.nodes.Document page(Map<String, String> session, String path) {
        String html = given().cookies(session).when().get(path).then().statusCode(200).extract().asString();
        return Jsoup.parse(html);
    }

    static org.jsoup.nodes.Document search(Map<String, String> session, String q) {
        String html = given().cookies(session).queryParam("q", q).when().get("/sources").then().statusCode(200)
                .extract().asString();
        return Jsoup.parse(html);
    }

    static List<String> listedNames(org.jsoup.nodes.Document html) {
        return html.select("table.sources tbody th a").eachText();
    }

    static long sources() {
        return QuarkusTransaction.requiringNew().call(() -> Source.count());
    }

    @Test
    void listSearchesNamesAndAliasesIgnoringCase() {
        fixtures.source("TeamT5", SourceType.firm_report, "Team T5 researchers");
        fixtures.source("Xinhua", SourceType.state_media, "New China News Agency");
        fixtures.source("POLITICO", SourceType.independent_media);

        assertEquals(List.of("POLITICO", "TeamT5", "Xinhua"), listedNames(page(annSession, "/sources")));
        assertEquals(List.of("TeamT5"), listedNames(search(annSession, "t5 RESEARCHERS")));
        assertEquals(List.of("Xinhua"), listedNames(page(annSession, "/sources?q=china")));
        assertEquals(List.of("Xinhua"), listedNames(page(annSession, "/sources?q=xinh")));
        var none = search(annSession, "%");
        assertTrue(listedNames(none).isEmpty(), "a % is a character, not a wildcard");
        var row = page(annSession, "/sources?q=teamt5").selectFirst("table.sources tbody tr");
        assertTrue(row.text().contains("firm report"), row.text());
        assertTrue(row.selectFirst("td.aliases").text().contains("Team T5 researchers"));
    }

    @Test
    void listFiltersByTypeWithHumanLabels() {
        fixtures.source("TeamT5", SourceType.firm_report);
        fixtures.source("Xinhua", SourceType.state_media);
        var html = page(annSession, "/sources?type=state_media");
        assertEquals(List.of("Xinhua"), listedNames(html));
        Element selected = html.selectFirst("select#type option[selected]");
        assertEquals("state media", selected.text());
        assertEquals(SourceType.values().length + 1, html.select("select#type option").size());
        assertNotNull(html.selectFirst("label[for=type]"));
        assertNotNull(html.selectFirst("label[for=q]"));
    }

    @Test
    void listPagesThroughManySources() {
        for (int i = 0; i < Sources.PAGE_SIZE + 3; i++) {
            fixtures.source(String.format("Outlet %02d", i), SourceType.independent_media);
        }
        var first = page(annSession, "/sources");
        assertEquals(Sources.PAGE_SIZE, listedNames(first).size());
        assertNotNull(first.selectFirst("nav.pager a[rel=next]"));
        var second = page(annSession, "/sources?page=1");
        assertEquals(List.of("Outlet 25", "Outlet 26", "Outlet 27"), listedNames(second));
    }

    @Test
    void formsCarryCsrfAndLabels() {
        Source s = fixtures.source("TeamT5", SourceType.firm_report);
        for (String path : List.of("/sources/new", "/sources/" + s.id + "/edit", "/sources/" + s.id)) {
            var html = page(annSession, path);
            for (Element form : html.select("main form[method=post]")) {
                assertFalse(form.select("input[type=hidden][name=csrf-token]").attr("value").isBlank(), path);
                for (Element input : form.select("input:not([type=hidden]):not([type=radio]), select, textarea")) {
                    assertNotNull(form.selectFirst("label[for=" + input.id() + "]"), path + " #" + input.id());
                }
                for (Element radio : form.select("input[type=radio]")) {
                    assertEquals("label", radio.parent().tagName(), path);
                }
            }
        }
    }

    @Test
    void createRedirects303ToTheNewSource() {
        fixtures.source("POLITICO", SourceType.independent_media);
        var response = TestData.csrf(annSession, "/sources/new").form()
                .formParam("name", "  Politico Europe desk ").formParam("type", "independent_media")
                .formParam("country", "Belgium").formParam("parent", "politico")
                .formParam("url", "https://example.org/politico-eu").formParam("sameAs", "https://www.wikidata.org/wiki/Q0")
                .formParam("description", "Brussels desk").formParam("aliases", "Politico EU, POLITICO Europe\nPE desk")
                .when().post("/sources");
        assertEquals(303, response.statusCode());
        String location = response.header("Location");
        assertTrue(location.matches(".*/sources/\\d+$"), location);

        var html = page(annSession, location.replaceAll("^https?://[^/]+", ""));
        assertEquals("Politico Europe desk", html.selectFirst("h1").text());
        String facts = html.selectFirst("dl.source-facts").text();
        assertTrue(facts.contains("Aliases PE desk, Politico EU, POLITICO Europe"), facts);
        assertTrue(facts.contains("Belgium"), facts);
        assertEquals("POLITICO", html.selectFirst("dl.source-facts a[href^=/sources/]").text());

        Source parent = QuarkusTransaction.requiringNew().call(() -> Source.<Source>find("name", "POLITICO").firstResult());
        var parentPage = page(annSession, "/sources/" + parent.id);
        assertTrue(parentPage.selectFirst("dl.source-facts").text().contains("Includes Politico Europe desk"));
    }

    @Test
    void invalidFormsAreRerenderedWithTheMessageAndValuesAndPersistNothing() {
        var csrf = TestData.csrf(annSession, "/sources/new");
        var missingName = csrf.form().formParam("name", " ").formParam("type", "firm_report").formParam("country", "Taiwan")
                .when().post("/sources");
        assertEquals(422, missingName.statusCode());
        var html = Jsoup.parse(missingName.asString());
        assertTrue(html.selectFirst("[role=alert]").text().startsWith("name: required"));
        assertEquals("Taiwan", html.selectFirst("input#country").val());
        assertEquals("firm_report", html.selectFirst("select#type option[selected]").val());

        var badUrl = csrf.form().formParam("name", "TeamT5").formParam("type", "firm_report")
                .formParam("url", "javascript:alert(1)").formParam("aliases", "Team T5").when().post("/sources");
        assertEquals(422, badUrl.statusCode());
        html = Jsoup.parse(badUrl.asString());
        assertTrue(html.selectFirst("[role=alert]").text().startsWith("url:"));
        assertEquals("Team T5", html.selectFirst("textarea#aliases").text());

        var badType = csrf.form().formParam("name", "TeamT5").formParam("type", "rumour").when().post("/sources");
        assertEquals(422, badType.statusCode());
        var unknownParent = csrf.form().formParam("name", "TeamT5").formParam("type", "firm_report")
                .formParam("parent", "Nobody Inc").when().post("/sources");
        assertEquals(422, unknownParent.statusCode());
        assertTrue(Jsoup.parse(unknownParent.asString()).selectFirst("[role=alert]").text().contains("Nobody Inc"));

        assertEquals(0, sources());
    }

    @Test
    void postWithoutCsrfIsRejected() {
        int status = given().redirects().follow(false).cookies(annSession).contentType("application/x-www-form-urlencoded")
                .formParam("name", "TeamT5").formParam("type", "firm_report").when().post("/sources").statusCode();
        assertEquals(400, status);
        assertEquals(0, sources());
    }

    @Test
    void duplicateNameOrAliasLinksToTheExistingSource() {
        Source existing = fixtures.source("TeamT5", SourceType.firm_report, "Team T5");
        var csrf = TestData.csrf(annSession, "/sources/new");
        for (String[] attempt : List.of(new String[] {"teamt5", ""}, new String[] {"Team T5", ""},
                new String[] {"T5 Corp", "TEAM t5"})) {
            var response = csrf.form().formParam("name", attempt[0]).formParam("type", "firm_report")
                    .formParam("aliases", attempt[1]).when().post("/sources");
            assertEquals(409, response.statusCode(), attempt[0]);
            Element alert = Jsoup.parse(response.asString()).selectFirst("[role=alert]");
            assertTrue(alert.text().contains("already in the registry"), alert.text());
            assertEquals("/sources/" + existing.id, alert.selectFirst("a").attr("href"));
        }
        assertEquals(1, sources());
    }

    @Test
    void editChangesSharedFieldsAndAliases() {
        Source s = fixtures.source("TeamT5", SourceType.firm_report, "Team T5", "T5");
        var edit = page(annSession, "/sources/" + s.id + "/edit");
        assertEquals("TeamT5", edit.selectFirst("input#name").val());
        assertEquals("T5, Team T5", edit.selectFirst("textarea#aliases").text());

        var response = TestData.csrf(annSession, "/sources/" + s.id + "/edit").form()
                .formParam("name", "TeamT5").formParam("type", "firm_report").formParam("country", "Taiwan")
                .formParam("aliases", "Team T5\nTeamT5 researchers").when().post("/sources/" + s.id);
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/sources/" + s.id));
        var html = page(annSession, "/sources/" + s.id);
        String facts = html.selectFirst("dl.source-facts").text();
        assertEquals("Team T5, TeamT5 researchers", html.select("dl.source-facts dd").get(1).text());
        assertTrue(facts.contains("Taiwan"), facts);

        var self = TestData.csrf(annSession, "/sources/" + s.id + "/edit").form()
                .formParam("name", "TeamT5").formParam("type", "firm_report").formParam("parent", "TeamT5")
                .when().post("/sources/" + s.id);
        assertEquals(422, self.statusCode());
    }

    /** A fictional article with a two-hop claim: "Harbor Ledger ← Kestrel Labs". */
    Claim claimIn(Project project, User reviewer, Source originator, Source outlet, String title) {
        Document d = fixtures.document(project, title,
                "Researchers at the security firm Kestrel Labs told the Harbor Ledger that the intrusion began in March. "
                        + "Officials declined to comment. " + title);
        return fixtures.claim(fixtures.layer(d, reviewer), "the intrusion began in March", 3,
                hop(originator, Relation.asserts, "B"), hop(outlet, Relation.reports, "A"));
    }

    @Test
    void showPageListsHistoryNewestFirstAndAttributedClaims() {
        Source kestrel = fixtures.source("Kestrel Labs", SourceType.firm_report);
        Source ledger = fixtures.source("Harbor Ledger", SourceType.independent_media);
        Claim claim = claimIn(alpha, ann, kestrel, ledger, "Intrusion traced to spring");

        var csrf = TestData.csrf(annSession, "/sources/" + kestrel.id);
        var first = csrf.form().formParam("projectId", alpha.id).formParam("grade", "c")
                .formParam("rationale", "One report so far").when().post("/sources/" + kestrel.id + "/grades");
        assertEquals(303, first.statusCode());
        assertTrue(first.header("Location").contains("/sources/" + kestrel.id));
        assertEquals(303, csrf.form().formParam("projectId", alpha.id).formParam("grade", "B")
                .formParam("rationale", "Confirmed twice since").when().post("/sources/" + kestrel.id + "/grades").statusCode());

        var html = page(annSession, "/sources/" + kestrel.id);
        Elements history = html.select("section[aria-labelledby=history-h] table tbody tr");
        assertEquals(2, history.size(), "adding a grade keeps the earlier one");
        // Each grade with the one it replaced in the project (the change), who, when and why.
        assertTrue(history.get(0).text().startsWith("B usually reliable C → B Confirmed twice since ann Display"), history.get(0).text());
        assertTrue(history.get(1).text().startsWith("C fairly reliable first grade One report so far"), history.get(1).text());
        assertEquals("rel-b", history.get(0).selectFirst(".grade").classNames().stream().filter(c -> c.startsWith("rel-")).findFirst().orElseThrow());

        Elements claims = html.select("table.attributed tbody tr");
        assertEquals(1, claims.size());
        Element row = claims.get(0);
        assertEquals("/documents/" + claim.layer.document.id + "#claim-" + claim.id, row.selectFirst("a").attr("href"));
        assertEquals("Intrusion traced to spring", row.selectFirst("a").text());
        assertTrue(row.text().contains("the intrusion began in March"));
        assertTrue(row.text().contains("Harbor Ledger ← Kestrel Labs"), row.text());
        assertTrue(row.text().contains("asserts"), row.text());
        assertTrue(row.text().contains("B usually reliable"), row.text());
        assertTrue(row.text().contains("3 possibly true"), row.text());
        assertNotNull(html.selectFirst("table.attributed caption"));
        assertEquals(6, html.select("table.attributed th[scope=col]").size());

        var list = page(annSession, "/sources?q=kestrel").selectFirst("table.sources tbody tr");
        assertEquals("1", list.selectFirst("td.num").text());
        assertTrue(list.text().contains("B usually reliable"), list.text());
    }

    @Test
    void anotherProjectsGradesAndClaimsStayInvisible() {
        Source kestrel = fixtures.source("Kestrel Labs", SourceType.firm_report);
        Source ledger = fixtures.source("Harbor Ledger", SourceType.independent_media);
        claimIn(alpha, ann, kestrel, ledger, "Alpha's article");
        var csrf = TestData.csrf(annSession, "/sources/" + kestrel.id);
        csrf.form().formParam("projectId", alpha.id).formParam("grade", "E").formParam("rationale", "alpha secret")
                .when().post("/sources/" + kestrel.id + "/grades").then().statusCode(303);

        var bobSession = TestData.login("bob");
        var html = page(bobSession, "/sources/" + kestrel.id);
        assertEquals("Kestrel Labs", html.selectFirst("h1").text(), "the registry entry itself is shared");
        assertFalse(html.text().contains("alpha secret"));
        assertFalse(html.text().contains("Alpha's article"));
        assertTrue(html.select("table.attributed").isEmpty());
        assertTrue(html.select("section[aria-labelledby=history-h] table").isEmpty());
        assertEquals(List.of(String.valueOf(beta.id)), html.select("select#projectId option").eachAttr("value"));

        var row = page(bobSession, "/sources?q=kestrel").selectFirst("table.sources tbody tr");
        assertEquals("0", row.selectFirst("td.num").text());
        assertTrue(row.text().contains("reliability not graded"), row.text());

        // Bob may not grade inside Alpha, nor learn that it exists.
        var bobCsrf = TestData.csrf(bobSession, "/sources/" + kestrel.id);
        int status = bobCsrf.form().formParam("projectId", alpha.id).formParam("grade", "A")
                .when().post("/sources/" + kestrel.id + "/grades").statusCode();
        assertEquals(404, status);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> SourceGrade.count()));
    }

    @Test
    void reviewersDoNotSeeOtherReviewersLayersButManagersDo() {
        Source kestrel = fixtures.source("Kestrel Labs", SourceType.firm_report);
        Source ledger = fixtures.source("Harbor Ledger", SourceType.independent_media);
        User cat = data.user("cat");
        data.member(alpha, "cat", "reviewer");
        claimIn(alpha, ann, kestrel, ledger, "Ann's layer");

        var catSession = TestData.login("cat");
        assertTrue(page(catSession, "/sources/" + kestrel.id).select("table.attributed").isEmpty(), "blind review");
        assertEquals(1, page(annSession, "/sources/" + kestrel.id).select("table.attributed tbody tr").size(),
                "the manager sees every layer");
        assertNotNull(cat);
    }

    @Test
    void badGradeIsRerenderedWith422AndNothingStored() {
        Source s = fixtures.source("Kestrel Labs", SourceType.firm_report);
        var response = TestData.csrf(annSession, "/sources/" + s.id).form().formParam("projectId", alpha.id)
                .formParam("grade", "G").formParam("rationale", "keep me").when().post("/sources/" + s.id + "/grades");
        assertEquals(422, response.statusCode());
        var html = Jsoup.parse(response.asString());
        assertTrue(html.selectFirst("[role=alert]").text().contains("not one of A, B, C, D, E, F"));
        assertEquals("keep me", html.selectFirst("textarea#rationale").text());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> SourceGrade.count()));
    }

    @Inject
    org.hibernate.SessionFactory sessionFactory;

    long statementsFor(String path) {
        var stats = sessionFactory.getStatistics();
        stats.setStatisticsEnabled(true);
        stats.clear();
        page(annSession, path);
        long n = stats.getPrepareStatementCount();
        stats.setStatisticsEnabled(false);
        return n;
    }

    @Test
    void showPageQueriesDoNotGrowWithTheNumberOfClaims() {
        Source kestrel = fixtures.source("Kestrel Labs", SourceType.firm_report);
        Source ledger = fixtures.source("Harbor Ledger", SourceType.independent_media);
        claimIn(alpha, ann, kestrel, ledger, "Story 0");
        claimIn(alpha, ann, kestrel, ledger, "Story 1");
        page(annSession, "/sources/" + kestrel.id); // warm up
        long few = statementsFor("/sources/" + kestrel.id);
        for (int i = 2; i < 14; i++) {
            claimIn(alpha, ann, kestrel, ledger, "Story " + i);
        }
        long many = statementsFor("/sources/" + kestrel.id);
        assertEquals(14, page(annSession, "/sources/" + kestrel.id).select("table.attributed tbody tr").size());
        assertTrue(few > 0, "statistics are counting");
        assertTrue(many <= few + 2, "statements with 2 claims: " + few + ", with 14: " + many);
        assertTrue(statementsFor("/sources") <= few + 2);
    }

    @Test
    void unknownSourceIs404AndPagesNeedALogin() {
        given().cookies(annSession).when().get("/sources/999999").then().statusCode(404);
        int status = given().redirects().follow(false).when().get("/sources").statusCode();
        assertTrue(status == 302 || status == 303 || status == 401, "status " + status);
    }
}
