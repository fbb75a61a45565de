package dev.credence.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.document.DocumentRevision;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** format=w3c over the real route: the W3C suite's schemas, and every target source fetched back with the caller's token. */
@QuarkusTest
class W3cExportApiTest {
    /** Emoji (one code point, two UTF-16 units), a flag (two code points), CJK, a composed and an uncomposable accent. */
    static final String KITE = Normalizer.normalize("Analysts at the firm Lanternfish told the Harbor Ledger that "
            + "the group \"Copper Kite\" 🐉 breached 14 agencies in Tainan.\n"
            + "The ministry called the report 谣言 and said Cafe\u0301 Ŋgo\u0331ra staff saw nothing 🇹🇼.\n",
            Normalizer.Form.NFC);
    static final String FIRST_TEXT = "Analysts at the firm Lanternfish told the Harbor Ledger about a breach.\n";
    static final String BREACH = "the group \"Copper Kite\" 🐉 breached 14 agencies in Tainan";
    static final String DENIAL = "The ministry called the report 谣言";
    static final String CAFE = Normalizer.normalize("said Cafe\u0301 Ŋgo\u0331ra staff saw nothing 🇹🇼",
            Normalizer.Form.NFC);
    static final String OPENING = "Analysts at the firm Lanternfish";

    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;
    @Inject
    EntityManager em;

    Project project;
    Document kite;
    /** Bearer tokens by user: each costs a bcrypt check, so one per user and test. */
    final Map<String, String> tokens = new HashMap<>();

    private String token(String user) {
        return tokens.computeIfAbsent(user, TestData::token);
    }

    @BeforeEach
    void setUp() {
        dropRevisions();
        data.reset();
        tokens.clear();
        User mara = data.user("mara");
        User rev1 = data.user("rev1");
        User rev2 = data.user("rev2");
        data.user("olga");
        project = data.project("Kite Watch: Q3", mara);
        data.member(project, "rev1", "reviewer");
        data.member(project, "rev2", "reviewer");
        kite = fixtures.document(project, "Copper Kite breach", KITE);
        reviseToSecondRevision(kite);

        Source firm = fixtures.source("Lanternfish", SourceType.firm_report);
        Source outlet = fixtures.source("Harbor Ledger", SourceType.independent_media);
        Source ministry = fixtures.source("The ministry", SourceType.government_statement);
        Layer layer1 = fixtures.layer(kite, rev1);
        fixtures.claim(layer1, BREACH, new ExportFixtures.HopSpec(firm, "Lanternfish", "told", Relation.asserts, "C"),
                new ExportFixtures.HopSpec(outlet, "Harbor Ledger", null, Relation.reports, "B"));
        Layer layer2 = fixtures.layer(kite, rev2);
        fixtures.claim(layer2, DENIAL, new ExportFixtures.HopSpec(ministry, "The ministry", "called", Relation.asserts, null));
        Layer gold = fixtures.layer(kite, null);
        fixtures.claim(gold, CAFE, new ExportFixtures.HopSpec(ministry, null, null, Relation.asserts, "F"));
        fixtures.claim(gold, OPENING);
    }

    @AfterEach
    void tearDown() {
        dropRevisions(); // TestData.reset() does not know document_revision; leave nothing that blocks it
    }

