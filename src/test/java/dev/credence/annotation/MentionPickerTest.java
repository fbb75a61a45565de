package dev.credence.annotation;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static dev.credence.annotation.AnnotationFixtures.span;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A hop's mention picker lists that source's mentions first and says when the chosen one names another source. */
@QuarkusTest
class MentionPickerTest {
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    AnnotationService annotations;

    User rita;
    Document doc;

    @BeforeEach
    void setUp() {
        data.reset();
        rita = data.user("rita");
        Project p = data.project("Harbours", rita);
        doc = fixtures.document(p, "Lanternfish report", ARTICLE);
    }

    @Test
    void sourceMentionsFirstAndMismatchWarned() {
        Mention courier = annotations.createMention(doc, rita, span(ARTICLE, "Harbor Courier"), null, "Harbor Courier",
                "independent_media");
        Mention firm = annotations.createMention(doc, rita, span(ARTICLE, "Lanternfish"), null, "Lanternfish",
                "firm_report");
        SpanInput s = span(ARTICLE, "had targeted 14 shipping companies since March");
        // the hop says Harbor Courier but points at the Lanternfish mention
        Claim c = annotations.createClaim(doc, rita, new ClaimInput(s.start(), s.end(), "event", null, null, null, null,
                null, List.of(new HopInput(null, "Harbor Courier", "independent_media", firm.id, null, null, null,
                        "asserts", null))));
        Map<String, String> session = TestData.login("rita");
        String html = given().cookies(session).header("HX-Request", "true").when()
                .get("/documents/" + doc.id + "/claims/" + c.id + "/edit").then().statusCode(200).extract().asString();
        Element select = Jsoup.parse(html).selectFirst("select[name='hops[0].mentionId']");
        Element first = select.selectFirst("optgroup");
        assertEquals("Mentions of Harbor Courier", first.attr("label"));
        assertEquals(List.of(String.valueOf(courier.id)), first.select("option").eachAttr("value"));
        assertTrue(select.select("optgroup").get(1).text().contains("Lanternfish"));
        Element warn = Jsoup.parse(html).getElementById("hop0-mention-warn");
        assertEquals("Mismatch: this mention names Lanternfish, not Harbor Courier.", warn.text());
        assertEquals("hop0-mention-warn", select.attr("aria-describedby"));
    }
}
