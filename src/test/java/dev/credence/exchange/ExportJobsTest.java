package dev.credence.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.project.Project;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project page's export form: streams small projects, starts a job for large ones, lists the jobs. */
@QuarkusTest
class ExportJobsTest {
    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;
    @Inject
    ExportJobRunner runner;

    Project small;
    Project large;

    @BeforeEach
    void setUp() {
        data.reset();
        runner.limitFileBytes(Long.MAX_VALUE);
        runner.pace(0, Duration.ZERO);
        User mara = data.user("mara");
        data.user("rev1");
        small = data.project("Small desk", mara);
        large = data.project("Large desk", mara);
        data.member(large, "rev1", "reviewer");
        fixtures.document(small, "Only note", "A single note, reportedly.\n");
        for (int i = 0; i < 6; i++) { // above the test threshold (credence.export.job-threshold=5)
            fixtures.document(large, "Note " + i, "Officials said note " + i + " was filed 🐉.\n");
        }
    }

    @Test
    void aSmallProjectStreamsALargeOneStartsAJob() {
        Map<String, String> session = TestData.login("mara");
        Element form = Jsoup.parse(given().cookies(session).when().get("/projects/" + small.id).then().statusCode(200)
                .extract().asString()).selectFirst("form.export-form");
        assertEquals("get", form.attr("method"));
        assertEquals("/projects/" + small.id + "/export", form.attr("action"));
        assertTrue(form.select("select[name=format] option").eachAttr("value").containsAll(java.util.List.of("jsonl", "csv")));

        Element jobForm = Jsoup.parse(given().cookies(session).when().get("/projects/" + large.id).then().statusCode(200)
                .extract().asString()).selectFirst("form.export-form");
        assertEquals("post", jobForm.attr("method"));
        assertEquals("/projects/" + large.id + "/exports", jobForm.attr("action"));
        assertEquals("Start export", jobForm.selectFirst("button[type=submit]").text());
    }

    @Test
    void thePageStartsAJobShowsItAndServesItsFile() throws Exception {
        Map<String, String> session = TestData.login("mara");
        TestData.Csrf csrf = TestData.csrf(session, "/projects/" + large.id);
        String location = csrf.form().formParam("format", "csv").formParam("layer", "all")
                .when().post("/projects/" + large.id + "/exports")
                .then().statusCode(303).header("Location", matchesPattern(".*/projects/" + large.id + "#export-job-\\d+"))
                .extract().header("Location");
        long jobId = Long.parseLong(location.substring(location.lastIndexOf('-') + 1));
        String status = "/projects/" + large.id + "/exports/" + jobId;

        JsonPath job = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            job = given().cookies(session).when().get(status).then().statusCode(200).extract().jsonPath();
            if (job.getString("state").equals("done")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("done", job.getString("state"));
        assertEquals(status + "/download", job.getString("downloadUrl"));

        Element item = Jsoup.parse(given().cookies(session).when().get("/projects/" + large.id).asString())
                .getElementById("export-job-" + jobId);
        assertEquals("done", item.attr("data-state"));
        assertEquals("6", item.selectFirst("progress").attr("max"));
        assertEquals("6", item.selectFirst("progress").attr("value"));
        assertEquals("polite", item.selectFirst(".export-status").attr("aria-live"));
        assertEquals(status + "/download", item.selectFirst("a.export-download").attr("href"));

        given().cookies(session).when().get(status + "/download").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"large-desk-.*\\.csv\""));
        // Reached through another project's URL, or by another member: not theirs.
        given().cookies(session).when().get("/projects/" + small.id + "/exports/" + jobId).then().statusCode(404);
        given().cookies(TestData.login("rev1")).when().get(status).then().statusCode(403);
        given().cookies(TestData.login("rev1")).accept("application/json").when().get(status + "/download")
                .then().statusCode(403).body("error", equalTo("forbidden"));
    }

    @Test
    void theFormsDoccanoEntitiesChoiceReachesTheJob() {
        Map<String, String> session = TestData.login("mara");
        TestData.Csrf csrf = TestData.csrf(session, "/projects/" + large.id);
        String location = csrf.form().formParam("format", "doccano").formParam("layer", "all")
                .formParam("entities", "mentions-cues")
                .when().post("/projects/" + large.id + "/exports")
                .then().statusCode(303).extract().header("Location");
        long jobId = Long.parseLong(location.substring(location.lastIndexOf('-') + 1));
        given().cookies(session).when().get("/projects/" + large.id + "/exports/" + jobId).then().statusCode(200)
                .body("parameters.entities", equalTo("mentions-cues"));
    }
}
