package dev.credence.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.credence.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountApiTest {
    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void basicCredentialsGiveAToken() {
        given().auth().preemptive().basic(TestData.ADMIN, TestData.ADMIN_PASSWORD).contentType("application/json")
                .when().post("/api/v1/tokens")
                .then().log().ifValidationFails().statusCode(200).body("token", startsWith("cred_"));
    }

    @Test
    void wrongPasswordGivesNoToken() {
        given().auth().preemptive().basic(TestData.ADMIN, "nope-nope-nope").contentType("application/json")
                .when().post("/api/v1/tokens")
                .then().statusCode(401);
    }

    @Test
    void apiWithoutTokenIs401Json() {
        given().when().get("/api/v1/projects")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void apiWithUnknownTokenIs401() {
        TestData.api("cred_not-a-token").when().get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void adminCreatesUserWhoCanThenGetAToken() {
        String admin = TestData.token(TestData.ADMIN);
        TestData.api(admin).body("{\"username\":\"rita\",\"password\":\"long-enough-pw\",\"displayName\":\"Rita R\"}")
                .when().post("/api/v1/users")
                .then().statusCode(201).body("username", equalTo("rita")).body("role", equalTo("user"));
        TestData.token("rita", "long-enough-pw");
    }

    @Test
    void duplicateUserIs409AndShortPasswordIs422() {
        String admin = TestData.token(TestData.ADMIN);
        data.user("sam");
        TestData.api(admin).body("{\"username\":\"sam\",\"password\":\"long-enough-pw\"}")
                .when().post("/api/v1/users").then().statusCode(409).body("error", equalTo("conflict"));
        TestData.api(admin).body("{\"username\":\"tom\",\"password\":\"short\"}")
                .when().post("/api/v1/users").then().statusCode(422).body("detail", startsWith("password"));
    }

    @Test
    void nonAdminCannotCreateUsers() {
        data.user("ann");
        TestData.api(TestData.token("ann")).body("{\"username\":\"x1\",\"password\":\"long-enough-pw\"}")
                .when().post("/api/v1/users").then().statusCode(403);
    }

    @Test
    void malformedJsonIs400() {
        TestData.api(TestData.token(TestData.ADMIN)).body("{\"username\":")
                .when().post("/api/v1/users").then().statusCode(400).body("error", equalTo("malformed"));
    }
}
