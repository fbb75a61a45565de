package dev.credence.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectsTest {
    @Inject
    TestData data;

    User mia;

    @BeforeEach
    void reset() {
        data.reset();
        mia = data.user("mia");
    }

    @Test
    void pagesNeedALogin() {
        given().redirects().follow(false).when().get("/projects")
                .then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void loginPageHasLabelledFields() {
        Document html = Jsoup.parse(given().when().get("/login").then().statusCode(200).extract().asString());
        assertEquals("Log in · Credence", html.title());
        assertEquals(1, html.select("label[for=j_username]").size());
        assertEquals(1, html.select("label[for=j_password]").size());
    }

    @Test
    void responsesCarryAContentSecurityPolicy() {
        given().when().get("/login").then().header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void createProjectRedirectsAndMakesTheCreatorManager() {
        Map<String, String> session = TestData.login("mia");
        var csrf = TestData.csrf(session, "/projects");
        String location = csrf.form().formParam("name", "Cyber desk").formParam("description", "Hacks")
                .formParam("guidelines", "# Rules\n<script>alert(1)</script>")
                .when().post("/projects")
                .then().statusCode(303).extract().header("Location");
        assertTrue(location.matches(".*/projects/\\d+$"), location);

        Document show = Jsoup.parse(given().cookies(session).when().get(location).then().statusCode(200).extract().asString());
        assertEquals("Cyber desk · Credence", show.title());
        assertTrue(show.text().contains("Your role: manager"));
        // Guidelines are Markdown; raw HTML in them is shown as text, never executed.
        assertTrue(show.select(".guidelines h1").text().contains("Rules"));
        assertTrue(show.select(".guidelines script").isEmpty());
        assertTrue(show.select(".guidelines").text().contains("<script>"));
    }

    @Test
    void postWithoutCsrfTokenIsRejected() {
        Map<String, String> session = TestData.login("mia");
        given().redirects().follow(false).cookies(session).contentType("application/x-www-form-urlencoded")
                .formParam("name", "No token").when().post("/projects").then().statusCode(400);
        assertEquals(0, Project.count());
    }

    @Test
    void blankNameIsShownAndNothingIsSaved() {
        Map<String, String> session = TestData.login("mia");
        String body = TestData.csrf(session, "/projects").form().formParam("name", "  ")
                .when().post("/projects").then().statusCode(422).extract().asString();
        Document html = Jsoup.parse(body);
        assertTrue(html.select("[role=alert]").text().contains("name"));
        assertEquals(0, Project.count());
    }

    @Test
    void strangersGet404NotTheProject() {
        Project p = data.project("Secret", mia);
        data.user("eve");
        given().cookies(TestData.login("eve")).when().get("/projects/" + p.id).then().statusCode(404)
                .body(not(containsString("Secret")));
        Document list = Jsoup.parse(given().cookies(TestData.login("eve")).when().get("/projects").asString());
        assertFalse(list.text().contains("Secret"));
    }

    @Test
    void managerAddsAReviewerWhoCannotChangeSettings() {
        Project p = data.project("Desk", mia);
        data.user("rob");
        Map<String, String> session = TestData.login("mia");
        TestData.csrf(session, "/projects/" + p.id + "/members").form()
                .formParam("username", "rob").formParam("role", "reviewer")
                .when().post("/projects/" + p.id + "/members")
                .then().statusCode(303).header("Location", endsWith("/projects/" + p.id + "/members"));

        Map<String, String> rob = TestData.login("rob");
        given().cookies(rob).when().get("/projects/" + p.id).then().statusCode(200);
        given().cookies(rob).when().get("/projects/" + p.id + "/settings").then().statusCode(403);
    }

    @Test
    void unknownMemberAndRoleAreReported() {
        Project p = data.project("Desk", mia);
        Map<String, String> session = TestData.login("mia");
        String body = TestData.csrf(session, "/projects/" + p.id + "/members").form()
                .formParam("username", "nobody").formParam("role", "reviewer")
                .when().post("/projects/" + p.id + "/members").then().statusCode(422).extract().asString();
        assertTrue(Jsoup.parse(body).select("[role=alert]").text().contains("nobody"));
    }

    @Test
    void settingsUpdateAndValidate() {
        Project p = data.project("Desk", mia);
        Map<String, String> session = TestData.login("mia");
        var csrf = TestData.csrf(session, "/projects/" + p.id + "/settings");
        csrf.form().formParam("name", "Desk 2").formParam("reviewersPerDocument", "3")
                .when().post("/projects/" + p.id + "/settings").then().statusCode(303);
        csrf.form().formParam("name", "Desk 3").formParam("reviewersPerDocument", "0")
                .when().post("/projects/" + p.id + "/settings").then().statusCode(422);
        Project reloaded = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Project.findById(p.id));
        assertEquals("Desk 2", reloaded.name);
        assertEquals(3, reloaded.reviewersPerDocument);
    }

    @Test
    void logoutClearsTheSession() {
        Map<String, String> session = TestData.login("mia");
        var cookies = TestData.csrf(session, "/projects").form().when().post("/logout")
                .then().statusCode(303).extract().headers().getValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("credence-session=;") || c.contains("credence-session=; ")
                || c.matches("credence-session=[^;]*;.*Max-Age=0.*")), cookies.toString());
    }
}
