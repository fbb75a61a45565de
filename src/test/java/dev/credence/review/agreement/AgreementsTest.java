package dev.credence.review.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agreement page of a project. */
@QuarkusTest
class AgreementsTest {
    @Inject
    TestData data;
    @Inject
    AgreementFixtures agreement;

    Project project;
    Document document;

    @BeforeEach
    void setUp() {
        data.reset();
        User mara = data.user("mara");
        User alice = data.user("alice");
        User bob = data.user("bob");
        User carl = data.user("carl");
        data.user("olga");
        project = data.project("Harbor watch", mara);
        for (String reviewer : List.of("alice", "bob", "carl")) {
            data.member(project, reviewer, "reviewer");
        }
        document = agreement.setUp(project, alice, bob, carl);
    }

    org.jsoup.nodes.Document page(String user, Project p) {
        String html = given().cookies(TestData.login(user)).when().get("/projects/" + p.id + "/agreement")
                .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        return Jsoup.parse(html);
    }

    @Test
    void managerSeesFiguresWithThreeDecimals() {
        var html = page("mara", project);
        assertEquals("Agreement · Harbor watch · Credence", html.title());
        List<String> alpha = html.select("#alpha tbody tr").stream()
                .map(tr -> tr.select("td").get(0).text() + " " + tr.select("td").get(1).text() + " "
                        + tr.select("td").get(2).text())
                .toList();
        assertEquals(List.of("0.900 ordinal 4", "1.000 ordinal 3", "0.667 nominal 4", "1.000 nominal 4"), alpha);

        Element pair = html.selectFirst("#pairs tbody tr");
        List<String> cells = pair.select("td").eachText();
        assertEquals(List.of("alice", "bob", "1", "5 / 4", "4", "1.000", "0.800", "0.889", "0.667", "0.600", "0.692"),
                cells);

        Element doc = html.selectFirst("#documents tbody tr");
        assertEquals("/documents/" + document.id, doc.selectFirst("a").attr("href"));
        assertEquals("Harbor drills", doc.selectFirst("a").text());
        assertTrue(html.select("a[href=/projects/" + project.id + "/agreement/csv]").size() == 1);
    }

    @Test
    void undefinedFiguresShowADash() {
        Project empty = data.project("Empty", User.findByUsername("mara").orElseThrow());
        var html = page("mara", empty);
        assertEquals(List.of("—", "—", "—", "—"),
                html.select("#alpha tbody tr").stream().map(tr -> tr.select("td").get(0).text()).toList());
        assertTrue(html.select("#pairs").isEmpty());
    }

    @Test
    void csvDownload() {
        String csv = given().cookies(TestData.login("mara")).when().get("/projects/" + project.id + "/agreement/csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"agreement-project-\\d+\\.csv\""))
                .extract().asString();
        assertTrue(csv.startsWith("kind,metric,level,a,b,"));
    }

    @Test
    void reviewerGets403AndNonMember404() {
        given().cookies(TestData.login("alice")).when().get("/projects/" + project.id + "/agreement")
                .then().statusCode(403);
        given().cookies(TestData.login("olga")).when().get("/projects/" + project.id + "/agreement")
                .then().statusCode(404).contentType(startsWith("text/html"));
        given().redirects().follow(false).when().get("/projects/" + project.id + "/agreement")
                .then().statusCode(302).header("Location", matchesPattern(".*/login$"));
    }
}
