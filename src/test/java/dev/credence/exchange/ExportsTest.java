package dev.credence.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.SourceType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The download links on the project page (session cookie). */
@QuarkusTest
class ExportsTest {
    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;

    Project project;

    @BeforeEach
    void setUp() {
        data.reset();
        User mara = data.user("mara");
        data.user("olga");
        project = data.project("Port watch", mara);
        Document d = fixtures.document(project, "Quiet port", "Officials said the port was quiet, reportedly.\n");
        Layer layer = fixtures.layer(d, mara);
        fixtures.claim(layer, "the port was quiet",
                new ExportFixtures.HopSpec(fixtures.source("Port officials", SourceType.government_official),
                        "Officials", "said", Relation.asserts, "B"));
    }

    @Test
    void projectPageLinksDownload() {
        Map<String, String> session = TestData.login("mara");
        String body = given().cookies(session).queryParam("format", "jsonl")
                .when().get("/projects/" + project.id + "/export")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"port-watch-.*\\.jsonl\""))
                .extract().asString();
        assertEquals(1, body.split("\n").length);

        String csv = given().cookies(session).queryParam("format", "csv")
                .when().get("/projects/" + project.id + "/export")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals(2, csv.split("\r\n").length);
    }

    @Test
    void nonMemberGets404PageAndUnknownFormat400() {
        given().cookies(TestData.login("olga")).queryParam("format", "jsonl")
                .when().get("/projects/" + project.id + "/export").then().statusCode(404).contentType(startsWith("text/html"));
        given().cookies(TestData.login("mara")).queryParam("format", "pdf")
                .when().get("/projects/" + project.id + "/export").then().statusCode(400);
    }

    @Test
    void anonymousIsSentToLogin() {
        given().redirects().follow(false).queryParam("format", "jsonl")
                .when().get("/projects/" + project.id + "/export").then().statusCode(302)
                .header("Location", matchesPattern(".*/login$"));
    }
}
