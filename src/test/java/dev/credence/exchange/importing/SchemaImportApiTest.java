package dev.credence.exchange.importing;

import static dev.credence.exchange.importing.ImportSamples.DRAGON_CLAIM;
import static dev.credence.exchange.importing.ImportSamples.LEAK_CLAIM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.history.ChangeLogEntry;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Imports into a project whose label schema is not the default one: every value is mapped to, checked against and
 * offered from the project's own schema; a value the schema lacks is refused naming the file, line and field, and
 * nothing is stored. Every document, layer, claim, mention and cue an import creates is in the project history.
 */
@QuarkusTest
class SchemaImportApiTest {
    @Inject
    TestData data;

    User mara;
    Project custom;
    Project plain;
    String token;

    @BeforeEach
    void setUp() {
        data.reset();
        mara = data.user("mara");
        data.user("rita");
        custom = data.project("Custom schema desk", mara);
        plain = data.project("Default schema desk", mara);
        data.member(custom, "rita", "reviewer");
        data.member(plain, "rita", "reviewer");
        token = TestData.token("mara");
        // No 'event', 'hedged', 'reports', 'speech' or 'anonymous_official' here: the defaults are not this schema.
        TestData.api(token).body(schema()).when().put("/api/v1/projects/{id}/schema", custom.id).then().statusCode(200);
    }

    static Map<String, Object> schema() {
        return Map.of(
                "kind", List.of(value("incident", "Incident", "i"), value("forecast", "Forecast", "f")),
                "stance", List.of(value("asserted", "Asserted", "a"), value("qualified", "Qualified", "q")),
                "cueClass", List.of(value("said", "Said", "t"), value("belief", "Belief", "b")),
                "relation", List.of(value("asserts", "Asserts", "a"), value("relays", "Relays", "r")),
                "sourceType", List.of(value("firm_report", "Firm report", "f"),
                        value("independent_media", "Independent media", "m")));
    }

    static Map<String, String> value(String name, String label, String key) {
        return Map.of("name", name, "label", label, "key", key);
    }

    ValidatableResponse post(Project p, String query, String body) {
        return given().header("Authorization", "Bearer " + token).contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/projects/" + p.id + "/import?" + query).then();
    }

    long documents(Project p) {
        return QuarkusTransaction.requiringNew().call(() -> Document.count("project.id", p.id));
    }

