package dev.credence.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API tokens page: create (shown once), list, revoke; CSRF and ownership checks. */
@QuarkusTest
class TokensTest {
    @Inject
    TestData data;

    Map<String, String> session;

    @BeforeEach
    void reset() {
        data.reset();
        data.user("vera");
        session = TestData.login("vera");
    }

    private String createThroughThePage(String name, String days) {
        String html = TestData.csrf(session, "/account/tokens").form().formParam("name", name)
                .formParam("expiresInDays", days).when().post("/account/tokens")
                .then().statusCode(201).header("Cache-Control", "no-store").extract().asString();
        Document page = Jsoup.parse(html);
        String token = page.select("#new-token").val();
        assertTrue(token.startsWith("cred_"), token);
        assertTrue(page.select("#new-token-heading").text().contains(name));
        return token;
    }

    @Test
    void createdTokenIsShownOnceListedAndWorks() {
        String token = createThroughThePage("notebook", "30");
        TestData.api(token).when().get("/api/v1/projects").then().statusCode(200);

        String again = given().cookies(session).when().get("/account/tokens").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        Document page = Jsoup.parse(again);
        assertTrue(page.select("#new-token").isEmpty(), "the secret is not shown again");
        assertTrue(!again.contains(token));
        var row = page.select("tbody tr").first();
        assertEquals("notebook", row.select("th").text());
        assertTrue(row.text().contains("active"));
        assertTrue(row.select("td").get(1).text().contains("UTC"), "last used is shown: " + row.text());
        assertEquals(1, row.select("button:contains(Revoke)").size());
    }

    @Test
    void revokeButtonRevokesAndTheTokenStopsWorking() {
        String token = createThroughThePage("ci", "");
        String id = TestData.api(TestData.token("vera")).when().get("/api/v1/tokens")
                .then().extract().path("find { it.name == 'ci' }.id").toString();
        TestData.csrf(session, "/account/tokens").form().when().post("/account/tokens/" + id + "/revoke")
                .then().statusCode(303).header("Location", endsWith("/account/tokens"));
        TestData.api(token).when().get("/api/v1/projects").then().statusCode(401);
        String html = given().cookies(session).when().get("/account/tokens").then().extract().asString();
        var row = Jsoup.parse(html).select("tbody tr:has(th:contains(ci))").first();
        assertTrue(row.text().contains("revoked"));
        assertTrue(row.select("button").isEmpty());
    }

    @Test
    void revokeWithoutCsrfTokenIsRefused() {
        createThroughThePage("ci", "");
        String id = TestData.api(TestData.token("vera")).when().get("/api/v1/tokens")
                .then().extract().path("find { it.name == 'ci' }.id").toString();
        given().redirects().follow(false).cookies(session).contentType("application/x-www-form-urlencoded")
                .formParam("x", "y").when().post("/account/tokens/" + id + "/revoke").then().statusCode(400);
    }

    @Test
    void anotherUsersTokenIs404() {
        data.user("walt");
        String walt = TestData.token("walt");
        String id = TestData.api(walt).when().get("/api/v1/tokens").then().extract().path("[0].id").toString();
        TestData.csrf(session, "/account/tokens").form().when().post("/account/tokens/" + id + "/revoke")
                .then().statusCode(404);
        TestData.api(walt).when().get("/api/v1/projects").then().statusCode(200);
    }

    @Test
    void tooLongNameIsShownWithTheForm() {
        String html = TestData.csrf(session, "/account/tokens").form().formParam("name", "n".repeat(120))
                .formParam("expiresInDays", "30").when().post("/account/tokens")
                .then().statusCode(422).extract().asString();
        Document page = Jsoup.parse(html);
        assertTrue(page.select("[role=alert]").text().startsWith("name"));
        assertEquals("n".repeat(120), page.select("#name").val());
    }

    @Test
    void pageNeedsALogin() {
        given().redirects().follow(false).when().get("/account/tokens").then().statusCode(302)
                .header("Location", containsString("/login"));
    }
}
