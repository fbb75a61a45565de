package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportWriterTest {

    private static String export(int maxHops, ExportRows.Document... documents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvExportWriter csv = new CsvExportWriter(out, maxHops)) {
            for (ExportRows.Document d : documents) {
                csv.write(d);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().get()).get()) {
            return parser.getRecords();
        }
    }

    @Test
    void headerHasClaimColumnsThenOneGroupPerHop() {
        List<String> header = CsvExportWriter.header(2);
        assertEquals(20 + 8, header.size());
        assertEquals(List.of("document_id", "document_title", "document_url", "layer_id", "layer_kind", "reviewer",
                "claim_id", "start", "end", "exact", "kind", "stance", "check_worthy", "credibility", "rationale",
                "evidence_url", "chain", "hop_count"), header.subList(0, 18));
        assertEquals(List.of("independent_corroborations", "links"), header.subList(18, 20));
        assertEquals(List.of("hop0_source", "hop0_type", "hop0_relation", "hop0_reliability",
                "hop1_source", "hop1_type", "hop1_relation", "hop1_reliability"), header.subList(20, 28));
        assertEquals(20, CsvExportWriter.header(0).size());
    }

    @Test
    void oneRowPerClaimWithHopsFlattenedOriginatorFirst() throws Exception {
        String csv = export(2, ExportSamples.document(), ExportSamples.emptyDocument());
        assertTrue(csv.startsWith("document_id,document_title,"), csv);
        List<CSVRecord> rows = parse(csv);
        assertEquals(3, rows.size(), "one row per claim; a document without claims has none");

        CSVRecord twoHop = rows.get(0);
        assertEquals("101", twoHop.get("claim_id"));
        assertEquals("rita", twoHop.get("reviewer"));
        assertEquals("reviewer", twoHop.get("layer_kind"));
        assertEquals("Harbor Ledger ← Lanternfish", twoHop.get("chain"));
        assertEquals("2", twoHop.get("hop_count"));
        assertEquals("Lanternfish", twoHop.get("hop0_source"));
        assertEquals("firm_report", twoHop.get("hop0_type"));
        assertEquals("asserts", twoHop.get("hop0_relation"));
        assertEquals("C", twoHop.get("hop0_reliability"));
        assertEquals("Harbor Ledger", twoHop.get("hop1_source"));
        assertEquals("reports", twoHop.get("hop1_relation"));
        assertEquals("", twoHop.get("hop1_reliability"));
        assertEquals("true", twoHop.get("check_worthy"));
        assertEquals("3", twoHop.get("credibility"));

        CSVRecord oneHop = rows.get(1);
        assertEquals("1", oneHop.get("hop_count"));
        assertEquals("The ministry", oneHop.get("hop0_source"));
        assertEquals("", oneHop.get("hop1_source"), "shorter chains leave later hop groups empty");
        assertEquals("", oneHop.get("credibility"));

        CSVRecord gold = rows.get(2);
        assertEquals("gold", gold.get("layer_kind"));
        assertEquals("", gold.get("reviewer"));
        assertEquals("0", gold.get("hop_count"));
        assertEquals("", gold.get("chain"));
    }

    @Test
    void commasQuotesNewlinesAndEmojiSurviveQuoting() throws Exception {
        ExportRows.Document d = ExportSamples.document();
        String csv = export(2, d);
        CSVRecord row = parse(csv).get(0);
        String exact = d.layers().get(0).claims().get(0).exact();
        assertTrue(exact.contains(",") && exact.contains("\"") && exact.contains("\n") && exact.contains("🐉"));
        assertEquals(exact, row.get("exact"));
        assertEquals("Kite, \"Copper\" and 🐉", row.get("document_title"));
        assertEquals("Only the firm's word, \"for now\"", row.get("rationale"));
        assertEquals("https://example.org/a,b", row.get("evidence_url"));
        assertTrue(csv.contains("\"\"Copper Kite\"\"") , "quotes are doubled inside a quoted field");
        int start = Integer.parseInt(row.get("start"));
        int end = Integer.parseInt(row.get("end"));
        assertEquals(exact, ExportSamples.cp(start, end), "offsets are code points");
        assertEquals("谣言", parse(csv).get(2).get("exact"));
    }

    @Test
    void emptyExportIsTheHeaderOnly() throws Exception {
        assertEquals(String.join(",", CsvExportWriter.header(0)) + "\r\n", export(0));
    }
}
