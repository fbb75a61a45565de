package dev.credence.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token lifecycle over the API: create (Basic), list, use, revoke, expire (Bearer). */
@QuarkusTest
class TokenApiTest {
    @Inject
    TestData data;
    @Inject
    EntityManager em;

    @BeforeEach
    void reset() {
        data.reset();
        data.user("tess");
    }

    private static Response create(String body) {
        var spec = given().auth().preemptive().basic("tess", TestData.PASSWORD).contentType(ContentType.JSON);
        if (body != null) {
            spec.body(body);
        }
        return spec.when().post("/api/v1/tokens");
    }

    @Test
    void namedTokenWithExpiryIsShownOnceAndListedWithoutTheSecret() {
        Response created = create("{\"name\":\"nightly export\",\"expiresInDays\":30}");
        created.then().statusCode(200).body("token", startsWith("cred_")).body("name", equalTo("nightly export"))
                .body("expiresAt", notNullValue());
        String token = created.path("token");
        Instant expires = Instant.parse(created.path("expiresAt"));
        Instant createdAt = Instant.parse(created.path("createdAt"));
        assertEquals(30, ChronoUnit.DAYS.between(createdAt, expires));

        TestData.api(token).when().get("/api/v1/tokens").then().statusCode(200)
                .body("", hasSize(1)).body("[0].name", equalTo("nightly export")).body("[0].status", equalTo("active"))
                .body("[0].lastUsedAt", notNullValue()) // this very request used it
                .body("[0]", not(org.hamcrest.Matchers.hasKey("token")));
        // only the hash is stored
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select token_hash from api_token").getSingleResult());
        assertEquals(TokenService.sha256(token), stored);
    }

    @Test
    void noBodyGivesAnUnnamedTokenThatDoesNotExpire() {
        String token = create(null).then().statusCode(200).body("name", equalTo("API token"))
                .body("expiresAt", nullValue()).extract().path("token");
        TestData.api(token).when().get("/api/v1/projects").then().statusCode(200);
    }

    @Test
    void invalidNameOrExpiryIs422AndMalformedBodyIs400() {
        create("{\"name\":\"" + "x".repeat(101) + "\"}").then().statusCode(422).body("detail", startsWith("name"));
        create("{\"name\":\"a\\u0007b\"}").then().statusCode(422).body("detail", startsWith("name"));
        create("{\"expiresInDays\":0}").then().statusCode(422).body("detail", startsWith("expiresInDays"));
        create("{\"expiresInDays\":4000}").then().statusCode(422);
        create("{\"name\":").then().statusCode(400).body("error", equalTo("malformed"));
    }

    @Test
    void revokedTokenIs401JsonAndOthersKeepWorking() {
        String keep = create("{\"name\":\"keep\"}").path("token");
        Response gone = create("{\"name\":\"gone\"}");
        long goneId = ((Number) gone.path("id")).longValue();
        String goneToken = gone.path("token");

        TestData.api(keep).when().delete("/api/v1/tokens/" + goneId).then().statusCode(204);
        TestData.api(goneToken).when().get("/api/v1/projects").then().statusCode(401)
                .contentType(ContentType.JSON).header("WWW-Authenticate", "Bearer")
                .body("error", equalTo("unauthorized")).body("detail", equalTo("This API token was revoked"));
        TestData.api(keep).when().get("/api/v1/tokens").then().statusCode(200)
                .body("find { it.name == 'gone' }.status", equalTo("revoked"))
                .body("find { it.name == 'keep' }.status", equalTo("active"));
        // revoking again is harmless
        TestData.api(keep).when().delete("/api/v1/tokens/" + goneId).then().statusCode(204);
    }

    /** The token cache remembers the owner's id for 10 s; a user removed meanwhile is not let in by it. */
    @Test
    void aRemovedUsersCachedTokenIs401() {
        String token = create("{\"name\":\"laptop\"}").path("token");
        TestData.api(token).when().get("/api/v1/projects").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from app_user where username = 'tess'").executeUpdate());
        TestData.api(token).when().get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void expiredTokenIs401Json() {
        Response created = create("{\"name\":\"short\",\"expiresInDays\":1}");
        String token = created.path("token");
        long id = ((Number) created.path("id")).longValue();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update api_token set expires_at = ?1 where id = ?2")
                .setParameter(1, java.sql.Timestamp.from(Instant.now().minusSeconds(60))).setParameter(2, id)
                .executeUpdate());
        TestData.api(token).when().get("/api/v1/projects").then().statusCode(401)
                .contentType(ContentType.JSON).body("error", equalTo("unauthorized"))
                .body("detail", startsWith("This API token expired at"));
        String other = create(null).path("token");
        TestData.api(other).when().get("/api/v1/tokens").then().statusCode(200)
                .body("find { it.name == 'short' }.status", equalTo("expired"));
    }

    @Test
    void unknownTokenIs401Json() {
        TestData.api("cred_nothing-like-it").when().get("/api/v1/projects").then().statusCode(401)
                .contentType(ContentType.JSON).body("detail", equalTo("Unknown API token"));
    }

    @Test
    void nobodyRevokesOrSeesAnotherUsersToken() {
        data.user("uma");
        long tessId = ((Number) create("{\"name\":\"tess's\"}").path("id")).longValue();
        String uma = TestData.token("uma");
        TestData.api(uma).when().delete("/api/v1/tokens/" + tessId).then().statusCode(404)
                .body("error", equalTo("not_found"));
        TestData.api(uma).when().get("/api/v1/tokens").then().statusCode(200)
                .body("name", not(hasItem("tess's")));
        given().when().get("/api/v1/tokens").then().statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void apiAnswersCarryNoStore() {
        String token = create(null).path("token");
        TestData.api(token).when().get("/api/v1/tokens").then().statusCode(200).header("Cache-Control", "no-store");
        create(null).then().header("Cache-Control", "no-store");
    }
}