    long history(Project p, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ChangeLogEntry.count("projectId = ?1 and entityType = ?2",
                p.id, type));
    }

    long history(Project p) {
        return QuarkusTransaction.requiringNew().call(() -> ChangeLogEntry.count("projectId", p.id));
    }

    String nativeExport(Project p) {
        return given().header("Authorization", "Bearer " + token)
                .when().get("/api/v1/projects/" + p.id + "/export?format=jsonl")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void previewOffersTheProjectsValuesAndGuessesFromThem() {
        given().header("Authorization", "Bearer " + token).contentType("application/x-ndjson")
                .body(ImportSamples.doccanoRelations().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/projects/" + custom.id + "/import/preview?format=doccano&filename=desk.jsonl")
                .then().statusCode(200)
                .body("targets.span", allOf(hasItem("claim:incident"), hasItem("mention:independent_media"),
                        hasItem("cue:belief"), not(hasItem("claim:event")), not(hasItem("mention:anonymous_official"))))
                .body("targets.choice", allOf(hasItem("stance:qualified"), not(hasItem("stance:hedged"))))
                .body("targets.relation", allOf(hasItem("relation:relays"), not(hasItem("relation:reports"))))
                .body("mapping.find { it.label == 'cue_belief' }.target", equalTo("cue:belief"))
                .body("mapping.find { it.label == 'reports' }.target", nullValue())
                .body("mapping.find { it.label == 'anonymous_official' }.target", nullValue())
                .body("unmapped", hasItem("relation label 'reports'"));
        assertEquals(0, documents(custom));
    }

    @Test
    void labelsWithoutATargetInTheSchemaAreRefusedNamingWhereTheyFirstOccur() {
        post(custom, "format=doccano&layer=rita&filename=desk.jsonl", ImportSamples.doccanoRelations()).statusCode(422)
                .body("detail", allOf(containsString("span label 'anonymous_official' (first at desk.jsonl line 1"),
                        containsString("relation label 'reports' (first at desk.jsonl line 1")));
        // A default value the project does not have is no target either.
        post(custom, "format=doccano&layer=rita&filename=desk.jsonl&mapping=reports=relation:reports,"
                + "anonymous_official=mention:independent_media", ImportSamples.doccanoRelations()).statusCode(422)
                .body("detail", allOf(containsString("'reports' → 'relation:reports'"),
                        containsString("relation:relays")));
        assertEquals(0, documents(custom));
        assertEquals(0, history(custom, "document"));
    }

    @Test
    void mappedLabelsBecomeTheProjectsValuesAndEveryWriteIsInTheHistory() throws Exception {
        long before = history(custom);
        String result = post(custom, "format=doccano&layer=rita&filename=desk.jsonl&mapping=reports=relation:relays,"
                + "anonymous_official=mention:independent_media,Claim=claim:incident", ImportSamples.doccanoRelations())
                .statusCode(201).body("imported", hasSize(2)).extract().asString();
        JsonNode r = ImportSamples.JSON.readTree(result);
        String export = nativeExport(custom);
        JsonNode dragon = ImportSamples.JSON.readTree(export.lines().findFirst().orElseThrow());
        JsonNode claims = dragon.get("layers").get(0).get("claims");
        JsonNode claim = AnnotationImportApiTest.byExact(claims, DRAGON_CLAIM);
        assertEquals("incident", claim.get("kind").asText());
        assertEquals("relays", claim.get("attribution").get(1).get("relation").asText());
        JsonNode leak = AnnotationImportApiTest.byExact(claims, LEAK_CLAIM);
        assertEquals("belief", leak.get("attribution").get(0).get("cue").get("cueClass").asText());
        assertEquals("independent_media", leak.get("attribution").get(0).get("source").get("type").asText());

        // One entry per document, layer, claim, mention and cue, by the importer, in the import's transaction.
        assertEquals(r.get("imported").size(), history(custom, "document"));
        assertEquals(r.get("layers").asLong(), history(custom, "layer"));
        assertEquals(r.get("claims").asLong(), history(custom, "claim"));
        assertEquals(r.get("mentions").asLong(), history(custom, "mention"));
        assertEquals(r.get("cues").asLong(), history(custom, "cue"));
        assertEquals(before + r.get("imported").size() + r.get("layers").asLong() + r.get("claims").asLong()
                + r.get("mentions").asLong() + r.get("cues").asLong(), history(custom));
        TestData.api(token).when().get("/api/v1/projects/{id}/history?size=500", custom.id).then().statusCode(200)
                .body("items.findAll { it.entityType == 'claim' }.action", everyItemIs("create"))
                .body("items.findAll { it.entityType == 'claim' }.username", everyItemIs("mara"))
                .body("items.find { it.entityType == 'claim' && it.after.exact == '" + DRAGON_CLAIM.replace("\"", "\\\"")
                        + "' }.after.kind", equalTo("incident"))
                .body("items.find { it.entityType == 'layer' }.after.owner", equalTo("rita"));
    }

    static org.hamcrest.Matcher<Iterable<? super String>> everyItemIs(String value) {
        @SuppressWarnings({ "unchecked", "rawtypes" })
        org.hamcrest.Matcher<Iterable<? super String>> m = (org.hamcrest.Matcher) org.hamcrest.Matchers.everyItem(
                equalTo(value));
        return m;
    }

    @Test
    void labelStudioChoicesMapToTheProjectsStances() throws Exception {
        String tasks = ImportSamples.labelStudioTasks();
        post(custom, "format=labelstudio&layer=rita&filename=tasks.json", tasks).statusCode(422)
                .body("detail", containsString("choice label 'hedged' (first at tasks.json task"));
        post(custom, "format=labelstudio&layer=rita&filename=tasks.json&mapping=hedged=stance:qualified", tasks)
                .statusCode(201);
        JsonNode dragon = ImportSamples.JSON.readTree(nativeExport(custom).lines().findFirst().orElseThrow());
        JsonNode claim = AnnotationImportApiTest.byExact(dragon.get("layers").get(0).get("claims"), DRAGON_CLAIM);
        assertEquals("qualified", claim.get("stance").asText());
        assertEquals("firm_report", claim.get("attribution").get(0).get("source").get("type").asText());
    }

    @Test
    void nativeJsonlIsCheckedAgainstTheTargetSchemaNamingFileLineAndField() throws Exception {
        post(custom, "format=doccano&layer=rita&mapping=reports=relation:relays,"
                + "anonymous_official=mention:independent_media,Claim=claim:incident", ImportSamples.doccanoRelations())
                .statusCode(201);
        String export = nativeExport(custom);
        // Into a project with the default schema: 'incident' is not one of its kinds. Nothing is stored.
        long historyBefore = history(plain);
        post(plain, "format=jsonl&filename=custom.jsonl", export).statusCode(422)
                .body("detail", allOf(containsString("custom.jsonl line 1"), containsString("claims[0].kind"),
                        containsString("'incident'"), containsString("event")));
        assertEquals(0, documents(plain));
        assertEquals(historyBefore, history(plain));

        // Into a third project with the same schema, the export round-trips.
        Project twin = data.project("Twin desk", mara);
        data.member(twin, "rita", "reviewer");
        TestData.api(token).body(schema()).when().put("/api/v1/projects/{id}/schema", twin.id).then().statusCode(200);
        post(twin, "format=jsonl&filename=custom.jsonl", export).statusCode(201).body("imported", hasSize(2));
        String again = nativeExport(twin);
        assertTrue(again.contains("\"kind\":\"incident\""), again);
        assertTrue(again.contains("\"relation\":\"relays\""), again);
        assertEquals(2, history(twin, "document"));
    }
}
