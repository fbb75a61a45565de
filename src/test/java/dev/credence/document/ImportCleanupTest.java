package dev.credence.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paste → preview with the boilerplate unticked → import only the kept blocks; nothing stored at preview. */
@QuarkusTest
class ImportCleanupTest {
    @Inject
    TestData data;
    Project project;
    Map<String, String> session;

    @BeforeEach
    void setUp() {
        data.reset();
        project = data.project("Cleanup desk", data.user("mia"));
        session = TestData.login("mia");
    }

    @Test
    void previewThenImportTheKeptBlocks() {
        String formPage = "/projects/" + project.id + "/documents/new";
        var csrf = TestData.csrf(session, formPage);
        Response preview = csrf.form().formParam("title", "Velmora ports").formParam("text", BoilerplateDetectorTest.PASTED)
                .when().post("/projects/" + project.id + "/documents/clean");
        assertEquals(200, preview.statusCode(), preview.asString());
        var html = Jsoup.parse(preview.asString());
        var boxes = html.select("input[type=checkbox][name=keep]");
        assertEquals(10, boxes.size());
        assertEquals(2, html.select("input[name=keep][checked]").size(), "only the article paragraphs are ticked");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Document.count("project.id", project.id)));

        var confirm = csrf.form().formParam("title", "Velmora ports")
                .formParam("text", html.selectFirst("textarea[name=text]").text().isEmpty() ? ""
                        : html.selectFirst("textarea[name=text]").wholeText());
        for (Element box : html.select("input[name=keep][checked]")) {
            confirm.formParam("keep", box.attr("value"));
        }
        confirm.formParam("keep", "0"); // the reviewer keeps the navigation line after all
        Response done = confirm.when().post("/projects/" + project.id + "/documents/cleaned");
        assertEquals(303, done.statusCode(), done.asString());
        String text = QuarkusTransaction.requiringNew().call(() -> Document.<Document>find("project.id", project.id)
                .firstResult().text);
        assertTrue(text.startsWith("Home | World | Asia | Technology\n\nHarbor operators"), text);
        assertTrue(!text.contains("STORY CONTINUES") && !text.contains("Download the app") && !text.contains("newsletter"));
        assertTrue(text.endsWith("active for years."), text);
    }
}
