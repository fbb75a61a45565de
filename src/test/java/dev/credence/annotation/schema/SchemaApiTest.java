package dev.credence.annotation.schema;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Offsets;
import dev.credence.document.Document;
import dev.credence.history.ChangeLogEntry;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchemaApiTest {
    static final String ARTICLE = "Harbour officials said on Tuesday that the “Grey Heron” tanker was boarded twice 🚢.\n"
            + "Analysts at the Tidewater Institute believe the boarding was planned weeks ago.\n";
    static final String FIRST = "the “Grey Heron” tanker was boarded twice";
    static final String SECOND = "the boarding was planned weeks ago";

    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;

    Project project;
    Document doc;
    String mara;
    String rev;

    @BeforeEach
    void setUp() {
        data.reset();
        User m = data.user("mara");
        data.user("rev");
        data.user("stranger");
        project = data.project("Heron watch", m);
        data.member(project, "rev", "reviewer");
        doc = fixtures.document(project, "Heron boarded", ARTICLE);
        mara = TestData.token("mara");
        rev = TestData.token("rev");
    }

    private Map<String, Object> claim(String needle, String kind, String stance, String relation) {
        int start = AnnotationFixtures.cp(ARTICLE, needle);
        Map<String, Object> body = new HashMap<>();
        body.put("start", start);
        body.put("end", start + Offsets.length(needle));
        body.put("kind", kind);
        body.put("stance", stance);
        body.put("attribution", List.of(Map.of("source", Map.of("name", "Harbour officials",
                "type", "government_official"), "relation", relation)));
        return body;
    }

    private JsonPath create(String token, Map<String, Object> body) {
        return TestData.api(token).body(body).when().post("/api/v1/documents/{id}/claims", doc.id)
                .then().statusCode(201).extract().jsonPath();
    }

    private JsonPath schema() {
        return TestData.api(mara).when().get("/api/v1/projects/{id}/schema", project.id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The current kinds as PUT values, with {@code change} applied. */
    private List<Map<String, Object>> kinds(JsonPath s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> v : s.<Map<String, Object>>getList("kind")) {
            Map<String, Object> m = new HashMap<>(v);
            m.remove("uses");
            out.add(m);
        }
        return out;
    }

    @Test
    void defaultsAreTodaysNamesWithKeysAndColours() {
        JsonPath s = schema();
        assertEquals(List.of("event", "capability", "intent", "quantity", "prediction", "opinion"),
                s.getList("kind.name"));
        assertEquals(List.of("asserted", "hedged", "denied", "uncertain"), s.getList("stance.name"));
        assertEquals(List.of("speech", "reporting", "citation", "hedge", "belief", "leak"), s.getList("cueClass.name"));
        assertEquals(List.of("asserts", "reports", "cites", "quotes", "leaked_via"), s.getList("relation.name"));
        assertEquals(14, s.getList("sourceType").size());
        assertEquals("v", s.getString("kind[0].key"));
        assertTrue(s.getString("kind[0].colour").matches("#[0-9a-f]{6}"));
        // Members read it; others do not see the project; reviewers cannot change it.
        TestData.api(rev).when().get("/api/v1/projects/{id}/schema", project.id).then().statusCode(200);
        TestData.api(TestData.token("stranger")).when().get("/api/v1/projects/{id}/schema", project.id)
                .then().statusCode(404);
        TestData.api(rev).body(Map.of("kind", List.of(Map.of("name", "event")))).when()
                .put("/api/v1/projects/{id}/schema", project.id).then().statusCode(403);
    }

    @Test
    void putValidatesNamesKeysAndColoursNamingTheField() {
        String url = "/api/v1/projects/" + project.id + "/schema";
        TestData.api(mara).body(Map.of("kind", List.of(Map.of("name", "Event!")))).when().put(url)
                .then().statusCode(422).body("detail", containsString("kind[0].name"));
        TestData.api(mara).body(Map.of("kind", List.of(Map.of("name", "event", "key", "v"),
                Map.of("name", "rumour", "key", "v")))).when().put(url)
                .then().statusCode(422).body("detail", allOf(containsString("kind[1].key"), containsString("'event'")));
        TestData.api(mara).body(Map.of("cueClass", List.of(Map.of("name", "speech", "key", "j")))).when().put(url)
                .then().statusCode(422).body("detail", containsString("cueClass[0].key"));
        TestData.api(mara).body(Map.of("relation", List.of(Map.of("name", "asserts", "colour", "red")))).when().put(url)
                .then().statusCode(422).body("detail", containsString("relation[0].colour"));
        TestData.api(mara).body(Map.of("sourceType", List.of(Map.of("name", "blogger")))).when().put(url)
                .then().statusCode(422).body("detail", containsString("sourceType[0].name"));
        TestData.api(mara).body(Map.of("stance", List.of())).when().put(url)
                .then().statusCode(422).body("detail", containsString("stance"));
        // Nothing was half-written.
        assertEquals(6, schema().getList("kind").size());
    }

    @Test
    void newValueIsAcceptedAndUnknownOnesAreRefusedWithTheAllowedValues() {
        JsonPath s = schema();
        List<Map<String, Object>> kinds = kinds(s);
        kinds.add(Map.of("name", "rumour", "label", "Rumour (unconfirmed)", "key", "r", "colour", "#aa3377"));
        TestData.api(mara).body(Map.of("kind", kinds)).when().put("/api/v1/projects/{id}/schema", project.id)
                .then().statusCode(200).body("kind.name", hasItem("rumour"))
                .body("kind.find { it.name == 'rumour' }.key", equalTo("r"));
        assertEquals("rumour", create(rev, claim(FIRST, "rumour", "hedged", "asserts")).getString("kind"));

        TestData.api(rev).body(claim(SECOND, "gossip", "hedged", "asserts")).when()
                .post("/api/v1/documents/{id}/claims", doc.id).then().statusCode(422)
                .body("detail", allOf(containsString("kind"), containsString("'gossip'"), containsString("rumour"),
                        containsString("event")));
        TestData.api(rev).body(claim(SECOND, "event", "hedged", "hearsay")).when()
                .post("/api/v1/documents/{id}/claims", doc.id).then().statusCode(422)
                .body("detail", allOf(containsString("attribution[0].relation"), containsString("leaked_via")));
        // A project that offers only some registry source types refuses the others for new sources.
        TestData.api(mara).body(Map.of("sourceType", List.of(Map.of("name", "government_official"),
                Map.of("name", "think_tank", "label", "Research institute"))))
                .when().put("/api/v1/projects/{id}/schema", project.id).then().statusCode(200);
        Map<String, Object> body = claim(SECOND, "event", "hedged", "asserts");
        body.put("attribution", List.of(Map.of("source", Map.of("name", "Tidewater Blog", "type", "social_media"))));
        TestData.api(rev).body(body).when().post("/api/v1/documents/{id}/claims", doc.id).then().statusCode(422)
                .body("detail", allOf(containsString("attribution[0].source.type"), containsString("think_tank")));
    }

    @Test
    void aValueInUseCannotBeDeletedButCanBeRenamedOrMerged() {
        create(rev, claim(FIRST, "quantity", "asserted", "asserts"));
        create(rev, claim(SECOND, "quantity", "hedged", "cites"));
        List<Map<String, Object>> kinds = kinds(schema());
        kinds.removeIf(k -> k.get("name").equals("quantity"));
        TestData.api(mara).body(Map.of("kind", kinds)).when().put("/api/v1/projects/{id}/schema", project.id)
                .then().statusCode(409)
                .body("detail", allOf(containsString("'quantity'"), containsString("used by 2 claims"),
                        containsString("Rename it or merge it")));
        assertEquals(2L, schema().getLong("kind.find { it.name == 'quantity' }.uses"));
        // An unused value can go.
        kinds(schema());
        List<Map<String, Object>> withoutOpinion = kinds(schema());
        withoutOpinion.removeIf(k -> k.get("name").equals("opinion"));
        TestData.api(mara).body(Map.of("kind", withoutOpinion)).when().put("/api/v1/projects/{id}/schema", project.id)
                .then().statusCode(200).body("kind.name", not(hasItem("opinion")));

        // Rename rewrites the stored claims in the same transaction and is in the history.
        TestData.api(mara).body(Map.of("field", "kind", "from", "quantity", "to", "figure")).when()
                .post("/api/v1/projects/{id}/schema/rename", project.id).then().statusCode(200)
                .body("rewritten", equalTo(2)).body("schema.kind.name", hasItem("figure"))
                .body("schema.kind.find { it.name == 'figure' }.key", equalTo("q"));
        assertEquals(List.of("figure", "figure"), storedKinds());
        TestData.api(rev).when().get("/api/v1/documents/{id}/claims", doc.id).then().statusCode(200)
                .body("kind", equalTo(List.of("figure", "figure")));
        TestData.api(mara).body(Map.of("field", "kind", "from", "figure", "to", "event")).when()
                .post("/api/v1/projects/{id}/schema/rename", project.id).then().statusCode(422)
                .body("detail", containsString("merge into it"));
        TestData.api(rev).body(Map.of("field", "kind", "from", "figure", "to", "amount")).when()
                .post("/api/v1/projects/{id}/schema/rename", project.id).then().statusCode(403);

        // Merge: relation 'cites' into 'reports'.
        TestData.api(mara).body(Map.of("field", "relation", "from", "cites", "into", "reports")).when()
                .post("/api/v1/projects/{id}/schema/merge", project.id).then().statusCode(200)
                .body("rewritten", equalTo(1)).body("schema.relation.name", not(hasItem("cites")));
        TestData.api(rev).when().get("/api/v1/documents/{id}/claims", doc.id).then().statusCode(200)
                .body("attribution.flatten().relation", equalTo(List.of("asserts", "reports")));
        TestData.api(mara).body(Map.of("field", "sourceType", "from", "ngo", "into", "think_tank")).when()
                .post("/api/v1/projects/{id}/schema/merge", project.id).then().statusCode(422)
                .body("detail", containsString("registry"));

        List<String> actions = QuarkusTransaction.requiringNew().call(() -> ChangeLogEntry
                .<ChangeLogEntry>list("entityType = ?1 and projectId = ?2 order by id", LabelSchemaService.HISTORY_TYPE,
                        project.id)
                .stream().map(e -> e.action.name()).toList());
        assertEquals(List.of("update", "update", "merge"), actions);
    }

    @Test
    void rewriteStaysInsideTheProject() {
        User o = data.user("olga");
        Project other = data.project("Other desk", o);
        Document od = fixtures.document(other, "Elsewhere", ARTICLE);
        create(rev, claim(FIRST, "quantity", "asserted", "asserts"));
        int start = AnnotationFixtures.cp(ARTICLE, SECOND);
        Map<String, Object> body = claim(SECOND, "quantity", "asserted", "asserts");
        body.put("start", start);
        TestData.api(TestData.token("olga")).body(body).when().post("/api/v1/documents/{id}/claims", od.id)
                .then().statusCode(201);
        TestData.api(mara).body(Map.of("field", "kind", "from", "quantity", "to", "figure")).when()
                .post("/api/v1/projects/{id}/schema/rename", project.id).then().statusCode(200)
                .body("rewritten", equalTo(1));
        List<String> otherKinds = QuarkusTransaction.requiringNew().call(() -> Claim
                .<Claim>list("layer.document.project.id = ?1", other.id).stream().map(c -> c.kind).toList());
        assertEquals(List.of("quantity"), otherKinds);
    }

    @Test
    void aRenamedKindIsWhatExportsDeclareAndWrite() throws Exception {
        create(rev, claim(FIRST, "quantity", "asserted", "asserts"));
        TestData.api(mara).body(Map.of("field", "kind", "from", "quantity", "to", "figure")).when()
                .post("/api/v1/projects/{id}/schema/rename", project.id).then().statusCode(200);
        TestData.api(mara).body(Map.of("field", "relation", "from", "asserts", "to", "states")).when()
                .post("/api/v1/projects/{id}/schema/rename", project.id).then().statusCode(200);
        String url = "/api/v1/projects/" + project.id + "/export";

        Map<String, String> ls = unzip(TestData.api(mara).queryParam("format", "labelstudio").queryParam("layer", "all")
                .when().get(url).then().statusCode(200).extract().asByteArray());
        String config = ls.get("label_config.xml");
        assertTrue(config.contains("<Choice value=\"figure\" hotkey=\"q\"/>"), config);
        assertTrue(!config.contains("\"quantity\""), config);
        assertTrue(config.contains("<Relation value=\"states\""), config);
        assertTrue(ls.get("tasks.json").contains("\"figure\""), ls.get("tasks.json"));
        assertTrue(ls.get("README.md").contains("`figure`"), ls.get("README.md"));

        Map<String, String> brat = unzip(TestData.api(mara).queryParam("format", "brat").queryParam("layer", "all")
                .when().get(url).then().statusCode(200).extract().asByteArray());
        String conf = brat.get("annotation.conf");
        assertTrue(conf.contains("Kind\tArg:Claim, Value:event|capability|intent|figure|prediction|opinion"), conf);
        assertTrue(conf.contains("states\tArg1:"), conf);

        String jsonl = TestData.api(mara).queryParam("format", "jsonl").queryParam("layer", "all").when().get(url)
                .then().statusCode(200).extract().asString();
        assertTrue(jsonl.contains("\"kind\":\"figure\""), jsonl);
        String csv = TestData.api(mara).queryParam("format", "csv").queryParam("layer", "all").when().get(url)
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("figure") && csv.contains("states") && !csv.contains("quantity"), csv);
    }

    private static Map<String, String> unzip(byte[] zip) throws java.io.IOException {
        Map<String, String> out = new HashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip),
                java.nio.charset.StandardCharsets.UTF_8)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.put(e.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private List<String> storedKinds() {
        return QuarkusTransaction.requiringNew().call(() -> Claim
                .<Claim>list("layer.document.project.id = ?1 order by id", project.id).stream().map(c -> c.kind)
                .toList());
    }
}
