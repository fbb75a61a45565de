package dev.credence.revision;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.document.TextNormalizer;
import dev.credence.project.Project;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The revision pages: edit with preview (managers only), save only what was previewed, old texts. */
@QuarkusTest
class RevisionsTest {
    @Inject
    TestData data;

    long docId;

    @BeforeEach
    void setUp() {
        data.reset();
        Project project = data.project("Sea lanes", data.user("mara"));
        data.user("rex");
        data.member(project, "rex", "reviewer");
        docId = ((Number) TestData.api(TestData.token("mara")).body(Map.of("title", "Survey ships", "text",
                RevisionFixtures.ARTICLE)).when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    /** The CSRF form in UTF-8, as a browser sends it for a UTF-8 page (RestAssured's default is ISO-8859-1). */
    static io.restassured.specification.RequestSpecification form(TestData.Csrf csrf) {
        return csrf.form().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    String base() {
        return "/documents/" + docId + "/revisions";
    }

    @Test
    void reviewersMayReadRevisionsButNotEditText() {
        Map<String, String> rex = TestData.login("rex");
        given().cookies(rex).when().get(base()).then().statusCode(200);
        given().cookies(rex).when().get(base() + "/edit").then().statusCode(403);
        TestData.Csrf csrf = TestData.csrf(rex, base());
        form(csrf).formParam("text", RevisionFixtures.CORRECTED).when().post(base() + "/preview").then().statusCode(403);
        form(csrf).formParam("text", RevisionFixtures.CORRECTED).formParam("previewed",
                TextNormalizer.sha256(TextNormalizer.normalize(RevisionFixtures.CORRECTED)))
                .when().post(base()).then().statusCode(403);
        Document page = Jsoup.parse(given().cookies(rex).when().get("/documents/" + docId).asString());
        assertTrue(page.select("a:contains(Edit text)").isEmpty(), "no Edit text link for reviewers");
    }

    @Test
    void aPreviewShowsTheDiffAndOnlyThePreviewedTextIsSaved() {
        Map<String, String> mara = TestData.login("mara");
        Document doc = Jsoup.parse(given().cookies(mara).when().get("/documents/" + docId).asString());
        assertEquals(base() + "/edit", doc.select("a:contains(Edit text)").attr("href"));
        TestData.Csrf csrf = TestData.csrf(mara, base() + "/edit");

        Response preview = form(csrf).formParam("text", RevisionFixtures.CORRECTED).formParam("revision", "1")
                .when().post(base() + "/preview");
        assertEquals(200, preview.statusCode());
        Document p = Jsoup.parse(preview.asString());
        assertTrue(p.select("pre.diff del").text().contains("STORY CONTINUES BELOW THIS AD"));
        assertTrue(p.select("pre.diff ins").text().contains("Updated on Friday"));
        assertTrue(p.select("pre.diff .elided").size() > 0, "long unchanged stretches are shortened");
        String sha = p.select("input[name=previewed]").attr("value");
        assertEquals(TextNormalizer.sha256(TextNormalizer.normalize(RevisionFixtures.CORRECTED)), sha);

        // A text changed after its preview is previewed again, not saved.
        form(csrf).formParam("text", RevisionFixtures.CORRECTED + "\nOne more line.").formParam("revision", "1")
                .formParam("previewed", sha).when().post(base()).then().statusCode(200);
        assertEquals(1, RevisionApiTest.revisionOf(docId));

        form(csrf).formParam("text", RevisionFixtures.CORRECTED).formParam("revision", "1").formParam("previewed", sha)
                .when().post(base()).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/documents/" + docId));
        assertEquals(2, RevisionApiTest.revisionOf(docId));

        Document old = Jsoup.parse(given().cookies(mara).when().get(base() + "/1").asString());
        assertTrue(old.select("pre.revision-text").text().contains("STORY CONTINUES BELOW THIS AD"));
        Document list = Jsoup.parse(given().cookies(mara).when().get(base()).asString());
        assertEquals(2, list.select("table.revisions tbody tr").size());
        given().cookies(mara).when().get(base() + "/9").then().statusCode(404);
    }

    @Test
    void aBlankTextIsRefusedNextToTheField() {
        Map<String, String> mara = TestData.login("mara");
        TestData.Csrf csrf = TestData.csrf(mara, base() + "/edit");
        Response r = form(csrf).formParam("text", "  ").formParam("revision", "1").when().post(base() + "/preview");
        assertEquals(422, r.statusCode());
        assertTrue(Jsoup.parse(r.asString()).select("#text-error").text().contains("text"));
    }
}
