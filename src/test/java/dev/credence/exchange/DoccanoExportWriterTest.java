package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BadRequestException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writer on in-memory rows (emoji, CJK), read back by {@link DoccanoJsonlReader}. */
class DoccanoExportWriterTest {
    private static String write(DoccanoExportWriter.Options options, ExportRows.Document... documents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DoccanoExportWriter writer = new DoccanoExportWriter(out, options)) {
            writer.page(List.of(documents));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void utf16AndCodePointOffsetsSliceTheSameSpans() throws Exception {
        List<DoccanoJsonlReader.Line> utf16 = DoccanoJsonlReader.read(write(DoccanoExportWriter.Options.of(Map.of()),
                ExportSamples.document(), ExportSamples.emptyDocument()), DoccanoJsonlReader.Unit.UTF16);
        List<DoccanoJsonlReader.Line> cps = DoccanoJsonlReader.read(write(DoccanoExportWriter.Options.of(
                Map.of("offsets", "codepoints")), ExportSamples.document(), ExportSamples.emptyDocument()),
                DoccanoJsonlReader.Unit.CODE_POINTS);
        assertEquals(3, utf16.size(), "two layers of the first document, the empty one");
        for (int i = 0; i < utf16.size(); i++) {
            assertEquals(utf16.get(i).spans(), cps.get(i).spans());
            assertEquals(utf16.get(i).relations(), cps.get(i).relations());
        }
        DoccanoJsonlReader.Line reviewer = utf16.get(0);
        assertEquals(List.of("CLAIM \"Copper Kite\", a group 🐉 tied to the ministry, breached 14 agencies, twice.\n",
                "CLAIM the report was \"baseless\" 😀 and 谣言", "SOURCE Lanternfish", "CUE told"), reviewer.spans());
        assertEquals(List.of("Lanternfish -asserts-> \"Copper Kite\", a group 🐉 tied to the ministry, breached 14 agencies, twice.\n",
                "told -cue-> Lanternfish"), reviewer.relations());
        // 谣言 comes after two emoji: two UTF-16 units further than its code point offset.
        DoccanoJsonlReader.Entity second = reviewer.entities().get(1);
        assertEquals(cps.get(0).entities().get(1).start() + 1, second.start(), "one emoji (😀 is inside) before it");
        assertEquals(cps.get(0).entities().get(1).end() + 2, second.end());
        assertEquals("rita", reviewer.meta().get("layer").asText());
        assertEquals("gold", utf16.get(1).meta().get("layer").asText());
        assertEquals("", utf16.get(2).meta().get("url").asText(), "never null: doccano would read NaN");
    }

    @Test
    void variantsAreParsedStrictly() {
        assertEquals(DoccanoExportWriter.Entities.mentions_cues,
                DoccanoExportWriter.Options.of(Map.of("entities", "Mentions-Cues")).entities());
        assertEquals(DoccanoExportWriter.Entities.all, DoccanoExportWriter.Options.of(Map.of()).entities());
        assertThrows(BadRequestException.class, () -> DoccanoExportWriter.Options.of(Map.of("entities", "mentions")));
        assertThrows(BadRequestException.class, () -> DoccanoExportWriter.Options.of(Map.of("offsets", "graphemes")));
    }

    @Test
    void claimsOnlyWritesNoRelations() throws Exception {
        String body = write(DoccanoExportWriter.Options.of(Map.of("entities", "claims")), ExportSamples.document());
        for (DoccanoJsonlReader.Line line : DoccanoJsonlReader.read(body, DoccanoJsonlReader.Unit.UTF16)) {
            assertTrue(line.relations().isEmpty());
            assertTrue(line.spans().stream().allMatch(s -> s.startsWith("CLAIM ")));
            assertEquals(0, line.meta().get("dropped_overlapping").asInt());
        }
    }
}
