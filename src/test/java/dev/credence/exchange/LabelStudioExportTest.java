package dev.credence.exchange;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** format=labelstudio over the real route, read back by {@link LabelStudioExportReader}. */
@QuarkusTest
class LabelStudioExportTest {
    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;

    InteropFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = InteropFixture.create(data, fixtures);
    }

    static byte[] export(String token, InteropFixture fixture, String layer) {
        return TestData.api(token).queryParam("format", "labelstudio").queryParam("layer", layer)
                .when().get(fixture.url())
                .then().statusCode(200).contentType(equalTo("application/zip"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"kite-watch-interop-.*\\.zip\""))
                .extract().asByteArray();
    }

    /** "Claim text" → "CLAIM text", the fixture's spelling. */
    private static List<String> upper(List<String> spans) {
        return spans.stream().map(s -> s.substring(0, s.indexOf(' ')).toUpperCase() + s.substring(s.indexOf(' ')))
                .sorted().toList();
    }

    @Test
    void everyRegionIsItsTextByCodePointsAndEveryHopARelation() throws Exception {
        LabelStudioExportReader.Export export = LabelStudioExportReader.read(
                export(TestData.token("mara"), fixture, "all"));
        assertEquals(List.of("tasks.json", "label_config.xml", "README.md"), List.copyOf(export.entries().keySet()));
        assertEquals(2, export.tasks().size(), "one task per document");

        LabelStudioExportReader.Task kite = export.tasks().get(0);
        assertEquals(InteropFixture.KITE, kite.text());
        JsonNode data = kite.node().get("data");
        assertEquals(fixture.kite().id.longValue(), data.get("document_id").asLong());
        assertEquals("Copper Kite breach", data.get("title").asText());
        assertEquals(1, data.get("revision").asInt());
        assertEquals("unicode_code_points", kite.node().at("/meta/offsets").asText());
        assertEquals(List.of("gold", "rev1"), List.of(kite.node().at("/meta/layers/0/kind").asText(),
                kite.node().at("/meta/layers/1/reviewer").asText()));

        LabelStudioExportReader.Annotation gold = kite.annotations().get(0);
        assertTrue(gold.groundTruth());
        assertEquals(List.of("CLAIM " + InteropFixture.TWO_HOP), upper(gold.spans()));
        assertEquals(List.of(), gold.relations());
        assertTrue(gold.perRegion().contains("chain=Harbor Ledger ← Lanternfish @ " + InteropFixture.TWO_HOP));

        LabelStudioExportReader.Annotation rev1 = kite.annotations().get(1);
        assertFalse(rev1.groundTruth());
        assertEquals(InteropFixture.REV1_SPANS.stream().sorted().toList(), upper(rev1.spans()));
        assertEquals(InteropFixture.REV1_RELATIONS.stream().sorted().toList(), rev1.relations().stream().sorted().toList());
        for (String grade : List.of("credibility=3 @ " + InteropFixture.TWO_HOP, "kind=event @ " + InteropFixture.DENIAL,
                "stance=asserted @ " + InteropFixture.NESTED, "reliability=C @ Lanternfish",
                "reliability=B @ Harbor Ledger", "reliability=D @ " + InteropFixture.ANALYST,
                "source=Saqira Amelie @ " + InteropFixture.ANALYST, "cue_class=speech @ according to")) {
            assertTrue(rev1.perRegion().contains(grade), grade + " in " + rev1.perRegion());
        }
        assertFalse(rev1.perRegion().stream().anyMatch(s -> s.startsWith("reliability=") && s.endsWith("@ The ministry")),
                "an ungraded hop writes no reliability");

        LabelStudioExportReader.Task quiet = export.tasks().get(1);
        assertEquals(InteropFixture.QUIET, quiet.text());
        assertEquals(1, quiet.annotations().size());
        assertEquals(List.of(), quiet.annotations().get(0).spans());
    }

    @Test
    void configDeclaresEveryValueTheEnumsHave() throws Exception {
        LabelStudioExportReader.Config config = LabelStudioExportReader.config(LabelStudioConfig.xml());
        assertEquals(java.util.Set.of("Claim", "Source", "Cue"), config.labels.get("label"));
        assertEquals(java.util.Set.of("A", "B", "C", "D", "E", "F"), config.choices.get("reliability"));
        assertEquals(java.util.Set.of("1", "2", "3", "4", "5", "6"), config.choices.get("credibility"));
        assertEquals(dev.credence.annotation.ClaimKind.values().length, config.choices.get("kind").size());
        assertEquals(dev.credence.annotation.CueClass.values().length, config.choices.get("cue_class").size());
        assertEquals(java.util.Set.of("asserts", "reports", "cites", "quotes", "leaked_via", "cue"), config.relations);
        assertEquals(java.util.Set.of("rationale", "chain", "source"), config.textAreas);
    }

    @Test
    void datasetCardCountsAndExplains() throws Exception {
        String readme = LabelStudioExportReader.read(export(TestData.token("mara"), fixture, "all")).readme();
        assertTrue(readme.contains("| Claims | 4 |"), readme);
        assertTrue(readme.contains("Unicode code points"));
        assertTrue(readme.contains("label_config.xml"));
        assertTrue(readme.contains("`format`: `labelstudio`"));
    }

    @Test
    void goldOnlyAndReviewerVisibility() throws Exception {
        LabelStudioExportReader.Export gold = LabelStudioExportReader.read(export(TestData.token("mara"), fixture, "gold"));
        assertEquals(1, gold.tasks().get(0).annotations().size());
        assertTrue(gold.tasks().get(0).annotations().get(0).groundTruth());
        assertEquals(0, gold.tasks().get(1).annotations().size(), "a document without gold is a task to annotate");

        LabelStudioExportReader.Export rev1 = LabelStudioExportReader.read(export(TestData.token("rev1"), fixture, "all"));
        assertEquals(1, rev1.tasks().get(0).annotations().size(), "a reviewer gets only the layers they may read");
        assertFalse(rev1.tasks().get(0).annotations().get(0).groundTruth());
    }
}
