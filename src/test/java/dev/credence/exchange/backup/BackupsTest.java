package dev.credence.exchange.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page doors: the download link on the project page, the restore upload for admins. */
@QuarkusTest
class BackupsTest {
    @Inject
    BackupFixtures fixtures;

    BackupFixtures.Built built;

    @BeforeEach
    void setUp() {
        built = fixtures.build();
    }

    @Test
    void managersSeeAndUseTheDownloadLinkReviewersDoNot() {
        String page = "/projects/" + built.projectId();
        Map<String, String> mara = TestData.login("mara");
        Document html = Jsoup.parse(given().cookies(mara).get(page).then().statusCode(200).extract().asString());
        assertEquals(page + "/backup", html.select("a:containsOwn(Download backup)").attr("href"));
        byte[] zip = given().cookies(mara).get(page + "/backup").then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", matchesPattern("attachment; filename=\".+-backup-.+\\.zip\""))
                .extract().asByteArray();
        assertEquals('P', zip[0]);
        assertEquals('K', zip[1]);

        Map<String, String> rev1 = TestData.login("rev1");
        Document reviewerView = Jsoup.parse(given().cookies(rev1).get(page).then().statusCode(200).extract().asString());
        assertTrue(reviewerView.select("a:containsOwn(Download backup)").isEmpty());
        given().cookies(rev1).get(page + "/backup").then().statusCode(403);
        given().cookies(TestData.login("olga")).get(page + "/backup").then().statusCode(404);
    }

    @Test
    void anAdminRestoresThroughTheUploadForm() throws Exception {
        byte[] archive = BackupApiTest.backup(TestData.token(TestData.ADMIN), built.projectId());
        Map<String, String> admin = TestData.login(TestData.ADMIN);
        Document list = Jsoup.parse(given().cookies(admin).get("/projects").then().statusCode(200).extract().asString());
        assertEquals("/projects/restore", list.select("a:containsOwn(Restore from backup)").attr("href"));

        var csrf = TestData.csrf(admin, "/projects/restore");
        Document form = Jsoup.parse(given().cookies(admin).get("/projects/restore").asString());
        assertEquals("multipart/form-data", form.select("form[action=/projects/restore]").attr("enctype"));
        assertFalse(csrf.token().isBlank(), "CSRF field");
        assertEquals(1, form.select("input[type=file][name=archive]").size());

        Response r = given().redirects().follow(false).cookies(csrf.cookies()).multiPart("csrf-token", csrf.token())
                .multiPart("archive", "kite.zip", archive, "application/zip").post("/projects/restore");
        assertEquals(303, r.statusCode(), r.asString());
        assertTrue(r.header("Location").matches(".*/projects/\\d+$"), r.header("Location"));

        // A damaged archive re-renders the form with the reason; nothing is stored.
        assertTrue(BackupApiTest.unzip(archive).get("documents.jsonl").contains("🐉"), "emoji as UTF-8, not escaped");
        byte[] tampered = BackupApiTest.rewrite(archive, Map.of("documents.jsonl", s -> s.replace("🐉", "🐲")), false);
        String html = given().cookies(csrf.cookies()).multiPart("csrf-token", csrf.token())
                .multiPart("archive", "kite.zip", tampered, "application/zip").post("/projects/restore")
                .then().statusCode(422).extract().asString();
        String alert = Jsoup.parse(html).select("[role=alert]").text();
        assertTrue(alert.contains("documents.jsonl") && alert.contains("SHA-256"), alert);

        // Without the CSRF field the upload is refused.
        given().redirects().follow(false).cookies(csrf.cookies())
                .multiPart("archive", "kite.zip", archive, "application/zip").post("/projects/restore")
                .then().statusCode(400);
    }

    @Test
    void onlyAdminsSeeTheRestoreForm() {
        Map<String, String> mara = TestData.login("mara");
        Document list = Jsoup.parse(given().cookies(mara).get("/projects").then().statusCode(200).extract().asString());
        assertTrue(list.select("a:containsOwn(Restore from backup)").isEmpty());
        given().cookies(mara).get("/projects/restore").then().statusCode(403);
    }
}
