package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.nlp.EnglishModels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConllExportWriterTest {
    static final EnglishModels MODELS = new EnglishModels();

    private static String export(ExportRows.Document... documents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ConllExportWriter writer = new ConllExportWriter(out, MODELS.segmentation())) {
            writer.page(List.of(documents));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneBlockPerLayerAndNoneForADocumentWithoutLayers() throws Exception {
        String body = export(ExportSamples.document(), ExportSamples.emptyDocument());
        Map<String, ConllReader.Block> blocks = ConllReader.byKey(ConllReader.read(body, id -> ExportSamples.TEXT));
        assertEquals(List.of("1 reviewer:rita", "1 gold"), List.copyOf(blocks.keySet()));
        assertTrue(body.startsWith("-DOCSTART- 1 reviewer:rita\n\nResearchers\t0\t11\tO\tO\tO\n"), body);
    }

    @Test
    void columnsRebuildTheLayersSpans() throws Exception {
        ConllReader.Block rita = ConllReader.read(export(ExportSamples.document()), id -> ExportSamples.TEXT).get(0);
        List<int[]> claims = rita.spans(0);
        assertEquals(2, claims.size());
        // The first claim ends with its line break: its last token is "." before it.
        assertEquals(ExportSamples.start("\"Copper Kite\""), claims.get(0)[0]);
        assertEquals(ExportSamples.end("twice."), claims.get(0)[1]);
        // The second claim ends inside no token: "the report … 谣言".
        assertEquals(ExportSamples.start("the report was"), claims.get(1)[0]);
        assertEquals(ExportSamples.end("谣言"), claims.get(1)[1]);
        assertEquals(List.of(ExportSamples.start("Lanternfish")), rita.spans(1).stream().map(s -> s[0]).toList());
        assertEquals(List.of(ExportSamples.start("told")), rita.spans(2).stream().map(s -> s[0]).toList());
        assertTrue(rita.tokens().stream().anyMatch(t -> t.text().equals("😀") && t.tags()[0].equals("I-CLAIM")));
    }
}
