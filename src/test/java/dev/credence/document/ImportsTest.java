package dev.credence.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportsTest {
    @Inject
    TestData data;

    Project project;
    Map<String, String> session;
    String formPage;

    @BeforeEach
    void setUp() {
        data.reset();
        project = data.project("Harbor watch", data.user("mia"));
        session = TestData.login("mia");
        formPage = "/projects/" + project.id + "/documents/new";
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportsTest.class.getResourceAsStream("/articles/" + name)) {
            return in.readAllBytes();
        }
    }

    static List<Document> documents(Project p) {
        return QuarkusTransaction.requiringNew().call(() -> Document.list("project.id = ?1 order by id", p.id));
    }

    static String flash(Response response) {
        String cookie = response.getCookie("credence-flash");
        assertNotNull(cookie, "a flash message is set");
        return URLDecoder.decode(cookie, StandardCharsets.UTF_8);
    }

    @Test
    void formRendersTwoFormsWithCsrfAndLabels() {
        String html = given().cookies(session).when().get(formPage)
                .then().statusCode(200).extract().asString();
        var page = Jsoup.parse(html);
        assertEquals("Import documents · Harbor watch · Credence", page.title());
        var paste = page.selectFirst("form[action=/projects/" + project.id + "/documents]");
        var upload = page.selectFirst("form[action=/projects/" + project.id + "/documents/upload]");
        assertNotNull(paste);
        assertNotNull(upload);
        assertEquals("multipart/form-data", upload.attr("enctype"));
        assertNotNull(upload.selectFirst("input[type=file][name=files][multiple]"));
        for (Element form : List.of(paste, upload)) {
            assertFalse(form.select("input[type=hidden][name=csrf-token]").attr("value").isBlank(), "CSRF field");
            for (Element input : form.select("input:not([type=hidden]), textarea")) {
                assertNotNull(page.selectFirst("label[for=" + input.id() + "]"), "label for " + input.id());
            }
        }
    }

    @Test
    void reviewersGet403AndOutsiders404() {
        data.user("rex");
        data.member(project, "rex", "reviewer");
        Map<String, String> rex = TestData.login("rex");
        given().cookies(rex).when().get(formPage).then().statusCode(403);
        String projectPage = given().cookies(rex).when().get("/projects/" + project.id).then().statusCode(200)
                .extract().asString();
        assertTrue(Jsoup.parse(projectPage).select("a[href=" + formPage + "]").isEmpty(), "no import link for reviewers");
        String managerPage = given().cookies(session).when().get("/projects/" + project.id).then().statusCode(200)
                .extract().asString();
        assertFalse(Jsoup.parse(managerPage).select("a[href=" + formPage + "]").isEmpty(), "import link for managers");
        data.user("olga");
        given().cookies(TestData.login("olga")).when().get(formPage).then().statusCode(404);
    }

    @Test
    void pasteImportsAndRedirectsToTheProject() {
        var csrf = TestData.csrf(session, formPage);
        Response response = csrf.form()
                .formParam("title", "Runway spotted")
                .formParam("url", "https://lantern.example/runway")
                .formParam("publisher", "Lantern")
                .formParam("publishedAt", "2025-02-01")
                .formParam("text", "Analysts said the images\r\nshowed a runway.\r\n")
                .when().post("/projects/" + project.id + "/documents");
        response.then().statusCode(303);
        assertTrue(response.header("Location").endsWith("/projects/" + project.id), response.header("Location"));
        assertEquals("Imported 1 document.", flash(response));

        List<Document> stored = documents(project);
        assertEquals(1, stored.size());
        assertEquals("Analysts said the images\nshowed a runway.", stored.get(0).text);
        assertEquals("2025-02-01", stored.get(0).publishedAt.toString());

        // The project page lists it.
        String projectPage = given().cookies(session).when().get("/projects/" + project.id).then().statusCode(200)
                .extract().asString();
        assertNotNull(Jsoup.parse(projectPage).selectFirst("a[href=/documents/" + stored.get(0).id + "]"));

        // Pasting it again is reported, not duplicated.
        Response again = csrf.form().formParam("title", "Runway spotted (copy)")
                .formParam("text", "Analysts said the images\nshowed a runway.")
                .when().post("/projects/" + project.id + "/documents");
        again.then().statusCode(303);
        assertEquals("Imported 0 documents; 1 already present: Runway spotted (copy).", flash(again));
        assertEquals(1, documents(project).size());
    }

    @Test
    void invalidPasteRerendersTheFormWithTheErrorAndTheValues() {
        var csrf = TestData.csrf(session, formPage);
        String html = csrf.form().formParam("title", "Leaked memo").formParam("url", "ftp://files.example/memo")
                .formParam("text", "A memo <b>described</b> by Ridgeline.")
                .when().post("/projects/" + project.id + "/documents")
                .then().statusCode(422).extract().asString();
        var page = Jsoup.parse(html);
        assertTrue(page.selectFirst("[role=alert]").text().startsWith("url:"), page.select("[role=alert]").text());
        assertEquals("Leaked memo", page.selectFirst("input#title").val());
        assertEquals("ftp://files.example/memo", page.selectFirst("input#url").val());
        assertEquals("A memo <b>described</b> by Ridgeline.", page.selectFirst("textarea#text").val());
        assertTrue(documents(project).isEmpty());
    }

    @Test
    void uploadOfSeveralFilesImportsThemAll() throws IOException {
        var csrf = TestData.csrf(session, formPage);
        Response response = given().redirects().follow(false).cookies(csrf.cookies())
                .multiPart("csrf-token", csrf.token())
                .multiPart("files", "lantern-brief.txt", resource("lantern-brief.txt"), "text/plain")
                .multiPart("files", "harbor-signal.html", resource("harbor-signal.html"), "text/html")
                .multiPart("files", "wire-batch.jsonl", resource("wire-batch.jsonl"), "application/octet-stream")
                .when().post("/projects/" + project.id + "/documents/upload");
        response.then().statusCode(303);
        assertTrue(response.header("Location").endsWith("/projects/" + project.id));
        assertEquals("Imported 4 documents.", flash(response));

        List<Document> stored = documents(project);
        assertEquals(List.of("Lantern brief: satellite images show new runway", "Port operator hit by intrusion, analysts say",
                "Wire: grain talks stall", "Wire: café owners protest"), stored.stream().map(d -> d.title).toList());
        Document html = stored.get(1);
        assertEquals("The Harbor Signal", html.publisher);
        assertEquals("https://harborsignal.example/news/port-intrusion", html.url);
        assertFalse(html.text.contains("STORY CONTINUES"));
        assertEquals("Café owners marched through the old town, the city council said.\nPolice estimated 2,000 people.",
                stored.get(3).text);
        assertEquals(stored.get(3).text.codePointCount(0, stored.get(3).text.length()), stored.get(3).lengthCp);

        // The same files again: nothing new, each reported.
        var again = given().redirects().follow(false).cookies(csrf.cookies()).multiPart("csrf-token", csrf.token())
                .multiPart("files", "lantern-brief.txt", resource("lantern-brief.txt"), "text/plain")
                .multiPart("files", "copy.md", "Lantern brief: satellite images show new runway\n\nAnalysts at the fictional Meridian Institute said on Tuesday that commercial satellite images\nshowed a new runway at a coastal base.\n\nThe ministry of defence denied the report, according to the state broadcaster.".getBytes(StandardCharsets.UTF_8), "text/markdown")
                .when().post("/projects/" + project.id + "/documents/upload");
        again.then().statusCode(303);
        assertTrue(flash(again).startsWith("Imported 0 documents; 2 already present: Lantern brief"), flash(again));
        assertEquals(4, documents(project).size());
    }

    @Test
    void aBadFileRejectsTheWholeUploadNamingFileAndLine() throws IOException {
        var csrf = TestData.csrf(session, formPage);
        String badJsonl = "{\"title\":\"fine\",\"text\":\"A fine line.\"}\n{\"title\":\"broken\",\"text\":\"no end}\n";
        String html = given().cookies(csrf.cookies())
                .multiPart("csrf-token", csrf.token())
                .multiPart("files", "lantern-brief.txt", resource("lantern-brief.txt"), "text/plain")
                .multiPart("files", "night-batch.jsonl", badJsonl.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .when().post("/projects/" + project.id + "/documents/upload")
                .then().statusCode(400).extract().asString();
        String alert = Jsoup.parse(html).selectFirst("[role=alert]").text();
        assertTrue(alert.startsWith("night-batch.jsonl line 2"), alert);
        assertTrue(documents(project).isEmpty(), "nothing half-imported");

        String missingText = "{\"title\":\"fine\",\"text\":\"A fine line.\"}\n{\"title\":\"empty\",\"text\":\"\"}\n";
        html = given().cookies(csrf.cookies()).multiPart("csrf-token", csrf.token())
                .multiPart("files", "a.jsonl", missingText.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .when().post("/projects/" + project.id + "/documents/upload")
                .then().statusCode(422).extract().asString();
        assertEquals("a.jsonl line 2: text: missing or blank", Jsoup.parse(html).selectFirst("[role=alert]").text());

        given().cookies(csrf.cookies()).multiPart("csrf-token", csrf.token())
                .multiPart("files", "scan.pdf", new byte[] { 37, 80, 68, 70 }, "application/pdf")
                .when().post("/projects/" + project.id + "/documents/upload")
                .then().statusCode(422);
        assertTrue(documents(project).isEmpty());
    }

    @Test
    void aFileOverTheLimitIs413() {
        var csrf = TestData.csrf(session, formPage);
        byte[] big = new byte[5_000_001];
        java.util.Arrays.fill(big, (byte) 'a');
        String html = given().cookies(csrf.cookies()).multiPart("csrf-token", csrf.token())
                .multiPart("files", "huge.txt", big, "text/plain")
                .when().post("/projects/" + project.id + "/documents/upload")
                .then().statusCode(413).extract().asString();
        assertTrue(Jsoup.parse(html).selectFirst("[role=alert]").text().startsWith("huge.txt: 5000001 bytes"));
        assertTrue(documents(project).isEmpty());
    }

    @Test
    void uploadWithoutCsrfTokenIsRefused() throws IOException {
        var csrf = TestData.csrf(session, formPage);
        int status = given().redirects().follow(false).cookies(csrf.cookies())
                .multiPart("files", "lantern-brief.txt", resource("lantern-brief.txt"), "text/plain")
                .when().post("/projects/" + project.id + "/documents/upload").statusCode();
        assertTrue(status >= 400 && status < 500, "status " + status);
        assertTrue(documents(project).isEmpty());
    }

    @Test
    void reviewerCannotPostAPaste() {
        data.user("rex");
        data.member(project, "rex", "reviewer");
        Map<String, String> rex = TestData.login("rex");
        var csrf = TestData.csrf(rex, "/projects/" + project.id);
        csrf.form().formParam("title", "t").formParam("text", "x")
                .when().post("/projects/" + project.id + "/documents").then().statusCode(403);
        assertTrue(documents(project).isEmpty());
    }
}