    private void dropRevisions() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from document_revision").executeUpdate());
    }

    /** The fixture text becomes revision 2 of a document whose revision 1 said something else. */
    private void reviseToSecondRevision(Document d) {
        QuarkusTransaction.requiringNew().run(() -> {
            Document doc = Document.findById(d.id);
            DocumentRevision first = new DocumentRevision();
            first.document = doc;
            first.revision = 1;
            first.text = FIRST_TEXT;
            first.textSha256 = ExportFixtures.sha256(FIRST_TEXT);
            first.lengthCp = FIRST_TEXT.codePointCount(0, FIRST_TEXT.length());
            first.createdAt = Instant.now();
            first.persist();
            doc.revision = 2;
        });
    }

    private String url() {
        return "/api/v1/projects/" + project.id + "/export";
    }

    private W3cAnnotationReader.Collection export(String user, String layer) throws Exception {
        var request = TestData.api(token(user)).queryParam("format", "w3c");
        if (layer != null) {
            request = request.queryParam("layer", layer);
        }
        String body = request.when().get(url()).then().statusCode(200)
                .contentType(startsWith("application/ld+json"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"kite-watch-q3-.*\\.w3c\\.jsonld\""))
                .extract().asString();
        return W3cAnnotationReader.read(body);
    }

    @Test
    void managerExportPassesTheW3cSuiteSchemas() throws Exception {
        W3cAnnotationReader.Collection collection = export("mara", null);
        assertEquals(List.of(), W3cExportWriterTest.schemaFailures(collection));
        // rev1: claim, 2 mentions, cue; rev2: claim, mention, cue; gold: 2 claims
        assertEquals(9, collection.total());
        assertEquals(9, collection.annotations().size());

        // The optional ("should"/"may") features Credence implements, on every annotation.
        W3cSchemas schemas = new W3cSchemas();
        List<String> failures = new ArrayList<>();
        for (W3cAnnotationReader.Annotation a : collection.annotations()) {
            JsonNode doc = W3cSchemas.standalone(a.node(), collection.context());
            for (String feature : List.of("annotations/3.3.1-annotationCreatedImplemented.json",
                    "annotations/3.3.1-annotationSingleCreatorImplemented.json",
                    "annotations/3.3.1-annotationCreatorImplemented.json",
                    "annotations/3.3.2-annotationCreatorAgentTypeImplemented.json",
                    "annotations/3.3.2-annotationCreatorAgentSingleNameImplemented.json",
                    "annotations/3.3.1-annotationGeneratorImplemented.json",
                    "annotations/3.3.1-annotationGeneratedImplemented.json",
                    "annotations/3.3.5-annotationSingleMotivationImplemented.json",
                    "annotations/3.1-bodyKeyFound.json",
                    "annotations/bodiesTargets/3.3.5-bodyPurpose.json",
                    "annotations/bodiesTargets/3.2.4-bodyETBTypeTextualBody.json",
                    "annotations/bodiesTargets/4-targSpecificResource.json",
                    "annotations/specificResource/4.2-selectorFound.json",
                    "annotations/specificResource/4.2.4-textQuoteSelector.json",
                    "annotations/specificResource/4.2.5-textPositionSelector.json")) {
                failures.addAll(schemas.errors(feature, doc));
            }
            if ("claim".equals(a.label())) {
                failures.addAll(schemas.errors("annotations/3.3.1-annotationModifiedImplemented.json", doc));
            }
            if (a.start() > 0) {
                failures.addAll(schemas.errors("annotations/specificResource/4.2.4-prefix.json", doc));
            }
            failures.addAll(schemas.errors("annotations/specificResource/4.2.4-suffix.json", doc));
        }
        for (String feature : List.of("collections/5.1-collectionLabelImplemented.json",
                "collections/5.1-collectionLastImplemented.json", "collections/5.1-collectionTotalImplemented.json",
                "collections/5.1-collectionFirstImplemented.json", "collections/3.3.1-collectionCreatedImplemented.json")) {
            failures.addAll(schemas.errors(feature, collection.root()));
        }
        for (String feature : List.of("collections/pages/5.2-pagePartOfImplemented.json",
                "collections/pages/5.2-pageStartIndexImplemented.json")) {
            failures.addAll(schemas.errors(feature, W3cSchemas.standalone(collection.pages().get(0), collection.context())));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyTargetSourceReturnsTheTextItsSelectorsReferTo() throws Exception {
        for (String user : List.of("mara", "rev2")) {
            String token = token(user);
            Map<String, String> texts = new HashMap<>();
            W3cAnnotationReader.Collection collection = export(user, null);
            assertFalse(collection.annotations().isEmpty());
            for (W3cAnnotationReader.Annotation a : collection.annotations()) {
                String text = texts.computeIfAbsent(a.source(), iri -> given().header("Authorization", "Bearer " + token)
                        .when().get(iri).then().statusCode(200).contentType(startsWith("text/plain"))
                        .header("X-Credence-Revision", "2").extract().asString());
                assertNull(W3cAnnotationReader.mismatch(a, text), user + " " + a.id());
            }
            assertEquals(Map.of(collection.annotations().get(0).source(), KITE), texts);
        }
        String source = export("mara", null).annotations().get(0).source();
        assertTrue(source.endsWith("/api/v1/documents/" + kite.id + "/revisions/2/text"), source);
        String first = TestData.api(token("mara")).when().get(source.replace("/revisions/2/", "/revisions/1/"))
                .then().statusCode(200).extract().asString();
        assertEquals(FIRST_TEXT, first, "revision 1 is another text: the revision in the IRI matters");
        TestData.api(token("olga")).when().get(source).then().statusCode(404);
    }

    @Test
    void spansAroundEmojiFlagCjkAndAccentsAreCodePoints() throws Exception {
        W3cAnnotationReader.Collection collection = export("mara", null);
        W3cAnnotationReader.Annotation cafe = collection.annotations().stream()
                .filter(a -> CAFE.equals(a.exact())).findFirst().orElseThrow();
        int chars = KITE.indexOf(CAFE);
        assertEquals(KITE.codePointCount(0, chars), cafe.start());
        assertNotEquals(chars, cafe.start(), "the emoji before the span makes UTF-16 and code points differ");
        assertEquals(cafe.start() + CAFE.codePointCount(0, CAFE.length()), cafe.end());
        assertTrue(CAFE.contains("é") && CAFE.contains("o\u0331"), "NFC text: é composed, o + macron below kept");
        W3cAnnotationReader.Annotation opening = collection.annotations().stream()
                .filter(a -> OPENING.equals(a.exact())).findFirst().orElseThrow();
        assertEquals(0, opening.start());
        assertNull(opening.prefix(), "nothing before the first character: no prefix");
    }

    @Test
    void claimsCarryGradesHopsAndTimes() throws Exception {
        W3cAnnotationReader.Collection collection = export("mara", null);
        W3cAnnotationReader.Annotation breach = collection.annotations().stream()
                .filter(a -> BREACH.equals(a.exact())).findFirst().orElseThrow();
        Claim stored = QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>find("exact", BREACH).firstResult());
        assertEquals(stored.createdAt.toString(), breach.node().get("created").asText());
        assertEquals(stored.updatedAt.toString(), breach.node().get("modified").asText());
        assertTrue(breach.id().endsWith("/api/v1/claims/" + stored.id));
        assertEquals("rev1", breach.node().at("/creator/nickname").asText());
        List<JsonNode> hops = breach.bodies("identifying");
        assertEquals(List.of("asserts", "reports"), hops.stream()
                .sorted((x, y) -> x.get("credence:position").asInt() - y.get("credence:position").asInt())
                .map(h -> h.get("credence:relation").asText()).toList());
        // The mention and cue a hop points to are annotations of the same collection.
        List<String> ids = collection.annotations().stream().map(W3cAnnotationReader.Annotation::id).toList();
        for (JsonNode hop : hops) {
            for (String link : List.of("credence:mention", "credence:cue")) {
                if (hop.has(link)) {
                    assertTrue(ids.contains(hop.get(link).asText()), hop.toString());
                }
            }
            String sourceIri = hop.at("/source/id").asText();
            TestData.api(token("mara")).when().get(sourceIri).then().statusCode(200);
        }
        assertEquals(List.of("B", "C"), breach.bodies("assessing").stream().filter(b -> b.has("credence:reliability"))
                .map(b -> b.get("credence:reliability").asText()).sorted().toList());
    }

    @Test
    void layerFilterAndVisibilityAreHonoured() throws Exception {
        W3cAnnotationReader.Collection gold = export("mara", "gold");
        assertEquals(2, gold.annotations().size());
        assertTrue(gold.root().get("id").asText().endsWith("format=w3c&layer=gold"));
        for (W3cAnnotationReader.Annotation a : gold.annotations()) {
            assertEquals("gold", a.node().get("credence:layerKind").asText());
            assertEquals("Organization", a.node().at("/creator/type").asText());
            assertEquals(List.of(), new W3cSchemas().errors("annotations/3.3.2-annotationCreatorAgentIdImplemented.json",
                    W3cSchemas.standalone(a.node(), gold.context())), "the project is the creator, by IRI");
        }
        assertEquals(List.of(), W3cExportWriterTest.schemaFailures(gold));

        W3cAnnotationReader.Collection reviewers = export("mara", "reviewers");
        assertEquals(7, reviewers.annotations().size());
        assertTrue(reviewers.annotations().stream().allMatch(a -> "reviewer".equals(a.node().get("credence:layerKind").asText())));

        W3cAnnotationReader.Collection own = export("rev2", null);
        assertEquals(3, own.annotations().size(), "rev2's claim, mention and cue; neither rev1's layer nor gold");
        assertTrue(own.annotations().stream().allMatch(a -> "rev2".equals(a.node().at("/creator/nickname").asText())));
    }
}
