package dev.credence.review;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.Claim;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Role × route: for each role in a project (and a non-member), the status of every route that
 * touches the project, its documents, and another project's objects reached by id.
 */
@QuarkusTest
class AccessMatrixTest {
    static final List<String> ROLES = List.of("manager", "reviewer", "adjudicator", "outsider");

    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    ReviewFixtures review;

    /** What a row needs to call its route as one user. */
    record Caller(String username, String token, TestData.Csrf csrf) {
    }

    record Row(String route, Function<Caller, Response> call, int manager, int reviewer, int adjudicator,
            int outsider) {
        int expected(String role) {
            return switch (role) {
                case "manager" -> manager;
                case "reviewer" -> reviewer;
                case "adjudicator" -> adjudicator;
                default -> outsider;
            };
        }
    }

    @Test
    void everyRoleGetsTheExpectedStatusOnEveryRoute() {
        data.reset();
        User mia = data.user("mia");
        User rob = data.user("rob");
        data.user("ada");
        data.user("ola");
        User eve = data.user("eve");
        Project p = data.project("Strait watch", mia);
        data.member(p, "rob", "reviewer");
        data.member(p, "ada", "adjudicator");
        Project empty = data.project("Empty", mia);
        data.member(empty, "rob", "reviewer");
        data.member(empty, "ada", "adjudicator");
        data.member(empty, "ola", "reviewer");
        Document d = fixtures.document(p, "Report", ARTICLE);
        review.claim(d, rob);
        // Another team's project, document and claim: reachable by id, never visible.
        Project other = data.project("Other team", eve);
        Document foreignDoc = fixtures.document(other, "Elsewhere", ARTICLE);
        review.claim(foreignDoc, eve);
        Long foreignClaim = QuarkusTransaction.requiringNew()
                .call(() -> Claim.<Claim>find("layer.document.id", foreignDoc.id).firstResult().id);

        String proj = "/projects/" + p.id;
        String doc = "/documents/" + d.id;
        List<Row> rows = List.of(
                new Row("GET project page", c -> page(c, proj), 200, 200, 200, 404),
                new Row("GET settings", c -> page(c, proj + "/settings"), 200, 403, 403, 404),
                new Row("POST members", c -> c.csrf().form().formParam("username", "rob").formParam("role", "reviewer")
                        .post(proj + "/members"), 303, 403, 403, 404),
                new Row("GET import page", c -> page(c, proj + "/documents/new"), 200, 403, 403, 404),
                new Row("GET export", c -> page(c, proj + "/export?format=jsonl"), 200, 200, 200, 404),
                new Row("GET document page", c -> page(c, doc), 200, 200, 200, 404),
                new Row("GET queue", c -> page(c, "/queue"), 200, 200, 200, 200),
                new Row("GET dashboard", c -> page(c, proj + "/dashboard"), 200, 403, 200, 404),
                new Row("GET dashboard live", c -> page(c, proj + "/dashboard/live"), 200, 403, 200, 404),
                new Row("POST next (page)", c -> c.csrf().form().post("/projects/" + empty.id + "/next"),
                        303, 303, 303, 303),
                new Row("POST next (page), not member", c -> c.csrf().form().post("/projects/" + other.id + "/next"),
                        404, 404, 404, 404),
                new Row("POST assign form", c -> c.csrf().form().formParam("documentId", d.id)
                        .formParam("username", "nobody").post(proj + "/dashboard/assignments"), 303, 403, 403, 404),
                new Row("POST take", c -> c.csrf().form().formParam("documentId", foreignDoc.id).post("/queue/take"),
                        404, 404, 404, 404),
                new Row("PUT project (API)", c -> TestData.api(c.token()).body(Map.of("reviewersPerDocument", 2))
                        .put("/api/v1/projects/" + p.id), 200, 403, 403, 404),
                new Row("POST next (API), nothing left", c -> TestData.api(c.token())
                        .post("/api/v1/projects/" + empty.id + "/next"), 204, 204, 204, 204),
                new Row("POST next (API), other project", c -> TestData.api(c.token())
                        .post("/api/v1/projects/" + other.id + "/next"), 404, 404, 404, 404),
                new Row("POST assignment (API)", c -> TestData.api(c.token()).body(Map.of("username", "nobody"))
                        .post("/api/v1/documents/" + d.id + "/assignments"), 422, 403, 403, 404),
                new Row("DELETE assignment (API)", c -> TestData.api(c.token())
                        .delete("/api/v1/documents/" + d.id + "/assignments/nobody"), 404, 403, 403, 404),
                new Row("GET layers (API)", c -> TestData.api(c.token()).get("/api/v1/documents/" + d.id + "/layers"),
                        200, 200, 200, 404),
                new Row("GET layers of another project (API)", c -> TestData.api(c.token())
                        .get("/api/v1/documents/" + foreignDoc.id + "/layers"), 404, 404, 404, 404),
                new Row("GET claim of another project (API)", c -> TestData.api(c.token())
                        .get("/api/v1/claims/" + foreignClaim), 404, 404, 404, 404),
                new Row("DELETE claim of another project (API)", c -> TestData.api(c.token())
                        .delete("/api/v1/claims/" + foreignClaim), 404, 404, 404, 404),
                new Row("GET document of another project (API)", c -> TestData.api(c.token())
                        .get("/api/v1/documents/" + foreignDoc.id), 404, 404, 404, 404));

        Map<String, Caller> callers = new LinkedHashMap<>();
        Map<String, String> users = Map.of("manager", "mia", "reviewer", "rob", "adjudicator", "ada", "outsider", "ola");
        for (String role : ROLES) {
            String username = users.get(role);
            var session = TestData.login(username);
            callers.put(role, new Caller(username, TestData.token(username), TestData.csrf(session, "/queue")));
        }
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            for (String role : ROLES) {
                int actual = row.call().apply(callers.get(role)).statusCode();
                if (actual != row.expected(role)) {
                    mismatches.add(row.route() + " as " + role + ": expected " + row.expected(role) + ", got " + actual);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    static Response page(Caller c, String path) {
        return given().redirects().follow(false).cookies(c.csrf().cookies()).when().get(path);
    }
}
