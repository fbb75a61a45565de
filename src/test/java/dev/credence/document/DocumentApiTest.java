package dev.credence.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DocumentApiTest {
    static final String NDJSON = "application/x-ndjson";

    @Inject
    TestData data;

    Project project;
    String manager;

    @BeforeEach
    void setUp() {
        data.reset();
        User mia = data.user("mia");
        project = data.project("Port intrusions", mia);
        manager = TestData.token("mia");
    }

    static long documents(Project p) {
        return QuarkusTransaction.requiringNew().call(() -> Document.count("project.id = ?1", p.id));
    }

    static Map<String, Object> article(String title, String text) {
        return Map.of("title", title, "url", "https://harborsignal.example/a", "publisher", "The Harbor Signal",
                "publishedAt", "2025-03-04T07:45:00+02:00", "text", text);
    }

    @Test
    void createReturns201WithTheStoredNormalizedText() {
        String raw = "\uFEFFCafe\u0301 owners said \uD83D\uDE80\r\nthe port\rwas closed.  \r\n";
        String stored = "Caf\u00e9 owners said \uD83D\uDE80\nthe port\nwas closed.";
        int id = TestData.api(manager).body(article("  Port closed ", raw))
                .when().post("/api/v1/projects/" + project.id + "/documents")
                .then().log().ifValidationFails().statusCode(201)
                .body("projectId", equalTo(project.id.intValue()))
                .body("title", equalTo("Port closed"))
                .body("url", equalTo("https://harborsignal.example/a"))
                .body("publisher", equalTo("The Harbor Signal"))
                .body("publishedAt", equalTo("2025-03-04"))
                .body("text", equalTo(stored))
                .body("lengthCp", equalTo(stored.codePointCount(0, stored.length())))
                .body("textSha256", equalTo(TextNormalizer.sha256(stored)))
                .body("createdAt", notNullValue())
                .extract().path("id");

        TestData.api(manager).when().get("/api/v1/documents/" + id)
                .then().statusCode(200).body("text", equalTo(stored)).body("lengthCp", equalTo(39));
    }

    @Test
    void postingTheSameTextAgainIs409WithTheExistingId() {
        int id = TestData.api(manager).body(article("First", "Kestrel Labs said the group was active.\n"))
                .when().post("/api/v1/projects/" + project.id + "/documents").then().statusCode(201).extract().path("id");
        // Same text after normalization (CRLF, trailing space), different title: still a duplicate.
        TestData.api(manager).body(article("Second", "Kestrel Labs said the group was active. \r\n"))
                .when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(409)
                .body("error", equalTo("conflict"))
                .body("detail", equalTo("This text is already present as document " + id))
                .body("existingId", equalTo(id));
        assertEquals(1, documents(project));
    }

    @Test
    void malformedJsonIs400() {
        TestData.api(manager).body("{\"title\": \"x\", \"text\": ")
                .when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(400).body("error", equalTo("malformed"));
    }

    @Test
    void invalidFieldsAre422() {
        TestData.api(manager).body(Map.of("title", "t", "url", "javascript:alert(1)", "text", "x"))
                .when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(422).body("error", equalTo("unprocessable")).body("detail", startsWith("url:"));
        TestData.api(manager).body(Map.of("title", "t", "publishedAt", "yesterday", "text", "x"))
                .when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(422).body("detail", startsWith("publishedAt:"));
        TestData.api(manager).body(Map.of("title", "t", "text", " \r\n "))
                .when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(422).body("detail", startsWith("text:"));
        TestData.api(manager).body(Map.of("text", "no title"))
                .when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(422).body("detail", startsWith("title:"));
        assertEquals(0, documents(project));
    }

    @Test
    void withoutTokenIs401() {
        given().contentType(ContentType.JSON).body(article("t", "x"))
                .when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        given().when().get("/api/v1/projects/" + project.id + "/documents").then().statusCode(401);
    }

    @Test
    void nonMemberGets404AndReviewerGets403() {
        int id = TestData.api(manager).body(article("Private", "Only for members."))
                .when().post("/api/v1/projects/" + project.id + "/documents").then().statusCode(201).extract().path("id");
        data.user("olga");
        String outsider = TestData.token("olga");
        TestData.api(outsider).body(article("t", "x")).when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(404).body("error", equalTo("not_found"));
        TestData.api(outsider).when().get("/api/v1/documents/" + id).then().statusCode(404);
        TestData.api(outsider).when().get("/api/v1/projects/" + project.id + "/documents").then().statusCode(404);

        data.user("rex");
        data.member(project, "rex", "reviewer");
        String reviewer = TestData.token("rex");
        TestData.api(reviewer).body(article("t", "reviewers may not import"))
                .when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(403).body("error", equalTo("forbidden"));
        TestData.api(reviewer).contentType(NDJSON).body("{\"title\":\"t\",\"text\":\"x\"}\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/projects/" + project.id + "/documents/import").then().statusCode(403);
        // Reviewers read what they annotate.
        TestData.api(reviewer).when().get("/api/v1/documents/" + id).then().statusCode(200).body("title", equalTo("Private"));
        assertEquals(1, documents(project));
    }

    @Test
    void ndjsonBatchImportsAndReportsDuplicatesByLine() {
        int existing = TestData.api(manager).body(article("Old", "Talks stalled on Friday."))
                .when().post("/api/v1/projects/" + project.id + "/documents").then().statusCode(201).extract().path("id");
        String body = """
                {"title":"A","text":"Talks stalled on Friday."}
                {"title":"B","text":"Police estimated 2,000 people.","publishedAt":"2025-01-11"}

                {"title":"C","text":"Police estimated 2,000 people.\\r\\n"}
                """;
        int imported = TestData.api(manager).contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/projects/" + project.id + "/documents/import")
                .then().log().ifValidationFails().statusCode(201)
                .body("imported", hasSize(1))
                .body("duplicates.line", contains(1, 4))
                .body("duplicates[0].existingId", equalTo(existing))
                .extract().path("imported[0]");
        TestData.api(manager).when().get("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(200).body("total", equalTo(2)).body("items[0].id", equalTo(imported))
                .body("items[0]", not(hasKey("text"))).body("items[0].publishedAt", equalTo("2025-01-11"));
        // The same batch again changes nothing.
        TestData.api(manager).contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/projects/" + project.id + "/documents/import")
                .then().statusCode(200).body("imported", empty()).body("duplicates", hasSize(3));
        assertEquals(2, documents(project));
    }

    @Test
    void ndjsonBatchWithABadLineImportsNothing() {
        String malformed = "{\"title\":\"A\",\"text\":\"fine\"}\n{\"title\":\"B\",\"text\":\"broken}\n";
        TestData.api(manager).contentType(NDJSON).body(malformed.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/projects/" + project.id + "/documents/import")
                .then().statusCode(400).body("error", equalTo("bad_request")).body("detail", startsWith("body line 2"));
        String invalid = "{\"title\":\"A\",\"text\":\"fine\"}\n{\"title\":\"B\",\"text\":\"ok\",\"url\":\"not a url\"}\n";
        TestData.api(manager).contentType(NDJSON).body(invalid.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/projects/" + project.id + "/documents/import")
                .then().statusCode(422).body("detail", startsWith("body line 2: url:"));
        assertEquals(0, documents(project));
    }

    @Test
    void listIsPagedNewestFirst() {
        for (int i = 1; i <= 3; i++) {
            TestData.api(manager).body(article("Doc " + i, "Text number " + i))
                    .when().post("/api/v1/projects/" + project.id + "/documents").then().statusCode(201);
        }
        TestData.api(manager).queryParam("page", 1).queryParam("size", 2)
                .when().get("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(200).body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.title", contains("Doc 1"));
        TestData.api(manager).queryParam("size", 0).when().get("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(422);
    }

    @Test
    void endpointsAreInTheOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/projects/{projectId}/documents"))
                .body("paths", hasKey("/api/v1/projects/{projectId}/documents/import"))
                .body("paths", hasKey("/api/v1/documents/{id}"))
                .body("paths.'/api/v1/projects/{projectId}/documents'.post.tags", contains("Documents"));
    }

    @Test
    void unknownDocumentIs404() {
        TestData.api(manager).when().get("/api/v1/documents/999999").then().statusCode(404)
                .body("detail", containsString("999999")).body("existingId", nullValue());
    }
}
