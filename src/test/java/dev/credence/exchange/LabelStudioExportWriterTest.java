package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writer on in-memory rows, page by page, read back by {@link LabelStudioExportReader}. */
class LabelStudioExportWriterTest {
    @Test
    void tasksOfEveryPageFormOneArrayAndEveryRegionIsItsText() throws Exception {
        ExportContext context = new ExportContext(ExportScope.all(1), "Kite Watch", URI.create("http://localhost/"),
                Map.of("format", "labelstudio", "layer", "all"), Instant.parse("2026-12-03T06:00:00Z"), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LabelStudioExportWriter writer = LabelStudioExportWriter.open(context, out)) {
            writer.page(List.of(ExportSamples.document()));
            writer.page(List.of(ExportSamples.emptyDocument()));
        }
        LabelStudioExportReader.Export export = LabelStudioExportReader.read(out.toByteArray());
        assertEquals(2, export.tasks().size());
        LabelStudioExportReader.Annotation rita = export.tasks().get(0).annotations().get(0);
        assertEquals(List.of("Claim \"Copper Kite\", a group 🐉 tied to the ministry, breached 14 agencies, twice.\n",
                "Claim the report was \"baseless\" 😀 and 谣言", "Source Lanternfish", "Cue told"), rita.spans());
        assertTrue(rita.perRegion().contains("rationale=Only the firm's word, \"for now\" @ \"Copper Kite\", a group 🐉 "
                + "tied to the ministry, breached 14 agencies, twice.\n"));
        assertTrue(rita.perRegion().contains("reliability=C @ Lanternfish"));
        assertTrue(rita.perRegion().contains("source=Lanternfish @ Lanternfish"));
        assertTrue(export.tasks().get(1).annotations().isEmpty());
        assertTrue(export.readme().contains("| Documents | 2 |"));
    }
}
