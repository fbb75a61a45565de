package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlExportWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<JsonNode> export(ExportRows.Document... documents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonlExportWriter jsonl = new JsonlExportWriter(out)) {
            for (ExportRows.Document d : documents) {
                jsonl.write(d);
            }
        }
        String body = out.toString(StandardCharsets.UTF_8);
        assertTrue(body.endsWith("\n"));
        String[] lines = body.split("\n", -1);
        assertEquals(documents.length + 1, lines.length, "one line per document, newline-terminated");
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < documents.length; i++) {
            nodes.add(MAPPER.readTree(lines[i]));
        }
        return nodes;
    }

    private static String cp(String text, int start, int end) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().skip(start).limit(end - start).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    @Test
    void everyLineParsesBackAndSpansMatchTheTextByCodePoints() throws Exception {
        List<JsonNode> lines = export(ExportSamples.document(), ExportSamples.emptyDocument());
        JsonNode doc = lines.get(0);
        String text = doc.get("text").asText();
        assertEquals(ExportSamples.TEXT, text);
        assertEquals("unicode_code_points", doc.get("offsets").asText());
        int spans = 0;
        for (JsonNode layer : doc.get("layers")) {
            for (String kind : List.of("claims", "mentions", "cues")) {
                for (JsonNode span : layer.get(kind)) {
                    int start = span.get("start").asInt();
                    int end = span.get("end").asInt();
                    assertEquals(span.get("exact").asText(), cp(text, start, end), kind + " " + span.get("id"));
                    spans++;
                }
            }
            for (JsonNode claim : layer.get("claims")) {
                for (JsonNode hop : claim.get("attribution")) {
                    for (String ref : List.of("mention", "cue")) {
                        JsonNode span = hop.get(ref);
                        if (!span.isNull()) {
                            assertEquals(span.get("exact").asText(),
                                    cp(text, span.get("start").asInt(), span.get("end").asInt()));
                        }
                    }
                }
            }
        }
        assertEquals(5, spans);
        // The emoji is one code point but two UTF-16 units: an offset off by one would show here.
        JsonNode claim = doc.at("/layers/0/claims/0");
        assertTrue(claim.get("exact").asText().contains("🐉"));
        assertTrue(claim.get("end").asInt() < claim.get("start").asInt() + claim.get("exact").asText().length());
    }

    @Test
    void claimCarriesItsChainAndAttribution() throws Exception {
        JsonNode doc = export(ExportSamples.document()).get(0);
        assertEquals(1, doc.get("id").asLong());
        assertEquals("2025-03-14", doc.get("publishedAt").asText());
        assertEquals("abc123", doc.get("textSha256").asText());

        JsonNode layer = doc.at("/layers/0");
        assertEquals("reviewer", layer.get("kind").asText());
        assertEquals("submitted", layer.get("state").asText());
        assertEquals("rita", layer.at("/owner/username").asText());
        assertEquals("Rita R", layer.at("/owner/displayName").asText());

        JsonNode claim = layer.at("/claims/0");
        assertEquals("Harbor Ledger ← Lanternfish", claim.get("chain").asText());
        assertEquals("event", claim.get("kind").asText());
        assertEquals("asserted", claim.get("stance").asText());
        assertTrue(claim.get("checkWorthy").asBoolean());
        assertEquals(3, claim.get("credibility").asInt());
        assertEquals(32, claim.get("prefix").asText().codePointCount(0, claim.get("prefix").asText().length()));

        JsonNode origin = claim.at("/attribution/0");
        assertEquals(0, origin.get("position").asInt());
        assertEquals("Lanternfish", origin.at("/source/name").asText());
        assertEquals("firm_report", origin.at("/source/type").asText());
        assertEquals("TW", origin.at("/source/country").asText());
        assertEquals("Lanternfish", origin.at("/mention/exact").asText());
        assertEquals("speech", origin.at("/cue/cueClass").asText());
        assertEquals("asserts", origin.get("relation").asText());
        assertEquals("C", origin.get("reliability").asText());
        JsonNode outlet = claim.at("/attribution/1");
        assertEquals(1, outlet.get("position").asInt());
        assertTrue(outlet.get("mention").isNull());
        assertTrue(outlet.get("cue").isNull());
        assertTrue(outlet.get("reliability").isNull());
        assertTrue(outlet.at("/source/country").isNull());

        JsonNode untouched = layer.at("/claims/1");
        assertTrue(untouched.get("credibility").isNull());
        assertTrue(untouched.get("checkWorthy").isNull());

        assertEquals(7, layer.at("/mentions/0/source/id").asLong());
        assertEquals("speech", layer.at("/cues/0/cueClass").asText());

        JsonNode gold = doc.at("/layers/1");
        assertEquals("gold", gold.get("kind").asText());
        assertTrue(gold.get("owner").isNull());
        assertEquals(0, gold.at("/claims/0/attribution").size());
        assertEquals("", gold.at("/claims/0/chain").asText());
    }

    @Test
    void documentWithoutLayersIsStillALine() throws Exception {
        JsonNode doc = export(ExportSamples.emptyDocument()).get(0);
        assertEquals(0, doc.get("layers").size());
        assertTrue(doc.get("url").isNull());
        assertTrue(doc.get("publishedAt").isNull());
        assertFalse(doc.has("project"));
    }

    @Test
    void slugsForFilenames() {
        assertEquals("kite-watch-q3", ExportService.slug("Kite Watch: Q3!"));
        assertEquals("cafe-reseau", ExportService.slug("Café   Réseau"));
        assertEquals("project", ExportService.slug("谣言"));
    }
}
