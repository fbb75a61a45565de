package dev.credence.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportApiTest {
    static final String KITE = "Researchers at the cybersecurity firm Lanternfish told the Harbor Ledger that "
            + "the group \"Copper Kite\" 🐉 breached 14 agencies, twice.\nThe ministry called it 谣言.\n";
    static final String QUIET = "A quiet day at the port. Officials said nothing, reportedly.\n";
    static final String TWO_HOP = "the group \"Copper Kite\" 🐉 breached 14 agencies, twice.";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;
    @Inject
    ExportReader reader;

    Project project;
    Document kite;
    Document quiet;

    @BeforeEach
    void setUp() {
        data.reset();
        User mara = data.user("mara");
        User rev1 = data.user("rev1");
        User rev2 = data.user("rev2");
        data.user("olga");
        project = data.project("Kite Watch: Q3", mara);
        data.member(project, "rev1", "reviewer");
        data.member(project, "rev2", "reviewer");
        kite = fixtures.document(project, "Copper Kite breach", KITE);
        quiet = fixtures.document(project, "Quiet port", QUIET);

        Source firm = fixtures.source("Lanternfish", SourceType.firm_report);
        Source outlet = fixtures.source("Harbor Ledger", SourceType.independent_media);
        Source ministry = fixtures.source("The ministry", SourceType.government_statement);

        Layer layer1 = fixtures.layer(kite, rev1);
        fixtures.claim(layer1, TWO_HOP,
                new ExportFixtures.HopSpec(firm, "Lanternfish", "told", Relation.asserts, "C"),
                new ExportFixtures.HopSpec(outlet, "Harbor Ledger", null, Relation.reports, "B"));
        Layer layer2 = fixtures.layer(kite, rev2);
        fixtures.claim(layer2, "The ministry called it 谣言",
                new ExportFixtures.HopSpec(ministry, "The ministry", "called", Relation.asserts, null));
        Layer gold = fixtures.layer(kite, null);
        fixtures.claim(gold, TWO_HOP, new ExportFixtures.HopSpec(firm, null, null, Relation.asserts, "C"),
                new ExportFixtures.HopSpec(outlet, null, null, Relation.reports, null));
        fixtures.layer(quiet, rev1);
    }

    private String url() {
        return "/api/v1/projects/" + project.id + "/export";
    }

    private static List<JsonNode> lines(String body) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(MAPPER.readTree(line));
        }
        return lines;
    }

    private static List<CSVRecord> rows(String body) throws Exception {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().get()).get()) {
            return parser.getRecords();
        }
    }

    @Test
    void managerGetsEveryDocumentAndLayerAsJsonl() throws Exception {
        String body = TestData.api(TestData.token("mara")).queryParam("format", "jsonl")
                .when().get(url())
                .then().statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"kite-watch-q3-\\d{4}-\\d{2}-\\d{2}\\.jsonl\""))
                .extract().asString();
        List<JsonNode> lines = lines(body);
        assertEquals(2, lines.size());
        JsonNode doc = lines.get(0);
        assertEquals(kite.id.longValue(), doc.get("id").asLong());
        assertEquals(KITE, doc.get("text").asText());
        assertEquals(3, doc.get("layers").size(), "two reviewer layers and gold");
        assertEquals("gold", doc.at("/layers/0/kind").asText());

        JsonNode claim = null;
        for (JsonNode layer : doc.get("layers")) {
            if ("rev1".equals(layer.at("/owner/username").asText())) {
                claim = layer.at("/claims/0");
                assertEquals(2, layer.get("mentions").size());
                assertEquals(1, layer.get("cues").size());
            }
        }
        assertEquals("Harbor Ledger ← Lanternfish", claim.get("chain").asText());
        assertEquals(TWO_HOP, claim.get("exact").asText());
        assertEquals(TWO_HOP, ExportFixtures.codePoints(KITE, claim.get("start").asInt(), claim.get("end").asInt()));
        assertEquals("Lanternfish", claim.at("/attribution/0/source/name").asText());
        assertEquals("told", claim.at("/attribution/0/cue/exact").asText());
        assertEquals("Harbor Ledger", claim.at("/attribution/1/mention/exact").asText());
        assertEquals("reports", claim.at("/attribution/1/relation").asText());

        assertEquals(1, lines.get(1).get("layers").size());
        assertEquals(0, lines.get(1).at("/layers/0/claims").size());
    }

    @Test
    void csvHasAHeaderAndOneRowPerClaim() throws Exception {
        String body = TestData.api(TestData.token("mara")).queryParam("format", "csv")
                .when().get(url())
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"kite-watch-q3-.*\\.csv\""))
                .extract().asString();
        assertTrue(body.startsWith("document_id,document_title,document_url,layer_id,layer_kind,reviewer,claim_id,"));
        assertTrue(body.substring(0, body.indexOf('\r')).endsWith(",hop1_source,hop1_type,hop1_relation,hop1_reliability"),
                "two hop groups: the longest chain in the project has two hops");
        List<CSVRecord> rows = rows(body);
        assertEquals(3, rows.size());
        CSVRecord rev1 = rows.stream().filter(r -> r.get("reviewer").equals("rev1")).findFirst().orElseThrow();
        assertEquals(TWO_HOP, rev1.get("exact"));
        assertEquals("Harbor Ledger ← Lanternfish", rev1.get("chain"));
        assertEquals("2", rev1.get("hop_count"));
        assertEquals("Lanternfish", rev1.get("hop0_source"));
        assertEquals("firm_report", rev1.get("hop0_type"));
        assertEquals("B", rev1.get("hop1_reliability"));
        CSVRecord rev2 = rows.stream().filter(r -> r.get("reviewer").equals("rev2")).findFirst().orElseThrow();
        assertEquals("The ministry called it 谣言", rev2.get("exact"));
        assertEquals("", rev2.get("hop1_source"));
    }

    @Test
    void reviewerSeesOnlyTheirOwnLayers() throws Exception {
        List<JsonNode> lines = lines(TestData.api(TestData.token("rev2")).queryParam("format", "jsonl")
                .when().get(url()).then().statusCode(200).extract().asString());
        assertEquals(2, lines.size(), "every document, filtered layers");
        assertEquals(1, lines.get(0).get("layers").size());
        assertEquals("rev2", lines.get(0).at("/layers/0/owner/username").asText());
        assertEquals(0, lines.get(1).get("layers").size());

        List<CSVRecord> rows = rows(TestData.api(TestData.token("rev1")).queryParam("format", "csv")
                .when().get(url()).then().statusCode(200).extract().asString());
        assertEquals(1, rows.size());
        assertEquals("rev1", rows.get(0).get("reviewer"));
    }

    @Test
    void goldOnly() throws Exception {
        List<JsonNode> lines = lines(TestData.api(TestData.token("mara")).queryParam("format", "jsonl")
                .queryParam("layer", "gold").when().get(url()).then().statusCode(200).extract().asString());
        assertEquals(1, lines.get(0).get("layers").size());
        assertEquals("gold", lines.get(0).at("/layers/0/kind").asText());
        assertTrue(lines.get(0).at("/layers/0/owner").isNull());
    }

    @Test
    void nonMemberGets404() {
        TestData.api(TestData.token("olga")).queryParam("format", "jsonl").when().get(url())
                .then().statusCode(404).body("error", equalTo("not_found"));
        TestData.api(TestData.token("olga")).queryParam("format", "jsonl").when().get("/api/v1/projects/999999/export")
                .then().statusCode(404);
    }

    @Test
    void unknownFormatOrLayerIs400() {
        TestData.api(TestData.token("mara")).queryParam("format", "xml").when().get(url())
                .then().statusCode(400).body("error", equalTo("bad_request")).body("detail", startsWith("format:"));
        TestData.api(TestData.token("mara")).when().get(url()).then().statusCode(400);
        TestData.api(TestData.token("mara")).queryParam("format", "csv").queryParam("layer", "mine").when().get(url())
                .then().statusCode(400).body("detail", startsWith("layer:"));
    }

    @Test
    void noTokenIs401() {
        given().queryParam("format", "jsonl").when().get(url())
                .then().statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void readerPagesThroughDocumentsInIdOrder() {
        List<List<Long>> pages = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> reader.forEachPage(ExportScope.all(project.id), 1,
                page -> pages.add(page.stream().map(ExportRows.Document::id).toList())));
        assertEquals(List.of(List.of(kite.id), List.of(quiet.id)), pages);
        long rev2 = QuarkusTransaction.requiringNew().call(() -> User.findByUsername("rev2").orElseThrow().id);
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> reader.maxHopCount(ExportScope.all(project.id))));
        assertEquals(1, QuarkusTransaction.requiringNew().call(
                () -> reader.maxHopCount(new ExportScope(project.id, rev2, false))));
    }

    @Test
    void openApiDocumentsTheRoute() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body("paths.'/api/v1/projects/{id}/export'.get.summary", startsWith("Stream"));
    }
}
