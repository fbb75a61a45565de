package dev.credence.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimComment;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.Source;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile requests against the real routes: each gets a clean 4xx with the app's own
 * error body (the error page, or {"error","detail"} under /api), and nothing is stored.
 */
@QuarkusTest
class HostileInputTest {
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;

    Project project;
    Document doc;
    Map<String, String> session;
    String token;
    TestData.Csrf csrf;
    String paste;
    String upload;

    @BeforeEach
    void setUp() {
        data.reset();
        project = data.project("Harbor watch", data.user("mia"));
        doc = fixtures.document(project, "Lanternfish report", AnnotationFixtures.ARTICLE);
        session = TestData.login("mia");
        token = TestData.token("mia");
        csrf = TestData.csrf(session, "/projects/" + project.id + "/documents/new");
        paste = "/projects/" + project.id + "/documents";
        upload = paste + "/upload";
    }

    static long documents() {
        return QuarkusTransaction.requiringNew().call(() -> Document.count());
    }

    static long claims() {
        return QuarkusTransaction.requiringNew().call(() -> Claim.count());
    }

    /** The app's error page: its own title and layout, the status shown, no stack trace. */
    static String errorPage(Response r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        var page = Jsoup.parse(r.asString());
        assertTrue(page.title().endsWith("· Credence"), page.title());
        assertNotNull(page.selectFirst("main#main"), "rendered in the app's layout");
        assertTrue(page.text().contains("HTTP " + status) || page.selectFirst("[role=alert], .error") != null,
                "says what went wrong");
        return page.text();
    }

