package dev.credence.exchange;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** format=doccano over the real route, read back by {@link DoccanoJsonlReader}. */
@QuarkusTest
class DoccanoExportTest {
    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;

    InteropFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = InteropFixture.create(data, fixtures);
    }

    private String export(Map<String, String> parameters) {
        return TestData.api(TestData.token("mara")).queryParam("format", "doccano").queryParams(parameters)
                .when().get(fixture.url())
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"kite-watch-interop-.*\\.jsonl\""))
                .extract().asString();
    }

    private static DoccanoJsonlReader.Line layer(List<DoccanoJsonlReader.Line> lines, String layer) {
        return lines.stream().filter(l -> l.meta().get("layer").asText().equals(layer)).findFirst().orElseThrow();
    }

    @Test
    void everyEntityIsItsSpanInUtf16UnitsAndEveryHopARelation() throws Exception {
        List<DoccanoJsonlReader.Line> lines = DoccanoJsonlReader.read(export(Map.of()), DoccanoJsonlReader.Unit.UTF16);
        assertEquals(3, lines.size(), "gold and rev1 for the article, one line for the quiet article's layer");
        DoccanoJsonlReader.Line rev1 = layer(lines, "rev1");
        assertEquals(InteropFixture.KITE, rev1.text());
        assertEquals(fixture.kite().id.longValue(), rev1.id());
        assertEquals(sorted(InteropFixture.REV1_SPANS), sorted(rev1.spans()));
        assertEquals(sorted(InteropFixture.REV1_RELATIONS), sorted(rev1.relations()));
        assertEquals("utf16_code_units", rev1.meta().get("offsets").asText());
        assertEquals("Copper Kite breach", rev1.meta().get("title").asText());
        assertEquals("reviewer", rev1.meta().get("layer_kind").asText());
        assertEquals(1, rev1.meta().get("revision").asInt());

        // The emoji before every span: UTF-16 offsets differ from code points, and still slice the same text.
        DoccanoJsonlReader.Entity firstClaim = rev1.entities().get(0);
        assertEquals(InteropFixture.KITE.indexOf(InteropFixture.TWO_HOP), firstClaim.start());
        assertNotEquals(InteropFixture.KITE.codePointCount(0, firstClaim.start()), firstClaim.start());

        DoccanoJsonlReader.Line gold = layer(lines, "gold");
        assertEquals(List.of("CLAIM " + InteropFixture.TWO_HOP), gold.spans());
        assertEquals(List.of(), gold.relations(), "gold's hops name no mention");
        DoccanoJsonlReader.Line quiet = lines.get(2);
        assertEquals(InteropFixture.QUIET, quiet.text());
        assertEquals(List.of(), quiet.entities());
    }

    @Test
    void codePointOffsetsOnRequest() throws Exception {
        List<DoccanoJsonlReader.Line> lines = DoccanoJsonlReader.read(export(Map.of("offsets", "codepoints")),
                DoccanoJsonlReader.Unit.CODE_POINTS);
        DoccanoJsonlReader.Line rev1 = layer(lines, "rev1");
        assertEquals(sorted(InteropFixture.REV1_SPANS), sorted(rev1.spans()));
        assertEquals(sorted(InteropFixture.REV1_RELATIONS), sorted(rev1.relations()));
        assertEquals("unicode_code_points", rev1.meta().get("offsets").asText());
    }

    @Test
    void theDefaultVariantOverlapsSoTheProjectMustAllowIt() throws Exception {
        DoccanoJsonlReader.Line rev1 = layer(DoccanoJsonlReader.read(export(Map.of()), DoccanoJsonlReader.Unit.UTF16),
                "rev1");
        assertTrue(DoccanoJsonlReader.keptWithoutOverlapping(rev1).size() < rev1.entities().size(),
                "without 'Allow overlapping spans' doccano would drop some of these");
    }

    @Test
    void claimsOnlyHasNoOverlapsLeft() throws Exception {
        List<DoccanoJsonlReader.Line> lines = DoccanoJsonlReader.read(export(Map.of("entities", "claims")),
                DoccanoJsonlReader.Unit.UTF16);
        DoccanoJsonlReader.Line rev1 = layer(lines, "rev1");
        assertNoOverlaps(lines);
        assertEquals(sorted(List.of("CLAIM " + InteropFixture.TWO_HOP, "CLAIM " + InteropFixture.DENIAL)),
                sorted(rev1.spans()), "the nested claim is the one doccano would drop");
        assertEquals(1, rev1.meta().get("dropped_overlapping").asInt());
        assertEquals(List.of(), rev1.relations());
    }

    @Test
    void mentionsAndCuesKeepTheirCueLinks() throws Exception {
        List<DoccanoJsonlReader.Line> lines = DoccanoJsonlReader.read(export(Map.of("entities", "mentions-cues")),
                DoccanoJsonlReader.Unit.UTF16);
        assertNoOverlaps(lines);
        DoccanoJsonlReader.Line rev1 = layer(lines, "rev1");
        assertEquals(7, rev1.entities().size());
        assertFalse(rev1.spans().stream().anyMatch(s -> s.startsWith("CLAIM")));
        assertEquals(sorted(List.of("told -cue-> Lanternfish", "called -cue-> The ministry",
                "according to -cue-> " + InteropFixture.ANALYST)), sorted(rev1.relations()));
        assertEquals(0, rev1.meta().get("dropped_overlapping").asInt());
    }

    @Test
    void layerFilterAndVisibility() throws Exception {
        List<DoccanoJsonlReader.Line> gold = DoccanoJsonlReader.read(TestData.api(TestData.token("mara"))
                .queryParam("format", "doccano").queryParam("layer", "gold").when().get(fixture.url())
                .then().statusCode(200).extract().asString(), DoccanoJsonlReader.Unit.UTF16);
        assertEquals(List.of("gold", ""), gold.stream().map(l -> l.meta().get("layer").asText()).toList(),
                "the quiet article has no gold layer: one line with its text and no entities");
    }

    @Test
    void unknownVariantOrOffsetsIs400() {
        TestData.api(TestData.token("mara")).queryParam("format", "doccano").queryParam("entities", "sources")
                .when().get(fixture.url())
                .then().statusCode(400).body("error", equalTo("bad_request")).body("detail", startsWith("entities:"));
        TestData.api(TestData.token("mara")).queryParam("format", "doccano").queryParam("offsets", "bytes")
                .when().get(fixture.url())
                .then().statusCode(400).body("detail", startsWith("offsets:"));
    }

    @Test
    void projectPageOffersTheVariantsAndTheyDownloadWithTheSession() throws Exception {
        Map<String, String> session = TestData.login("mara");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(io.restassured.RestAssured.given().cookies(session)
                .when().get("/projects/" + fixture.project().id).then().statusCode(200).extract().asString());
        // The export form (GET /projects/{id}/export) offers both formats and doccano's entity variants.
        var form = page.selectFirst("form.export-form[action=/projects/" + fixture.project().id + "/export]");
        assertFalse(form == null, "the export form streams this small project");
        for (String format : List.of("labelstudio", "doccano")) {
            assertFalse(form.select("select[name=format] option[value=" + format + "]").isEmpty(), "format " + format);
        }
        for (String variant : List.of("claims", "mentions-cues")) {
            assertFalse(form.select("select[name=entities] option[value=" + variant + "]").isEmpty(), "entities " + variant);
        }
        String body = io.restassured.RestAssured.given().cookies(session).queryParam("format", "doccano")
                .queryParam("entities", "claims").when().get("/projects/" + fixture.project().id + "/export")
                .then().statusCode(200).extract().asString();
        assertNoOverlaps(DoccanoJsonlReader.read(body, DoccanoJsonlReader.Unit.UTF16));
    }

    private static void assertNoOverlaps(List<DoccanoJsonlReader.Line> lines) {
        for (DoccanoJsonlReader.Line line : lines) {
            List<DoccanoJsonlReader.Entity> entities = line.entities();
            for (int i = 0; i < entities.size(); i++) {
                for (int j = i + 1; j < entities.size(); j++) {
                    assertFalse(DoccanoJsonlReader.overlapping(entities.get(i), entities.get(j)),
                            entities.get(i) + " overlaps " + entities.get(j));
                }
            }
            assertEquals(entities, DoccanoJsonlReader.keptWithoutOverlapping(line), "doccano keeps every entity");
        }
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
