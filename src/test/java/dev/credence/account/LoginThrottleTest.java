package dev.credence.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Throttling of the login form and the HTTP Basic token route (limits from application.properties: 5 per account, 20 per address). */
@QuarkusTest
class LoginThrottleTest {
    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
        data.user("lena");
    }

    private static Response formLogin(String username, String password) {
        return given().redirects().follow(false).formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
    }

    private static Response basicToken(String username, String password) {
        return given().auth().preemptive().basic(username, password).contentType(ContentType.JSON)
                .when().post("/api/v1/tokens");
    }

    @Test
    void sixthFormAttemptIs429WithRetryAfterAndAMessage() {
        for (int i = 0; i < 5; i++) {
            formLogin("lena", "wrong-" + i).then().statusCode(302).header("Location", endsWith("/login?error=true"));
        }
        Response throttled = formLogin("lena", TestData.PASSWORD); // even the right password waits
        throttled.then().statusCode(429).contentType(containsString("text/html"));
        long retry = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retry > 0 && retry <= 15 * 60, "Retry-After " + retry);
        var page = Jsoup.parse(throttled.asString());
        assertTrue(page.select("[role=alert]").text().contains("Too many failed login attempts"));
        assertEquals(1, page.select("form[action=/j_security_check]").size(), "the form is still there");
        assertNull(throttled.getCookie("credence-session"));
        // the API door is throttled for the same account
        basicToken("lena", TestData.PASSWORD).then().statusCode(429).header("Retry-After", notBlank())
                .body("error", equalTo("too_many_requests"));
        // another account is not affected
        data.user("omar");
        assertNotNull(TestData.login("omar").get("credence-session"));
    }

    @Test
    void basicAuthIsThrottledPerAccountToo() {
        for (int i = 0; i < 5; i++) {
            basicToken("lena", "wrong-" + i).then().statusCode(401).body("error", equalTo("unauthorized"));
        }
        basicToken("lena", "wrong-again").then().statusCode(429).contentType(ContentType.JSON)
                .header("Retry-After", notBlank()).body("error", equalTo("too_many_requests"));
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            formLogin("lena", "wrong-" + i).then().statusCode(302);
        }
        assertNotNull(TestData.login("lena").get("credence-session"));
        for (int i = 0; i < 4; i++) {
            formLogin("lena", "wrong-" + i).then().statusCode(302);
        }
        formLogin("lena", TestData.PASSWORD).then().statusCode(302).header("Location", endsWith("/"));
    }

    @Test
    void oneAddressIsThrottledAcrossAccounts() {
        for (int i = 0; i < 20; i++) {
            formLogin("guess" + i, "pw").then().statusCode(302);
        }
        // a new username from the same address: refused before its password is looked at
        formLogin("lena", TestData.PASSWORD).then().statusCode(429).header("Retry-After", notBlank());
    }

    @Test
    void unknownUserAndWrongPasswordLookTheSame() {
        Response unknown = formLogin("nobody-here", "whatever-pw");
        Response wrong = formLogin("lena", "whatever-pw");
        assertEquals(unknown.statusCode(), wrong.statusCode());
        assertEquals(unknown.header("Location"), wrong.header("Location"));
        assertEquals(headerNames(unknown), headerNames(wrong));

        Response apiUnknown = basicToken("nobody-here", "whatever-pw");
        Response apiWrong = basicToken("lena", "whatever-pw");
        assertEquals(401, apiUnknown.statusCode());
        assertEquals(apiUnknown.statusCode(), apiWrong.statusCode());
        assertEquals(apiUnknown.asString(), apiWrong.asString());
        assertEquals(headerNames(apiUnknown), headerNames(apiWrong));

        // and both are throttled after the same number of attempts
        for (int i = 0; i < 4; i++) {
            formLogin("nobody-here", "x" + i);
            formLogin("lena", "x" + i);
        }
        Response unknownThrottled = basicToken("nobody-here", "x");
        Response wrongThrottled = basicToken("lena", "x");
        assertEquals(429, unknownThrottled.statusCode());
        assertEquals(429, wrongThrottled.statusCode());
        assertEquals(unknownThrottled.asString().replaceAll("\\d+", "N"), wrongThrottled.asString().replaceAll("\\d+", "N"));
    }

    private static Set<String> headerNames(Response r) {
        Set<String> names = new TreeSet<>();
        r.headers().forEach(h -> names.add(h.getName().toLowerCase()));
        names.remove("date");
        names.remove("content-length");
        return names;
    }

    private static org.hamcrest.Matcher<String> notBlank() {
        return org.hamcrest.Matchers.matchesPattern("\\d+");
    }
}
