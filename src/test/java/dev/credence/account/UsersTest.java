package dev.credence.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UsersTest {
    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void adminCreatesAUserThroughTheForm() {
        Map<String, String> admin = TestData.login(TestData.ADMIN);
        TestData.csrf(admin, "/users").form().formParam("username", "nora").formParam("displayName", "Nora N")
                .formParam("password", "a-long-password").when().post("/users")
                .then().statusCode(303);
        String html = given().cookies(admin).when().get("/users").then().statusCode(200).extract().asString();
        assertTrue(Jsoup.parse(html).select("td").eachText().contains("nora"));
        // and nora can log in
        assertTrue(TestData.login("nora", "a-long-password").get("credence-session") != null);
    }

    @Test
    void shortPasswordIsShownWithTheForm() {
        Map<String, String> admin = TestData.login(TestData.ADMIN);
        String html = TestData.csrf(admin, "/users").form().formParam("username", "nora")
                .formParam("password", "short").when().post("/users")
                .then().statusCode(422).extract().asString();
        var doc = Jsoup.parse(html);
        assertTrue(doc.select("[role=alert]").text().contains("password"));
        assertEquals("nora", doc.select("#username").val());
    }

    @Test
    void nonAdminsMayNotManageUsers() {
        data.user("pat");
        given().cookies(TestData.login("pat")).when().get("/users").then().statusCode(403);
    }

    @Test
    void wrongPasswordRedirectsToTheLoginError() {
        given().redirects().follow(false).formParam("j_username", "admin").formParam("j_password", "wrong")
                .when().post("/j_security_check").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/login?error=true"));
    }
}