    /** The API's error body: {"error","detail"}. */
    static String apiError(Response r, int status, String code) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(code, r.path("error"), r.asString());
        String detail = r.path("detail");
        assertNotNull(detail);
        return detail;
    }

    RequestSpecification raw(String contentType) {
        return given().redirects().follow(false).cookies(csrf.cookies()).header("X-CSRF-TOKEN", csrf.token())
                .contentType(contentType);
    }

    // ------------------------------------------------------------ pages

    @Test
    void unknownAddressesWhileLoggedInAre404PagesAndTheFaviconIsServed() {
        String text = errorPage(given().cookies(session).when().get("/no/such/page"), 404);
        assertTrue(text.contains("nothing at this address"), text);
        errorPage(given().cookies(session).when().get("/projects/999999"), 404);
        given().cookies(session).when().get("/favicon.ico").then().statusCode(200).contentType("image/x-icon");
        apiError(TestData.api(token).when().get("/api/v1/no/such/route"), 404, "not_found");
    }

    @Test
    void aPasteOverTheLimitIs413OnTheFormAndAMillionCharactersFit() {
        String million = ("A 🛳 line of “the” article.\n").repeat(40_000);
        million = million.substring(0, 999_990);
        csrf.form().formParam("title", "Long read").formParam("text", million).when().post(paste)
                .then().statusCode(303);
        assertEquals(2, documents());
        Response r = csrf.form().formParam("title", "Too long").formParam("text", "y".repeat(1_000_001)).when()
                .post(paste);
        assertEquals(413, r.statusCode());
        var page = Jsoup.parse(r.asString());
        assertTrue(page.select("[role=alert]").text().contains("at most 1000000 characters"), page.text());
        assertEquals(2, documents());
    }

    @Test
    void aLongTitleIsRefusedNextToTheField() {
        Response r = csrf.form().formParam("title", "t".repeat(10_000)).formParam("text", "Some text.").when()
                .post(paste);
        assertEquals(422, r.statusCode());
        assertTrue(Jsoup.parse(r.asString()).select("[role=alert]").text().contains("title: at most"));
        assertEquals(1, documents());
    }

    @Test
    void brokenUrlEncodingManyFieldsAndPlainTextPostsAre4xxPages() {
        errorPage(raw("application/x-www-form-urlencoded").body("csrf-token=" + csrf.token() + "&title=%zz&text=x")
                .when().post(paste), 400);
        var many = csrf.form();
        for (int i = 0; i < 1_500; i++) {
            many = many.formParam("f" + i, "v");
        }
        errorPage(many.formParam("title", "m").formParam("text", "many").when().post(paste), 400);
        String text = errorPage(raw("text/plain").body("title=a&text=b").when().post(paste), 415);
        assertTrue(text.contains("forms only"), text);
        errorPage(raw("application/json").body("{}").when().post("/documents/" + doc.id + "/claims"), 415);
        assertEquals(1, documents());
    }

    @Test
    void textPolicyAppliesToFormFieldsAndQueryParameters() {
        String text = errorPage(raw("application/x-www-form-urlencoded")
                .body("csrf-token=" + csrf.token() + "&title=a%00b&text=hello").when().post(paste), 422);
        assertTrue(text.contains("title: contains a NUL character"), text);
        errorPage(raw("application/x-www-form-urlencoded")
                .body("csrf-token=" + csrf.token() + "&start=0&end=5&rationale=x%00y").when()
                .post("/documents/" + doc.id + "/claims"), 422);
        errorPage(given().cookies(session).urlEncodingEnabled(false).when()
                .get("/documents/" + doc.id + "/source-options?q=a%00b"), 422);
        assertEquals(1, documents());
        assertEquals(0, claims());
    }

    @Test
    void malformedAndOversizedUploadsAre4xxPages() {
        byte[] broken = "--XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\nabc"
                .getBytes(StandardCharsets.UTF_8);
        errorPage(raw("multipart/form-data; boundary=XYZ").body(broken).when().post(upload), 400);

        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            parts.append("--XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a").append(i)
                    .append(".txt\"\r\nContent-Type: text/plain\r\n\r\nArticle ").append(i).append("\r\n");
        }
        parts.append("--XYZ--\r\n");
        errorPage(raw("multipart/form-data; boundary=XYZ").body(parts.toString().getBytes(StandardCharsets.UTF_8))
                .when().post(upload), 400);

        // As a browser sends it: with a Content-Length over quarkus.http.limits.max-body-size.
        byte[] big = new byte[21_000_000];
        String text = errorPage(raw("multipart/form-data; boundary=XYZ").body(big).when().post(upload), 413);
        assertTrue(text.contains("at most 20971520 bytes"), text);
        assertEquals(1, documents());
    }

    @Test
    void longFieldsOnEveryFormSave() {
        Long claimId = ((Number) TestData.api(token).body("{\"start\":0,\"end\":5}")
                .post("/api/v1/documents/" + doc.id + "/claims").then().statusCode(201).extract().path("id"))
                .longValue();
        TestData.Csrf c = TestData.csrf(session, "/claims/" + claimId);
        c.form().formParam("body", "a long comment ".repeat(200)).when().post("/claims/" + claimId + "/comments")
                .then().statusCode(303);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> ClaimComment.count()));

        TestData.Csrf s = TestData.csrf(session, "/projects/" + project.id + "/settings");
        s.form().formParam("name", "Harbor watch").formParam("description", "about")
                .formParam("guidelines", "Mark every claim. ".repeat(180)).formParam("reviewersPerDocument", "2")
                .when().post("/projects/" + project.id + "/settings").then().statusCode(303);
        assertEquals(3239, QuarkusTransaction.requiringNew().call(() -> Project.<Project>findById(project.id))
                .guidelines.length());

        TestData.Csrf d = TestData.csrf(session, "/documents/" + doc.id);
        d.form().formParam("start", "0").formParam("end", "5").formParam("rationale", "Because ".repeat(325))
                .formParam("hops[0].sourceName", "Lanternfish").formParam("hops[0].sourceType", "firm_report")
                .when().post("/documents/" + doc.id + "/claims").then().statusCode(303);
        assertEquals(2, claims());
    }

    // ------------------------------------------------------------ API

    @Test
    void lenientJsonIsRefusedWithTheFieldNamed() {
        String api = "/api/v1/projects/" + project.id + "/documents";
        assertTrue(apiError(TestData.api(token).body("{\"title\":\"a\",\"title\":\"b\",\"text\":\"x\"}").post(api),
                400, "malformed").contains("Duplicate field 'title'"));
        apiError(TestData.api(token).body("{\"title\":\"a\",\"text\":\"x\"} garbage").post(api), 400, "malformed");
        apiError(TestData.api(token).body("{\"title\":\"a\",\"text\":\"x\"}{\"title\":\"b\"}").post(api), 400,
                "malformed");
        assertTrue(apiError(TestData.api(token).body("{\"title\":\"a\",\"text\":\"x\",\"txet\":\"y\"}").post(api),
                400, "invalid").startsWith("txet: unknown field"));
        assertTrue(apiError(TestData.api(token).body("{\"title\":5,\"text\":\"x\"}").post(api), 400, "invalid")
                .startsWith("title: expected a string"));
        String claims = "/api/v1/documents/" + doc.id + "/claims";
        assertTrue(apiError(TestData.api(token).body("{\"start\":\"0\",\"end\":5}").post(claims), 400, "invalid")
                .startsWith("start: expected an integer"));
        assertTrue(apiError(TestData.api(token).body("{\"start\":1.5,\"end\":5}").post(claims), 400, "invalid")
                .startsWith("start: expected an integer"));
        assertTrue(apiError(TestData.api(token).body("{\"start\":0,\"end\":5,\"checkWorthy\":1}").post(claims), 400,
                "invalid").startsWith("checkWorthy: expected true or false"));
        assertTrue(apiError(TestData.api(token)
                .body("{\"start\":0,\"end\":5,\"attribution\":[{\"source\":{\"name\":\"X\",\"type\":\"ngo\"},\"mention\":{\"start\":\"1\",\"end\":2}}]}")
                .post(claims), 400, "invalid").startsWith("attribution[0].mention.start: expected an integer"));
        assertEquals(1, documents());
        assertEquals(0, claims());
    }

    @Test
    void nulLoneSurrogatesAndInvalidUtf8AreRefusedEverywhereWithTheFieldNamed() {
        String api = "/api/v1/projects/" + project.id + "/documents";
        assertEquals("title: contains a NUL character (U+0000) at character 2", apiError(TestData.api(token)
                .body("{\"title\":\"a\\u0000b\",\"text\":\"x\"}").post(api), 422, "invalid_text"));
        assertTrue(apiError(TestData.api(token).body("{\"title\":\"a\",\"publisher\":\"p\\ud800\",\"text\":\"x\"}")
                .post(api), 422, "invalid_text").startsWith("publisher: contains a lone surrogate"));
        byte[] badUtf8 = "{\"title\":\"a\",\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        apiError(TestData.api(token).body(badUtf8).post(api), 400, "invalid");
        String claims = "/api/v1/documents/" + doc.id + "/claims";
        assertTrue(apiError(TestData.api(token).body("{\"start\":0,\"end\":5,\"rationale\":\"ok\\udc00\"}")
                .post(claims), 422, "invalid_text").startsWith("rationale: "));
        assertTrue(apiError(TestData.api(token)
                .body("{\"start\":0,\"end\":5,\"attribution\":[{\"source\":{\"name\":\"Lantern\\u0000fish\",\"type\":\"ngo\"}}]}")
                .post(claims), 422, "invalid_text").startsWith("attribution[0].source.name: contains a NUL"));
        assertTrue(apiError(TestData.api(token).body("{\"name\":\"Harbor\\u0000\",\"type\":\"ngo\"}")
                .post("/api/v1/sources"), 422, "invalid_text").startsWith("name: contains a NUL"));
        assertTrue(apiError(TestData.api(token)
                .body("{\"name\":\"Harbor Desk\",\"type\":\"ngo\",\"aliases\":[\"ok\",\"bad\\u0000\"]}")
                .post("/api/v1/sources"), 422, "invalid_text").startsWith("aliases[1]: contains a NUL"));
        assertEquals(1, documents());
        assertEquals(0, claims());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Source.count()));
    }

    @Test
    void hugeCollectionsAreRefusedNotOverflowed() {
        StringBuilder hops = new StringBuilder("{\"start\":0,\"end\":5,\"attribution\":[");
        for (int i = 0; i < 10_000; i++) {
            hops.append(i == 0 ? "" : ",").append("{\"source\":{\"name\":\"S").append(i % 3)
                    .append("\",\"type\":\"ngo\"}}");
        }
        String detail = apiError(TestData.api(token).body(hops.append("]}").toString())
                .post("/api/v1/documents/" + doc.id + "/claims"), 422, "unprocessable");
        assertTrue(detail.startsWith("attribution: at most 20 hops"), detail);
        StringBuilder aliases = new StringBuilder("{\"name\":\"Many Names\",\"type\":\"ngo\",\"aliases\":[");
        for (int i = 0; i < 5_000; i++) {
            aliases.append(i == 0 ? "" : ",").append("\"alias ").append(i).append('"');
        }
        apiError(TestData.api(token).body(aliases.append("]}").toString()).post("/api/v1/sources"), 422,
                "unprocessable");
        assertEquals(0, claims());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Source.count()));
    }

    @Test
    void oversizedApiBodiesGetA413InJson() {
        byte[] big = new byte[21_000_000];
        java.util.Arrays.fill(big, (byte) ' ');
        String detail = apiError(TestData.api(token).body(big).post("/api/v1/projects/" + project.id + "/documents"),
                413, "too_large");
        assertTrue(detail.contains("at most 20971520 bytes"), detail);
        String text = "\"" + "z".repeat(1_000_001) + "\"";
        apiError(TestData.api(token).body("{\"title\":\"big\",\"text\":" + text + "}")
                .post("/api/v1/projects/" + project.id + "/documents"), 413, "too_large");
        assertEquals(1, documents());
    }
}
