package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class W3cExportWriterTest {
    static final String BASE = "https://credence.example.org/";

    static ExportContext context(String layer) {
        return new ExportContext(new ExportScope(5, null, false), "Kite Watch", URI.create(BASE),
                Map.of("format", "w3c", "layer", layer), Instant.parse("2026-12-03T07:00:00Z"), null);
    }

    static String export(ExportContext context, List<List<ExportRows.Document>> pages) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (W3cExportWriter writer = W3cExportWriter.open(context, out)) {
            for (List<ExportRows.Document> page : pages) {
                writer.page(page);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The suite's must assertions on the collection, its embedded page and each annotation as a document. */
    static List<String> schemaFailures(W3cAnnotationReader.Collection collection) {
        W3cSchemas schemas = new W3cSchemas();
        List<String> failures = new ArrayList<>();
        failures.addAll(schemas.failures("collections/collectionMusts.test", collection.root()));
        failures.addAll(schemas.failures("collections/pages/pageMusts.test", collection.root()));
        for (JsonNode page : collection.pages()) {
            failures.addAll(schemas.failures("collections/pages/pageMusts.test",
                    W3cSchemas.standalone(page, collection.context())));
        }
        for (W3cAnnotationReader.Annotation a : collection.annotations()) {
            failures.addAll(schemas.failures("annotations/annotationMusts.test",
                    W3cSchemas.standalone(a.node(), collection.context())));
        }
        return failures;
    }

    @Test
    void collectionEmbedsOnePageAndPassesTheW3cSchemas() throws Exception {
        String body = export(context("all"), List.of(List.of(ExportSamples.document()), List.of(ExportSamples.emptyDocument())));
        W3cAnnotationReader.Collection collection = W3cAnnotationReader.read(body);
        assertEquals(List.of(), schemaFailures(collection));

        JsonNode root = collection.root();
        assertEquals(W3cExportWriter.ANNO_CONTEXT, root.at("/@context/0").asText());
        assertEquals(BASE + "ns/credence#", root.at("/@context/1/credence").asText());
        assertEquals(BASE + "api/v1/projects/5/export?format=w3c&layer=all", root.get("id").asText());
        assertEquals(1, collection.pages().size());
        assertEquals(root.get("id").asText() + "#page-1", root.get("last").asText());
        assertEquals(root.get("last").asText(), collection.pages().get(0).get("id").asText());
        assertEquals(0, collection.pages().get(0).get("startIndex").asInt());
        // two claims, one mention, one cue in the reviewer layer; one claim in gold
        assertEquals(5, collection.total());
        assertEquals(5, collection.annotations().size());
    }

    @Test
    void selectorsAreCodePointsOfTheRevisionText() throws Exception {
        W3cAnnotationReader.Collection collection = W3cAnnotationReader.read(
                export(context("all"), List.of(List.of(ExportSamples.document()))));
        for (W3cAnnotationReader.Annotation a : collection.annotations()) {
            assertEquals(BASE + "api/v1/documents/1/revisions/1/text", a.source());
            assertNull(W3cAnnotationReader.mismatch(a, ExportSamples.TEXT));
        }
        W3cAnnotationReader.Annotation dragon = collection.annotations().get(0);
        assertTrue(dragon.exact().contains("🐉"));
        assertEquals(ExportSamples.start(dragon.exact()), dragon.start());
        assertEquals(32, dragon.prefix().codePointCount(0, dragon.prefix().length()));
    }

    @Test
    void claimBodiesCarryLabelGradesSourcesAndHops() throws Exception {
        W3cAnnotationReader.Collection collection = W3cAnnotationReader.read(
                export(context("all"), List.of(List.of(ExportSamples.document()))));
        W3cAnnotationReader.Annotation claim = collection.annotations().get(0);
        assertEquals(BASE + "api/v1/claims/101", claim.id());
        assertEquals("claim", claim.label());
        assertEquals("classifying", claim.motivation());
        assertEquals("Person", claim.node().at("/creator/type").asText());
        assertEquals("rita", claim.node().at("/creator/nickname").asText());
        assertEquals("reviewer", claim.node().get("credence:layerKind").asText());

        List<JsonNode> classifying = claim.bodies("classifying");
        assertTrue(classifying.stream().anyMatch(b -> "event".equals(b.path("credence:kind").asText())));
        assertTrue(classifying.stream().anyMatch(b -> "asserted".equals(b.path("credence:stance").asText())));
        List<JsonNode> assessing = claim.bodies("assessing");
        JsonNode credibility = assessing.stream().filter(b -> b.has("credence:credibility")).findFirst().orElseThrow();
        assertEquals(3, credibility.get("credence:credibility").asInt());
        assertEquals("Credibility 3: Possibly true", credibility.get("value").asText());
        JsonNode reliability = assessing.stream().filter(b -> b.has("credence:reliability")).findFirst().orElseThrow();
        assertEquals("C", reliability.get("credence:reliability").asText());
        assertEquals(0, reliability.get("credence:position").asInt());

        List<JsonNode> hops = claim.bodies("identifying");
        assertEquals(2, hops.size());
        JsonNode origin = hops.stream().filter(h -> h.get("credence:position").asInt() == 0).findFirst().orElseThrow();
        assertEquals("SpecificResource", origin.get("type").asText());
        assertEquals(BASE + "api/v1/sources/7", origin.at("/source/id").asText());
        assertEquals("Lanternfish", origin.at("/source/label").asText());
        assertEquals("asserts", origin.get("credence:relation").asText());
        assertEquals(BASE + "api/v1/mentions/201", origin.get("credence:mention").asText());
        assertEquals(BASE + "api/v1/cues/301", origin.get("credence:cue").asText());
        JsonNode outlet = hops.stream().filter(h -> h.get("credence:position").asInt() == 1).findFirst().orElseThrow();
        assertEquals("reports", outlet.get("credence:relation").asText());
        assertFalse(outlet.has("credence:mention"));

        assertEquals("Only the firm's word, \"for now\"", claim.bodies("commenting").get(0).get("value").asText());
        // "https://example.org/a,b" is an absolute IRI: a linking SpecificResource
        assertEquals("https://example.org/a,b", claim.bodies("linking").get(0).get("source").asText());

        W3cAnnotationReader.Annotation gold = collection.annotations().stream()
                .filter(a -> "gold".equals(a.node().path("credence:layerKind").asText())).findFirst().orElseThrow();
        assertEquals("Organization", gold.node().at("/creator/type").asText());
        assertEquals("Kite Watch", gold.node().at("/creator/name").asText());
        assertEquals(BASE + "projects/5", gold.node().at("/creator/id").asText());
    }

    @Test
    void mentionsIdentifyTheirSourceAndCuesCarryTheirClass() throws Exception {
        W3cAnnotationReader.Collection collection = W3cAnnotationReader.read(
                export(context("all"), List.of(List.of(ExportSamples.document()))));
        W3cAnnotationReader.Annotation mention = collection.annotations().stream()
                .filter(a -> "mention".equals(a.label())).findFirst().orElseThrow();
        assertEquals("identifying", mention.motivation());
        assertEquals("Lanternfish", mention.exact());
        assertEquals(BASE + "api/v1/sources/7", mention.bodies("identifying").get(0).at("/source/id").asText());
        W3cAnnotationReader.Annotation cue = collection.annotations().stream()
                .filter(a -> "cue".equals(a.label())).findFirst().orElseThrow();
        assertEquals("told", cue.exact());
        assertTrue(cue.bodies("classifying").stream().anyMatch(b -> "speech".equals(b.path("credence:cueClass").asText())));
    }

    @Test
    void emptyExportIsAnEmptyCollectionThatStillPasses() throws Exception {
        W3cAnnotationReader.Collection collection = W3cAnnotationReader.read(export(context("gold"), List.of()));
        assertEquals(0, collection.total());
        assertEquals(List.of(), schemaFailures(collection));
        assertTrue(collection.root().get("id").asText().endsWith("layer=gold"));
    }

    @Test
    void aSpanThatNoLongerMatchesItsTextKeepsOnlyItsQuote() throws Exception {
        ExportRows.Claim stale = new ExportRows.Claim(9, 11, 0, 5, "Other", "", " words", null, null, null, null,
                null, null, List.of());
        ExportRows.Layer layer = new ExportRows.Layer(11, 3, dev.credence.annotation.LayerKind.reviewer,
                dev.credence.annotation.LayerState.in_progress, "rita", "Rita R", List.of(stale), List.of(), List.of());
        ExportRows.Document d = new ExportRows.Document(3, "Changed", null, null, null, "x", 2, "Fresh words here.",
                List.of(layer));
        W3cAnnotationReader.Collection collection = W3cAnnotationReader.read(export(context("all"), List.of(List.of(d))));
        W3cAnnotationReader.Annotation a = collection.annotations().get(0);
        assertEquals("Other", a.exact());
        assertNull(a.start(), "no position selector for a quote the text does not hold there");
        assertEquals(List.of(), schemaFailures(collection));
    }

    @Test
    void theSchemasDoRejectBrokenAnnotations() throws Exception {
        W3cAnnotationReader.Collection collection = W3cAnnotationReader.read(
                export(context("all"), List.of(List.of(ExportSamples.document()))));
        W3cSchemas schemas = new W3cSchemas();
        com.fasterxml.jackson.databind.node.ObjectNode a = (com.fasterxml.jackson.databind.node.ObjectNode) W3cSchemas
                .standalone(collection.annotations().get(0).node(), collection.context());
        assertEquals(List.of(), schemas.failures("annotations/annotationMusts.test", a));
        com.fasterxml.jackson.databind.node.ObjectNode negative = a.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) negative.at("/target/selector/1")).put("start", -1);
        assertFalse(schemas.failures("annotations/annotationMusts.test", negative).isEmpty());
        com.fasterxml.jackson.databind.node.ObjectNode badDate = a.deepCopy();
        badDate.put("generated", "yesterday");
        assertFalse(schemas.failures("annotations/annotationMusts.test", badDate).isEmpty());
        com.fasterxml.jackson.databind.node.ObjectNode noContext = a.deepCopy();
        noContext.remove("@context");
        assertFalse(schemas.failures("annotations/annotationMusts.test", noContext).isEmpty());
        com.fasterxml.jackson.databind.node.ObjectNode noTarget = a.deepCopy();
        noTarget.remove("target");
        assertFalse(schemas.failures("annotations/annotationMusts.test", noTarget).isEmpty());
        com.fasterxml.jackson.databind.node.ObjectNode badPurpose = a.deepCopy();
        assertEquals(List.of(), schemas.errors("annotations/bodiesTargets/3.3.5-bodyPurpose.json", badPurpose));
        badPurpose.get("body").forEach(b -> ((com.fasterxml.jackson.databind.node.ObjectNode) b).put("purpose", "labelling"));
        assertFalse(schemas.errors("annotations/bodiesTargets/3.3.5-bodyPurpose.json", badPurpose).isEmpty(),
                "purposes outside the model's list fail the suite's (optional) purpose check");
    }

    @Test
    void codePointIndexSlicesAroundSurrogatesAndCombiningMarks() {
        W3cExportWriter.CodePoints text = new W3cExportWriter.CodePoints("a🐉b谣言q\u0307!");
        assertEquals(8, text.length());
        assertEquals("🐉", text.slice(1, 2));
        assertEquals("谣言", text.slice(3, 5));
        assertEquals("q\u0307", text.slice(5, 7));
        assertEquals("", text.slice(8, 8));
    }

    @Test
    void onlyAbsoluteHttpIrisPassAsIris() {
        assertEquals("https://example.org/x", W3cExportWriter.absoluteUri(" https://example.org/x "));
        assertNull(W3cExportWriter.absoluteUri("example.org/x"));
        assertNull(W3cExportWriter.absoluteUri("javascript:alert(1)"));
        assertNull(W3cExportWriter.absoluteUri("https://exa mple.org"));
        assertNull(W3cExportWriter.absoluteUri(null));
    }
}
