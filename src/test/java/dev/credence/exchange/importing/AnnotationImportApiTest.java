package dev.credence.exchange.importing;

import static dev.credence.exchange.importing.ImportSamples.DRAGON;
import static dev.credence.exchange.importing.ImportSamples.DRAGON_CLAIM;
import static dev.credence.exchange.importing.ImportSamples.HARBOR;
import static dev.credence.exchange.importing.ImportSamples.HARBOR_CLAIM;
import static dev.credence.exchange.importing.ImportSamples.LEAK_CLAIM;
import static dev.credence.exchange.importing.ImportSamples.nfc;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.exchange.ExportFixtures;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceService;
import dev.credence.source.SourceType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnnotationImportApiTest {
    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;
    @Inject
    SourceService sources;

    /** Through the registry service, so the source's name keys exist as they do for every real source. */
    Source registered(String name, SourceType type, User by) {
        return QuarkusTransaction.requiringNew().call(() -> sources.create(name, type.name(), List.of(), by));
    }

    Project project;
    String token;

    @BeforeEach
    void setUp() {
        data.reset();
        User mara = data.user("mara");
        data.user("rita");
        data.user("olga");
        project = data.project("Imported desk", mara);
        data.member(project, "rita", "reviewer");
        data.member(project, "olga", "reviewer");
        token = TestData.token("mara");
    }

    ValidatableResponse post(Project p, String query, String contentType, String body) {
        return given().header("Authorization", "Bearer " + token).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/projects/" + p.id + "/import?" + query).then();
    }

    List<JsonNode> export(Project p) throws Exception {
        String body = given().header("Authorization", "Bearer " + token)
                .when().get("/api/v1/projects/" + p.id + "/export?format=jsonl")
                .then().statusCode(200).extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                lines.add(ImportSamples.JSON.readTree(line));
            }
        }
        return lines;
    }

    long documents(Project p) {
        return QuarkusTransaction.requiringNew().call(() -> Document.count("project.id", p.id));
    }

    /** The independent check: every span's exact text is the document text at its code points. */
    static void spansMatchText(JsonNode doc) {
        String text = doc.get("text").asText();
        int[] cps = text.codePoints().toArray();
        for (JsonNode layer : doc.get("layers")) {
            for (String kind : List.of("claims", "mentions", "cues")) {
                for (JsonNode s : layer.get(kind)) {
                    String slice = new String(cps, s.get("start").asInt(), s.get("end").asInt() - s.get("start").asInt());
                    assertEquals(slice, s.get("exact").asText(), kind + " " + s);
                }
            }
        }
    }

    static JsonNode byExact(JsonNode spans, String exact) {
        for (JsonNode s : spans) {
            if (s.get("exact").asText().equals(exact)) {
                return s;
            }
        }
        throw new AssertionError("no span '" + exact + "' in " + spans);
    }

    @Test
    void doccanoRelationsBecomeClaimsWithChainsInTheNamedReviewersLayer() throws Exception {
        post(project, "format=doccano&layer=rita&filename=desk.jsonl", "application/x-ndjson",
                ImportSamples.doccanoRelations())
                .statusCode(201).body("imported", hasSize(2)).body("claims", equalTo(3)).body("mentions", equalTo(3))
                .body("cues", equalTo(3)).body("hops", equalTo(3)).body("duplicates", hasSize(0));
        List<JsonNode> docs = export(project);
        assertEquals(2, docs.size());
        JsonNode dragon = docs.get(0);
        assertEquals(nfc(DRAGON), dragon.get("text").asText(), "stored NFC");
        spansMatchText(dragon);
        JsonNode layer = dragon.get("layers").get(0);
        assertEquals("rita", layer.get("owner").get("username").asText());
        assertEquals("submitted", layer.get("state").asText());
        JsonNode claim = byExact(layer.get("claims"), DRAGON_CLAIM);
        assertEquals("Daily Meridian ← Kestrel Labs", claim.get("chain").asText());
        JsonNode hop0 = claim.get("attribution").get(0);
        assertEquals("asserts", hop0.get("relation").asText());
        assertEquals("firm_report", hop0.get("source").get("type").asText());
        assertEquals("told", hop0.get("cue").get("exact").asText());
        // After the decomposed accent the stored offsets are one code point smaller than the file's.
        JsonNode leak = byExact(layer.get("claims"), LEAK_CLAIM);
        assertEquals(ImportSamples.cp(DRAGON, LEAK_CLAIM) - 1, leak.get("start").asInt());
        assertEquals("anonymous_official", leak.get("attribution").get(0).get("source").get("type").asText());
        assertEquals("belief", leak.get("attribution").get(0).get("cue").get("cueClass").asText());
        JsonNode harbor = docs.get(1);
        spansMatchText(harbor);
        assertEquals(HARBOR_CLAIM, harbor.get("layers").get(0).get("claims").get(0).get("exact").asText());
        assertEquals("Port authorities in Velmora confirmed on Tuesday that 3 cranes stopped.",
                harbor.get("title").asText());
    }

    @Test
    void doccanoOlderLabelFormAndJsonContentType() throws Exception {
        post(project, "format=doccano&layer=gold", "application/json", ImportSamples.doccanoLabels())
                .statusCode(201).body("claims", equalTo(1)).body("cues", equalTo(1));
        JsonNode doc = export(project).get(0);
        spansMatchText(doc);
        assertEquals("gold", doc.get("layers").get(0).get("kind").asText());
    }

    @Test
    void labelStudioAnnotationsAndPredictions() throws Exception {
        post(project, "format=labelstudio&layer=olga&filename=tasks.json", "application/octet-stream",
                ImportSamples.labelStudioTasks())
                .statusCode(201).body("imported", hasSize(2)).body("claims", equalTo(3)).body("hops", equalTo(1));
        List<JsonNode> docs = export(project);
        JsonNode dragon = docs.get(0);
        assertEquals("Jade Lantern hit nine ports", dragon.get("title").asText());
        assertEquals("https://meridian.example/jade-lantern", dragon.get("url").asText());
        spansMatchText(dragon);
        JsonNode layer = dragon.get("layers").get(0);
        assertEquals("submitted", layer.get("state").asText());
        JsonNode claim = byExact(layer.get("claims"), DRAGON_CLAIM);
        assertEquals("hedged", claim.get("stance").asText());
        assertEquals(3, claim.get("credibility").asInt());
        assertEquals("Kestrel Labs", claim.get("chain").asText());
        assertEquals("told", claim.get("attribution").get(0).get("cue").get("exact").asText());
        assertEquals(ImportSamples.cp(DRAGON, LEAK_CLAIM) - 1, byExact(layer.get("claims"), LEAK_CLAIM).get("start").asInt());
        // Predictions are pre-annotations: the reviewer's layer is left open for them to check and submit.
        JsonNode pre = docs.get(1).get("layers").get(0);
        assertEquals("in_progress", pre.get("state").asText());
        assertEquals(HARBOR_CLAIM, pre.get("claims").get(0).get("exact").asText());
        spansMatchText(docs.get(1));
    }

    @Test
    void previewProposesAMappingAndStoresNothing() {
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(ImportSamples.labelStudioTasks().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/projects/" + project.id + "/import/preview?format=labelstudio")
                .then().statusCode(200).body("documents", equalTo(2)).body("predictions", equalTo(1))
                .body("spanLabels.Claim", equalTo(3))
                .body("mapping.find { it.label == 'Source: firm report' }.target", equalTo("mention:firm_report"))
                .body("mapping.find { it.label == 'hedged' }.target", equalTo("stance:hedged"))
                .body("unmapped", hasSize(0));
        assertEquals(0, documents(project));
    }

    @Test
    void unknownLabelsAreReportedAndCanBeMappedOrIgnored() throws Exception {
        String file = ImportSamples.doccanoLabels().replace("\"Claim\"", "\"ASSERTION\"").replace("\"Cue\"", "\"MISC\"");
        post(project, "format=doccano&layer=rita", "application/x-ndjson", file).statusCode(422)
                .body("detail", containsString("span label 'ASSERTION'")).body("detail", containsString("'MISC'"));
        assertEquals(0, documents(project));
        given().header("Authorization", "Bearer " + token).contentType("application/x-ndjson")
                .queryParam("format", "doccano").queryParam("layer", "rita")
                .queryParam("mapping", "ASSERTION=claim:quantity,MISC=ignore").body(file.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/projects/" + project.id + "/import").then().statusCode(201).body("claims", equalTo(1)).body("cues", equalTo(0));
        assertEquals("quantity", export(project).get(0).get("layers").get(0).get("claims").get(0).get("kind").asText());
    }

    @Test
    void aRegionWhoseTextDoesNotMatchIsRefusedWithTaskAndField() {
        // UTF-16 offsets (what a JavaScript tool might write): off by one after the emoji.
        ArrayNode tasks = ImportSamples.JSON.createArrayNode();
        tasks.addObject().putObject("data").put("text", HARBOR);
        ObjectNode t = tasks.addObject();
        t.putObject("data").put("text", DRAGON);
        ArrayNode result = t.putArray("annotations").addObject().putArray("result");
        ObjectNode r = result.addObject();
        r.put("id", "x");
        r.put("type", "labels");
        int utf16 = DRAGON.indexOf(LEAK_CLAIM);
        r.putObject("value").put("start", utf16).put("end", utf16 + LEAK_CLAIM.length()).put("text", LEAK_CLAIM)
                .putArray("labels").add("Claim");
        post(project, "format=labelstudio&layer=rita&filename=ls.json", "application/json", tasks.toString())
                .statusCode(422).body("detail", containsString("ls.json task 1: annotations[0].result[0].value.text"))
                .body("detail", containsString("code points"));
        assertEquals(0, documents(project));
    }

    @Test
    void aBadLineAtTheEndLeavesNothingStored() {
        String good = ImportSamples.doccanoRelations();
        post(project, "format=doccano&layer=rita&filename=batch.jsonl", "application/x-ndjson",
                good + "{\"text\":\"A third story.\",\"entities\":[{\"id\":1,\"label\":\"Claim\",\"start_offset\":2,\"end_offset\":99}]}\n")
                .statusCode(422).body("detail", containsString("batch.jsonl line 3: entities[0].start/end"));
        post(project, "format=doccano&layer=rita&filename=batch.jsonl", "application/x-ndjson",
                good + "{\"text\":\"dup\",\"text\":\"keys\"}\n")
                .statusCode(400).body("detail", containsString("batch.jsonl line 3")).body("detail",
                        containsString("Duplicate field"));
        post(project, "format=labelstudio&layer=rita&filename=t.json", "application/json",
                ImportSamples.labelStudioTasks() + " []").statusCode(400).body("detail", containsString("data after"));
        assertEquals(0, documents(project));
    }

    @Test
    void duplicatesAreReportedNotRepeated() {
        post(project, "format=doccano&layer=rita", "application/x-ndjson", ImportSamples.doccanoLabels())
                .statusCode(201);
        post(project, "format=doccano&layer=olga&filename=again.jsonl", "application/x-ndjson",
                ImportSamples.doccanoRelations())
                .statusCode(201).body("imported", hasSize(1)).body("duplicates", hasSize(1))
                .body("duplicates[0].where", equalTo("again.jsonl line 2"));
        post(project, "format=doccano&layer=olga", "application/x-ndjson", ImportSamples.doccanoLabels())
                .statusCode(200).body("imported", hasSize(0)).body("duplicates", hasSize(1));
        assertEquals(2, documents(project));
    }

    @Test
    void theLayerMustBelongToAMemberAndIsRequiredForForeignFormats() {
        post(project, "format=doccano", "application/x-ndjson", ImportSamples.doccanoLabels()).statusCode(422)
                .body("detail", containsString("layer: required"));
        data.user("outsider");
        post(project, "format=doccano&layer=outsider", "application/x-ndjson", ImportSamples.doccanoLabels())
                .statusCode(422).body("detail", containsString("'outsider' is not a member"));
        post(project, "format=brat&layer=rita", "application/x-ndjson", "x").statusCode(400);
        String reviewer = TestData.token("rita");
        given().header("Authorization", "Bearer " + reviewer).contentType("application/json")
                .body(ImportSamples.doccanoLabels()).when()
                .post("/api/v1/projects/" + project.id + "/import?format=doccano&layer=rita").then().statusCode(403);
        assertEquals(0, documents(project));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        byte[] big = new byte[5_000_001];
        java.util.Arrays.fill(big, (byte) ' ');
        given().header("Authorization", "Bearer " + token).contentType("application/octet-stream").body(big)
                .when().post("/api/v1/projects/" + project.id + "/import?format=doccano&layer=rita")
                .then().statusCode(413);
    }

    /** Native JSONL: export → import into another project → export gives the same annotations. */
    @Test
    void nativeJsonlRoundTripsLosslessly() throws Exception {
        // Texts come in through the real article import, so they are stored normalized.
        given().header("Authorization", "Bearer " + token).contentType("application/x-ndjson")
                .body((ImportSamples.JSON.createObjectNode().put("title", "Jade Lantern").put("text", DRAGON)
                        .put("url", "https://meridian.example/jl").put("publisher", "Daily Meridian")
                        .put("publishedAt", "2025-02-11") + "\n"
                        + ImportSamples.JSON.createObjectNode().put("title", "Cranes").put("text", HARBOR) + "\n")
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/projects/" + project.id + "/documents/import").then().statusCode(201);
        List<Document> docs = QuarkusTransaction.requiringNew()
                .call(() -> Document.<Document>list("project.id = ?1 order by id", project.id));
        User rita = QuarkusTransaction.requiringNew().call(() -> User.find("username", "rita").firstResult());
        User olga = QuarkusTransaction.requiringNew().call(() -> User.find("username", "olga").firstResult());
        Source firm = registered("Kestrel Labs", SourceType.firm_report, rita);
        Source outlet = registered("Daily Meridian", SourceType.independent_media, rita);
        Source officials = registered("Officials", SourceType.anonymous_official, rita);
        Layer l1 = fixtures.layer(docs.get(0), rita);
        fixtures.claim(l1, DRAGON_CLAIM, new ExportFixtures.HopSpec(firm, "Kestrel Labs", "told", Relation.asserts, "B"),
                new ExportFixtures.HopSpec(outlet, "Daily Meridian", null, Relation.reports, "C"));
        fixtures.claim(l1, LEAK_CLAIM, new ExportFixtures.HopSpec(officials, "Officials", "believe", Relation.asserts, null));
        Layer gold = fixtures.layer(docs.get(0), null);
        fixtures.claim(gold, DRAGON_CLAIM, new ExportFixtures.HopSpec(firm, null, null, Relation.asserts, "B"));
        Layer l2 = fixtures.layer(docs.get(1), olga);
        fixtures.claim(l2, HARBOR_CLAIM);

        String first = given().header("Authorization", "Bearer " + token)
                .when().get("/api/v1/projects/" + project.id + "/export?format=jsonl").then().statusCode(200)
                .extract().asString();
        Project other = data.project("Second desk", QuarkusTransaction.requiringNew()
                .call(() -> User.find("username", "mara").firstResult()));
        data.member(other, "rita", "reviewer");
        data.member(other, "olga", "reviewer");
        post(other, "format=jsonl&filename=first.jsonl", "application/x-ndjson", first).statusCode(201)
                .body("imported", hasSize(2)).body("layers", equalTo(3)).body("claims", equalTo(4));
        List<JsonNode> a = export(project);
        List<JsonNode> b = export(other);
        assertEquals(withoutIds(a).toString(), withoutIds(b).toString());
        for (JsonNode d : b) {
            spansMatchText(d);
        }
        // Into a third project once more: nothing of the second export is lost either.
        Project third = data.project("Third desk", QuarkusTransaction.requiringNew()
                .call(() -> User.find("username", "mara").firstResult()));
        data.member(third, "rita", "reviewer");
        data.member(third, "olga", "reviewer");
        String second = given().header("Authorization", "Bearer " + token)
                .when().get("/api/v1/projects/" + other.id + "/export?format=jsonl").then().extract().asString();
        post(third, "format=jsonl", "application/x-ndjson", second).statusCode(201);
        assertEquals(withoutIds(a).toString(), withoutIds(export(third)).toString());
        // The same file again: every document is a duplicate.
        post(other, "format=jsonl", "application/x-ndjson", first).statusCode(200).body("duplicates", hasSize(2));
    }

    @Test
    void nativeJsonlNeedsTheLayerOwnersAsMembers() {
        String line = ImportSamples.JSON.createObjectNode().put("title", "t").put("text", HARBOR)
                .set("layers", ImportSamples.JSON.createArrayNode().add(ImportSamples.JSON.createObjectNode()
                        .put("kind", "reviewer").put("state", "submitted")
                        .set("owner", ImportSamples.JSON.createObjectNode().put("username", "zed")))).toString();
        post(project, "format=jsonl&filename=n.jsonl", "application/x-ndjson", line + "\n").statusCode(422)
                .body("detail", containsString("n.jsonl line 1: layers[0].owner: 'zed' is not a member"));
        post(project, "format=jsonl&layer=rita", "application/x-ndjson", line + "\n").statusCode(201)
                .body("layers", equalTo(1));
        assertNull(null);
    }

    /** Ids are the only thing an import may change: documents, layers, claims, mentions, cues get new ones. */
    static JsonNode withoutIds(List<JsonNode> docs) {
        ArrayNode all = ImportSamples.JSON.createArrayNode();
        for (JsonNode d : docs) {
            JsonNode copy = d.deepCopy();
            strip(copy);
            all.add(copy);
        }
        return all;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            JsonNode source = null;
            if (o.has("source") && o.get("source").isObject()) {
                source = o.get("source");
            }
            o.remove("id");
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() != source) {
                    strip(e.getValue());
                }
            }
            assertTrue(source == null || source.has("id"), "registry sources keep their id");
        } else if (node.isArray()) {
            node.forEach(AnnotationImportApiTest::strip);
        }
    }
}
