package dev.credence.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Origin check on page form posts, Cache-Control on pages and API but not on assets, SameSite on the CSRF cookie. */
@QuarkusTest
class RequestGuardsTest {
    @Inject
    TestData data;
    @TestHTTPResource("/")
    URL base;

    Map<String, String> session;

    @BeforeEach
    void reset() {
        data.reset();
        session = TestData.login(TestData.ADMIN);
    }

    private String ownOrigin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    @Test
    void foreignOriginIsRefusedWith403PageAndNothingIsCreated() {
        String html = TestData.csrf(session, "/projects").form().header("Origin", "https://evil.example")
                .formParam("name", "Planted").when().post("/projects")
                .then().statusCode(403).contentType(containsString("text/html")).extract().asString();
        assertTrue(Jsoup.parse(html).select(".error-detail").text().contains("https://evil.example"));
        String list = given().cookies(session).when().get("/projects").then().statusCode(200).extract().asString();
        assertTrue(!list.contains("Planted"));
    }

    @Test
    void foreignRefererWithoutOriginIsRefused() {
        TestData.csrf(session, "/projects").form().header("Referer", "https://evil.example/page")
                .formParam("name", "Planted").when().post("/projects").then().statusCode(403);
    }

    @Test
    void opaqueNullOriginIsRefused() {
        TestData.csrf(session, "/projects").form().header("Origin", "null")
                .formParam("name", "Planted").when().post("/projects").then().statusCode(403);
    }

    @Test
    void loginFormFromAnotherSiteIsRefused() {
        var response = given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("j_username", TestData.ADMIN).formParam("j_password", TestData.ADMIN_PASSWORD)
                .when().post("/j_security_check");
        response.then().statusCode(403);
        assertNull(response.getCookie("credence-session"));
    }

    @Test
    void ownOriginOrNoOriginIsAllowed() {
        TestData.csrf(session, "/projects").form().header("Origin", ownOrigin())
                .formParam("name", "Same site").when().post("/projects").then().statusCode(303);
        TestData.csrf(session, "/projects").form().header("Referer", ownOrigin() + "/projects")
                .formParam("name", "Same site 2").when().post("/projects").then().statusCode(303);
        TestData.csrf(session, "/projects").form()
                .formParam("name", "No origin").when().post("/projects").then().statusCode(303);
    }

    @Test
    void apiIsNotSubjectToTheOriginCheck() {
        TestData.api(TestData.token(TestData.ADMIN)).header("Origin", "https://elsewhere.example")
                .body("{\"name\":\"From a script\"}").when().post("/api/v1/projects").then().statusCode(201);
    }

    @Test
    void pagesAndApiAreNoStoreButStaticAssetsAreNot() {
        given().cookies(session).when().get("/projects").then().statusCode(200).header("Cache-Control", "no-store");
        given().when().get("/login").then().statusCode(200).header("Cache-Control", "no-store");
        given().when().get("/api/v1/projects").then().statusCode(401).header("Cache-Control", "no-store");
        given().when().get("/web/credence.css").then().statusCode(200)
                .header("Cache-Control", not(equalTo("no-store")));
    }

    @Test
    void csrfCookieIsSameSiteStrict() {
        String setCookie = given().cookies(session).when().get("/projects").then().statusCode(200)
                .extract().headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf-token="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
    }
}
