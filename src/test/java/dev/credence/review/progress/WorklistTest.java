package dev.credence.review.progress;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.review.ReviewFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The document worklist page and API: filter by state and assignee, sort, bulk assignment (managers). */
@QuarkusTest
class WorklistTest {
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    ReviewFixtures review;

    User mia;
    User rob;
    Project project;
    Document alpha;
    Document bravo;
    Document charlie;

    @BeforeEach
    void setUp() {
        data.reset();
        mia = data.user("mia");
        rob = data.user("rob");
        data.user("sue");
        data.user("ola");
        project = data.project("Strait watch", mia);
        data.member(project, "rob", "reviewer");
        data.member(project, "sue", "reviewer");
        alpha = doc("Alpha", LocalDate.of(2026, 3, 2));
        bravo = doc("Bravo", LocalDate.of(2026, 1, 5));
        charlie = doc("Charlie", null);
        review.layer(alpha, rob, LayerKind.reviewer, LayerState.submitted);
    }

    Document doc(String title, LocalDate date) {
        Document d = fixtures.document(project, title, ARTICLE + title);
        QuarkusTransaction.requiringNew().run(() -> Document.<Document>findById(d.id).publishedAt = date);
        return d;
    }

    private String page() {
        return "/projects/" + project.id + "/worklist";
    }

    private long layers(Document d) {
        return QuarkusTransaction.requiringNew().call(() -> Layer.count("document.id = ?1 and kind = ?2", d.id,
                LayerKind.reviewer));
    }

    @Test
    void filtersAndSortsOnThePage() {
        Map<String, String> session = TestData.login("rob");
        var html = Jsoup.parse(given().cookies(session).when().get(page() + "?sort=date").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of("Bravo", "Alpha", "Charlie"), html.select("table.worklist tbody td:nth-child(1) a").eachText());
        assertTrue(html.select("input[name=documentId]").isEmpty(), "reviewers get no selection boxes");
        html = Jsoup.parse(given().cookies(session).when().get(page() + "?state=unassigned&sort=title").then()
                .statusCode(200).extract().asString());
        assertEquals(List.of("Bravo", "Charlie"), html.select("table.worklist tbody td a").eachText());
        html = Jsoup.parse(given().cookies(session).when().get(page() + "?assignee=rob").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of("Alpha"), html.select("table.worklist tbody td a").eachText());
        html = Jsoup.parse(given().cookies(session).when().get(page() + "?from=2026-02-01&to=2026-12-31").then()
                .statusCode(200).extract().asString());
        assertEquals(List.of("Alpha"), html.select("table.worklist tbody td a").eachText());
        assertEquals("2026-02-01", html.selectFirst("#f-from").val());
        given().cookies(session).when().get(page() + "?from=March").then().statusCode(422);
        html = Jsoup.parse(given().cookies(session).when().get(page() + "?state=bogus").then().statusCode(422)
                .extract().asString());
        assertTrue(html.selectFirst("#worklist-error").text().contains("state"));
        given().cookies(TestData.login("ola")).when().get(page()).then().statusCode(404);
    }

    @Test
    void managersAssignManyAtOnce() {
        Map<String, String> session = TestData.login("mia");
        var html = Jsoup.parse(given().cookies(session).when().get(page()).then().statusCode(200).extract().asString());
        assertEquals(3, html.select("input[name=documentId]").size());
        TestData.Csrf csrf = TestData.csrf(session, page());
        csrf.form().formParam("documentId", alpha.id).formParam("documentId", bravo.id).formParam("username", "rob")
                .formParam("state", "").formParam("sort", "title").when().post(page() + "/assign").then()
                .statusCode(303).header("Location", containsString("/worklist?sort=title"));
        assertEquals(1, layers(alpha), "rob already had alpha: skipped");
        assertEquals(1, layers(bravo));
        // a non-member: nothing written, message next to the form
        String body = csrf.form().formParam("documentId", charlie.id).formParam("username", "ola").when()
                .post(page() + "/assign").then().statusCode(422).extract().asString();
        assertTrue(Jsoup.parse(body).selectFirst("#worklist-error").text().contains("not a member"));
        assertEquals(0, layers(charlie));
        csrf.form().formParam("username", "sue").when().post(page() + "/assign").then().statusCode(422);
        // reviewers may not
        TestData.csrf(TestData.login("rob"), page()).form().formParam("documentId", charlie.id)
                .formParam("username", "rob").when().post(page() + "/assign").then().statusCode(403);
        assertEquals(0, layers(charlie));
    }

    @Test
    void theApiListsAndAssigns() {
        String mia = TestData.token("mia");
        String rob = TestData.token("rob");
        String api = "/api/v1/projects/" + project.id + "/worklist";
        TestData.api(rob).when().get(api + "?sort=date_desc").then().statusCode(200).body("total", equalTo(3))
                .body("documents.title", contains("Alpha", "Bravo", "Charlie"));
        TestData.api(rob).when().get(api + "?to=2026-02-01").then().statusCode(200).body("documents.title", contains("Bravo"));
        TestData.api(rob).when().get(api + "?assignee=-").then().statusCode(200)
                .body("documents.title", contains("Bravo", "Charlie"));
        TestData.api(rob).when().get(api + "?sort=sideways").then().statusCode(422).body("error", org.hamcrest.Matchers.notNullValue());
        TestData.api(rob).body(Map.of("documentIds", List.of(bravo.id), "username", "rob")).when()
                .post(api + "/assign").then().statusCode(403);
        TestData.api(mia).body(Map.of("documentIds", List.of(bravo.id, 999999L), "username", "sue")).when()
                .post(api + "/assign").then().statusCode(404);
        assertEquals(0, layers(bravo), "nothing half-written");
        TestData.api(mia).body(Map.of("documentIds", List.of(alpha.id, bravo.id, charlie.id), "username", "rob")).when()
                .post(api + "/assign").then().statusCode(200).body("assigned", contains(bravo.id.intValue(),
                        charlie.id.intValue())).body("skipped", contains(alpha.id.intValue()));
        TestData.api(rob).when().get(api + "?state=assigned").then().body("documents", hasSize(2));
        TestData.api(TestData.token("ola")).when().get(api).then().statusCode(404);
    }
}
