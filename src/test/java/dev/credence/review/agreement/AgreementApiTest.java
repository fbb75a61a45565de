package dev.credence.review.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.exchange.ExportFixtures;
import dev.credence.project.Project;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/projects/{id}/agreement on the hand-checked setup of {@link AgreementFixtures}. */
@QuarkusTest
class AgreementApiTest {
    // JsonPath reads JSON numbers as float
    static final double EPS = 1e-6;

    @Inject
    TestData data;
    @Inject
    AgreementFixtures agreement;
    @Inject
    ExportFixtures fixtures;

    Project project;
    Document document;

    @BeforeEach
    void setUp() {
        data.reset();
        User mara = data.user("mara");
        User alice = data.user("alice");
        User bob = data.user("bob");
        User carl = data.user("carl");
        data.user("ada");
        data.user("olga");
        project = data.project("Harbor watch", mara);
        for (String reviewer : List.of("alice", "bob", "carl")) {
            data.member(project, reviewer, "reviewer");
        }
        data.member(project, "ada", "adjudicator");
        document = agreement.setUp(project, alice, bob, carl);
    }

    JsonPath get(String user, Long documentId) {
        var request = TestData.api(TestData.token(user));
        if (documentId != null) {
            request = request.queryParam("document", documentId);
        }
        return request.when().get("/api/v1/projects/" + project.id + "/agreement")
                .then().statusCode(200).contentType(startsWith("application/json")).extract().jsonPath();
    }

    @Test
    void handCheckedFigures() {
        JsonPath json = get("mara", null);
        assertEquals(1, json.getInt("documents"));
        assertEquals(1, json.getInt("comparedDocuments"));
        assertEquals(List.of("alice", "bob"), json.getList("reviewers"));

        assertEquals(1, json.getList("pairs").size(), "in-progress and gold layers are left out");
        assertEquals("alice", json.getString("pairs[0].a"));
        assertEquals("bob", json.getString("pairs[0].b"));
        assertEquals(4, json.getInt("pairs[0].matched"));
        assertEquals(1.0, json.getDouble("pairs[0].spanPrecision"), EPS);
        assertEquals(0.8, json.getDouble("pairs[0].spanRecall"), EPS);
        assertEquals(8.0 / 9, json.getDouble("pairs[0].spanF1"), EPS);
        assertEquals(3, json.getInt("pairs[0].exactMatched"));
        assertEquals(0.75, json.getDouble("pairs[0].exactPrecision"), EPS);
        assertEquals(0.6, json.getDouble("pairs[0].exactRecall"), EPS);
        assertEquals(2.0 / 3, json.getDouble("pairs[0].exactF1"), EPS);
        assertEquals(0.6, json.getDouble("pairs[0].kappa"), EPS);
        assertEquals(0.5625 / 0.8125, json.getDouble("pairs[0].reliabilityKappa"), EPS);

        assertEquals(0.9, json.getDouble("credibility.alpha"), EPS);
        assertEquals("ordinal", json.getString("credibility.level"));
        assertEquals(4, json.getInt("credibility.units"));
        assertEquals(1.0, json.getDouble("reliability.alpha"), EPS);
        assertEquals("ordinal", json.getString("reliability.level"));
        assertEquals(3, json.getInt("reliability.units"), "F counts as missing");
        assertEquals(2.0 / 3, json.getDouble("sourceType.alpha"), EPS);
        assertEquals("nominal", json.getString("sourceType.level"));
        assertEquals(1.0, json.getDouble("relation.alpha"), EPS);
        assertEquals("nominal", json.getString("relation.level"));

        assertEquals(document.id.longValue(), json.getLong("byDocument[0].id"));
        assertEquals(9, json.getInt("byDocument[0].claims"));
    }

    @Test
    void oneDocumentAndAdjudicator() {
        Document other = fixtures.document(project, "Empty", "Nothing was said.\n");
        JsonPath json = get("ada", document.id);
        assertEquals(document.id.longValue(), json.getLong("document"));
        assertEquals(0.9, json.getDouble("credibility.alpha"), EPS);

        JsonPath empty = get("ada", other.id);
        assertEquals(0, empty.getInt("documents"));
        assertEquals(0, empty.getList("pairs").size());
        assertNull(empty.get("credibility.alpha"));
        assertEquals(0, empty.getInt("credibility.units"));
    }

    @Test
    void reviewersGet403NonMembers404Anonymous401() {
        TestData.api(TestData.token("alice")).when().get("/api/v1/projects/" + project.id + "/agreement")
                .then().statusCode(403);
        TestData.api(TestData.token("olga")).when().get("/api/v1/projects/" + project.id + "/agreement")
                .then().statusCode(404);
        given().when().get("/api/v1/projects/" + project.id + "/agreement").then().statusCode(401);
        TestData.api(TestData.token("mara")).when().get("/api/v1/projects/999999/agreement").then().statusCode(404);
    }

    @Test
    void documentOfAnotherProjectIs404AndUnknownFormat400() {
        Project elsewhere = data.project("Elsewhere", data.user("zoe"));
        Document foreign = fixtures.document(elsewhere, "Foreign", "Foreign text.\n");
        TestData.api(TestData.token("mara")).queryParam("document", foreign.id)
                .when().get("/api/v1/projects/" + project.id + "/agreement").then().statusCode(404);
        TestData.api(TestData.token("mara")).queryParam("format", "xlsx")
                .when().get("/api/v1/projects/" + project.id + "/agreement").then().statusCode(400);
    }

    @Test
    void csvHasOneRowPerPairAndPerAlpha() {
        String csv = TestData.api(TestData.token("mara")).queryParam("format", "csv")
                .when().get("/api/v1/projects/" + project.id + "/agreement")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(String.join(",", AgreementCsv.HEADER), lines[0]);
        assertEquals(1 + 1 + 4, lines.length);
        assertEquals("pair,span,,alice,bob,1,,5,4,4,1.000000,0.800000,0.888889,3,0.750000,0.600000,0.666667,"
                + "0.600000,0.692308,", lines[1]);
        assertEquals("alpha,credibility,ordinal,,,1,4,,,,,,,,,,,,,0.900000", lines[2]);
    }
}
