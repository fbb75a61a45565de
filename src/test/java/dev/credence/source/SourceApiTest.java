package dev.credence.source;

import static dev.credence.source.SourceFixtures.hop;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SourceApiTest {
    @Inject
    TestData data;
    @Inject
    SourceFixtures fixtures;

    User ann;
    User bob;
    Project alpha;
    Project beta;
    String annToken;
    String bobToken;

    @BeforeEach
    void setUp() {
        data.reset();
        ann = data.user("ann");
        bob = data.user("bob");
        alpha = data.project("Alpha", ann);
        beta = data.project("Beta", bob);
        annToken = TestData.token("ann");
        bobToken = TestData.token("bob");
    }

    static long sources() {
        return QuarkusTransaction.requiringNew().call(() -> Source.count());
    }

    @Test
    void withoutATokenEverythingIs401() {
        Source s = fixtures.source("Kestrel Labs", SourceType.firm_report);
        given().when().get("/api/v1/sources").then().statusCode(401).body("error", equalTo("unauthorized"));
        given().when().get("/api/v1/sources/" + s.id).then().statusCode(401);
        given().when().get("/api/v1/sources/" + s.id + "/claims").then().statusCode(401);
        given().contentType("application/json").body("{\"name\":\"X\",\"type\":\"ngo\"}")
                .when().post("/api/v1/sources").then().statusCode(401);
        given().contentType("application/json").body("{\"projectId\":1,\"grade\":\"A\"}")
                .when().post("/api/v1/sources/" + s.id + "/grades").then().statusCode(401);
        assertEquals(1, sources());
    }

    @Test
    void createThenFindByAliasAndType() {
        Integer parentId = TestData.api(annToken).body("{\"name\":\"Harbor Ledger\",\"type\":\"independent_media\"}")
                .when().post("/api/v1/sources").then().statusCode(201).extract().path("id");
        TestData.api(annToken).body("""
                {"name":"Ledger security desk","type":"independent_media","aliases":["HL desk"," hl desk ","Ledger cyber team"],
                 "country":"Norway","parentId":%d,"url":"https://example.org/ledger","sameAs":"https://www.wikidata.org/wiki/Q1",
                 "description":"Cyber desk"}""".formatted(parentId))
                .when().post("/api/v1/sources")
                .then().statusCode(201).header("Location", endsWith("/api/v1/sources/" + (parentId + 1)))
                .body("name", equalTo("Ledger security desk")).body("aliases", contains("HL desk", "Ledger cyber team"))
                .body("parentId", equalTo(parentId)).body("country", equalTo("Norway"));
        fixtures.source("Kestrel Labs", SourceType.firm_report, "Kestrel");

        TestData.api(bobToken).queryParam("q", "CYBER TEAM").when().get("/api/v1/sources")
                .then().statusCode(200).body("name", contains("Ledger security desk"))
                .body("[0].aliases", contains("HL desk", "Ledger cyber team"));
        TestData.api(bobToken).queryParam("type", "firm_report").when().get("/api/v1/sources")
                .then().statusCode(200).body("name", contains("Kestrel Labs"));
        TestData.api(bobToken).queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/sources")
                .then().statusCode(200).body("name", contains("Ledger security desk"));
        TestData.api(bobToken).queryParam("size", 2).queryParam("page", 2).when().get("/api/v1/sources")
                .then().statusCode(200).body("$", empty());
        TestData.api(bobToken).queryParam("type", "rumour").when().get("/api/v1/sources").then().statusCode(422);
        TestData.api(bobToken).queryParam("size", 0).when().get("/api/v1/sources").then().statusCode(400);
    }

    @Test
    void aNameOrAliasAlreadyInTheRegistryIs409() {
        Source existing = fixtures.source("Kestrel Labs", SourceType.firm_report, "Kestrel");
        TestData.api(annToken).body("{\"name\":\"KESTREL LABS\",\"type\":\"firm_report\"}").when().post("/api/v1/sources")
                .then().statusCode(409).body("error", equalTo("conflict"))
                .body("detail", containsString("already in the registry")).body("existingId", equalTo(existing.id.intValue()));
        TestData.api(annToken).body("{\"name\":\"Kestrel Security\",\"type\":\"firm_report\",\"aliases\":[\"kestrel\"]}")
                .when().post("/api/v1/sources").then().statusCode(409);
        TestData.api(annToken).body("{\"name\":\"kestrel\",\"type\":\"firm_report\"}")
                .when().post("/api/v1/sources").then().statusCode(409);
        assertEquals(1, sources());
    }

    @Test
    void invalidInputIs422Or400AndPersistsNothing() {
        TestData.api(annToken).body("{\"name\":\"Kestrel Labs\",\"type\":\"rumour\"}").when().post("/api/v1/sources")
                .then().statusCode(422).body("error", equalTo("unprocessable")).body("detail", startsWith("type:"));
        TestData.api(annToken).body("{\"name\":\"Kestrel Labs\"}").when().post("/api/v1/sources")
                .then().statusCode(422).body("detail", startsWith("type: required"));
        TestData.api(annToken).body("{\"name\":\"Kestrel Labs\",\"type\":\"firm_report\",\"url\":\"javascript:alert(1)\"}")
                .when().post("/api/v1/sources").then().statusCode(422).body("detail", startsWith("url:"));
        TestData.api(annToken).body("{\"name\":\"Kestrel Labs\",\"type\":\"firm_report\",\"sameAs\":\"not a url\"}")
                .when().post("/api/v1/sources").then().statusCode(422).body("detail", startsWith("sameAs:"));
        TestData.api(annToken).body("{\"name\":\"Kestrel Labs\",\"type\":\"firm_report\",\"parentId\":987654}")
                .when().post("/api/v1/sources").then().statusCode(422).body("detail", startsWith("parentId:"));
        TestData.api(annToken).body("{\"name\":\" \",\"type\":\"firm_report\"}").when().post("/api/v1/sources")
                .then().statusCode(422);
        TestData.api(annToken).body("{\"name\":").when().post("/api/v1/sources").then().statusCode(400);
        assertEquals(0, sources());
    }

    Claim claimIn(Project project, User reviewer, Source originator, Source outlet, String title) {
        Document d = fixtures.document(project, title,
                "Analysts at Kestrel Labs told the Harbor Ledger that the botnet had 40,000 nodes. " + title);
        return fixtures.claim(fixtures.layer(d, reviewer), "the botnet had 40,000 nodes", 2,
                hop(originator, Relation.asserts, "C"), hop(outlet, Relation.reports, null));
    }

    @Test
    void gradesAreAppendOnlyAndScopedToTheCallersProjects() {
        Source s = fixtures.source("Kestrel Labs", SourceType.firm_report);
        String grades = "/api/v1/sources/" + s.id + "/grades";
        TestData.api(annToken).body("{\"projectId\":%d,\"grade\":\"d\",\"rationale\":\"first take\"}".formatted(alpha.id))
                .when().post(grades).then().statusCode(201).body("grade", equalTo("D")).body("gradedBy", equalTo("ann"));
        TestData.api(annToken).body("{\"projectId\":%d,\"grade\":\"B\"}".formatted(alpha.id))
                .when().post(grades).then().statusCode(201).body("rationale", nullValue());
        TestData.api(bobToken).body("{\"projectId\":%d,\"grade\":\"F\",\"rationale\":\"beta view\"}".formatted(beta.id))
                .when().post(grades).then().statusCode(201);

        TestData.api(annToken).when().get("/api/v1/sources/" + s.id).then().statusCode(200)
                .body("grades.grade", contains("B", "D")).body("grades.projectId", contains(alpha.id.intValue(), alpha.id.intValue()))
                .body("grades[1].rationale", equalTo("first take"));
        TestData.api(bobToken).when().get("/api/v1/sources/" + s.id).then().statusCode(200)
                .body("grades.grade", contains("F")).body("grades[0].projectName", equalTo("Beta"));

        TestData.api(bobToken).body("{\"projectId\":%d,\"grade\":\"A\"}".formatted(alpha.id))
                .when().post(grades).then().statusCode(404).body("error", equalTo("not_found"));
        TestData.api(annToken).body("{\"projectId\":%d,\"grade\":\"G\"}".formatted(alpha.id))
                .when().post(grades).then().statusCode(422);
        TestData.api(annToken).body("{\"projectId\":%d}".formatted(alpha.id))
                .when().post(grades).then().statusCode(422);
        TestData.api(annToken).body("{\"grade\":\"A\"}").when().post(grades).then().statusCode(400);
        TestData.api(annToken).body("{\"projectId\":%d,\"grade\":\"A\"}".formatted(alpha.id))
                .when().post("/api/v1/sources/987654/grades").then().statusCode(404);
        assertEquals(3L, (long) QuarkusTransaction.requiringNew().call(() -> SourceGrade.count()));
    }

    @Test
    void claimsAndClaimCountOnlyFromTheCallersProjects() {
        Source kestrel = fixtures.source("Kestrel Labs", SourceType.firm_report);
        Source ledger = fixtures.source("Harbor Ledger", SourceType.independent_media);
        Claim alphaClaim = claimIn(alpha, ann, kestrel, ledger, "Alpha botnet story");
        claimIn(beta, bob, kestrel, ledger, "Beta botnet story");

        TestData.api(annToken).when().get("/api/v1/sources/" + kestrel.id).then().statusCode(200).body("claimCount", equalTo(1));
        TestData.api(annToken).when().get("/api/v1/sources/" + kestrel.id + "/claims").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].claimId", equalTo(alphaClaim.id.intValue()))
                .body("[0].documentTitle", equalTo("Alpha botnet story"))
                .body("[0].projectId", equalTo(alpha.id.intValue()))
                .body("[0].exact", equalTo("the botnet had 40,000 nodes"))
                .body("[0].chain", equalTo("Harbor Ledger ← Kestrel Labs"))
                .body("[0].relation", equalTo("asserts")).body("[0].position", equalTo(0))
                .body("[0].reliability", equalTo("C")).body("[0].credibility", equalTo(2));
        TestData.api(bobToken).when().get("/api/v1/sources/" + ledger.id + "/claims").then().statusCode(200)
                .body("documentTitle", contains("Beta botnet story")).body("[0].relation", equalTo("reports"));

        User carl = data.user("carl");
        String carlToken = TestData.token(carl.username);
        TestData.api(carlToken).when().get("/api/v1/sources/" + kestrel.id).then().statusCode(200)
                .body("claimCount", equalTo(0)).body("grades", empty());
        TestData.api(carlToken).when().get("/api/v1/sources/" + kestrel.id + "/claims").then().statusCode(200)
                .body("$", empty());
        TestData.api(carlToken).when().get("/api/v1/sources/987654").then().statusCode(404);
    }

    @Test
    void openApiDocumentsTheSourceRoutes() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/sources/{id}/grades'.post.summary", containsString("Append"));
    }
}
