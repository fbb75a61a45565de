package dev.credence.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import dev.credence.web.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV, one row per claim (RFC 4180: comma, double-quote quoting, CRLF rows, UTF-8, header
 * row). The attribution chain is flattened into {@code hopN_*} column groups, hop 0 (the
 * originator) first, as many groups as the longest chain in the export; shorter chains
 * leave the trailing groups empty. Cells a spreadsheet would evaluate are neutralised
 * ({@link CsvCells}). Layout: docs/formats.md.
 */
public class CsvExportWriter implements ExportWriter {
    static final List<String> CLAIM_COLUMNS = List.of("document_id", "document_title", "document_url", "layer_id",
            "layer_kind", "reviewer", "claim_id", "start", "end", "exact", "kind", "stance", "check_worthy",
            "credibility", "rationale", "evidence_url", "chain", "hop_count", "independent_corroborations", "links");
    static final List<String> HOP_COLUMNS = List.of("source", "type", "relation", "reliability");

    private final CSVPrinter csv;
    private final int maxHops;

    public CsvExportWriter(OutputStream out, int maxHops) throws IOException {
        this.maxHops = maxHops;
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(header(maxHops).toArray(String[]::new))
                .setAutoFlush(false)
                .get());
    }

    /** The writer of an export: as many hop column groups as the export's longest chain. */
    static CsvExportWriter open(ExportContext context, OutputStream out) throws IOException {
        return new CsvExportWriter(out, context.reader().maxHopCount(context.scope()));
    }

    @Override
    public void page(List<ExportRows.Document> page) throws IOException {
        for (ExportRows.Document d : page) {
            write(d);
        }
        flush();
    }

    public static List<String> header(int maxHops) {
        List<String> header = new ArrayList<>(CLAIM_COLUMNS);
        for (int i = 0; i < maxHops; i++) {
            for (String column : HOP_COLUMNS) {
                header.add("hop" + i + "_" + column);
            }
        }
        return header;
    }

    /** One row for each claim of each layer of the document; a document without claims writes nothing. */
    public void write(ExportRows.Document d) throws IOException {
        for (ExportRows.Layer layer : d.layers()) {
            for (ExportRows.Claim c : layer.claims()) {
                csv.print(CsvCells.cell(d.id()));
                csv.print(CsvCells.cell(d.title()));
                csv.print(CsvCells.cell(d.url()));
                csv.print(CsvCells.cell(layer.id()));
                csv.print(CsvCells.cell(layer.kind().name()));
                csv.print(CsvCells.cell(layer.ownerUsername()));
                csv.print(CsvCells.cell(c.id()));
                csv.print(CsvCells.cell(c.start()));
                csv.print(CsvCells.cell(c.end()));
                csv.print(CsvCells.cell(c.exact()));
                csv.print(CsvCells.cell(c.kind()));
                csv.print(CsvCells.cell(c.stance()));
                csv.print(CsvCells.cell(c.checkWorthy()));
                csv.print(CsvCells.cell(c.credibility()));
                csv.print(CsvCells.cell(c.rationale()));
                csv.print(CsvCells.cell(c.evidenceUrl()));
                csv.print(CsvCells.cell(c.chain()));
                csv.print(CsvCells.cell(c.hops().size()));
                csv.print(CsvCells.cell(c.links().stream().filter(ExportRows.Link::countsTowardGrade1).count()));
                csv.print(CsvCells.cell(links(c)));
                for (int i = 0; i < maxHops; i++) {
                    ExportRows.Hop h = i < c.hops().size() ? c.hops().get(i) : null;
                    csv.print(CsvCells.cell(h == null ? null : h.sourceName()));
                    csv.print(CsvCells.cell(h == null ? null : name(h.sourceType())));
                    csv.print(CsvCells.cell(h == null ? null : h.relation()));
                    csv.print(CsvCells.cell(h == null ? null : h.reliability()));
                }
                csv.println();
            }
        }
    }

    /** "corroborates independent 45@12; contradicts shared 51@13": relation, origin, target claim @ its document. */
    static String links(ExportRows.Claim c) {
        if (c.links().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (ExportRows.Link l : c.links()) {
            sb.append(sb.length() == 0 ? "" : "; ").append(l.relation()).append(' ').append(l.origin()).append(' ')
                    .append(l.targetClaimId()).append('@').append(l.targetDocumentId());
        }
        return sb.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public void flush() throws IOException {
        csv.flush();
    }

    /** Flushes; the response stream itself is closed by the server. */
    @Override
    public void close() throws IOException {
        csv.flush();
    }
}
