package dev.credence.exchange;

import jakarta.ws.rs.BadRequestException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The export formats, each with its media type, file extension and writer. A new format is one
 * constant here and one {@link ExportWriter}; docs/formats.md documents each.
 */
public enum ExportFormat {
    jsonl("Native JSONL", "one document per line, lossless", "application/x-ndjson; charset=utf-8", "jsonl",
            JsonlExportWriter::open),
    csv("CSV", "one row per claim, hops as columns", "text/csv; charset=utf-8", "csv", CsvExportWriter::open),
    brat("brat standoff", "zip of .txt + .ann per document and layer, with annotation.conf", "application/zip", "zip",
            BratExportWriter::open),
    conll("CoNLL BIO", "one token a line, B/I/O tags for claims, sources and cues", "text/plain; charset=utf-8",
            "conll", ConllExportWriter::open);

    /** Shown in the project page's export form. */
    public final String label;
    /** One line under the label. */
    public final String summary;
    public final String contentType;
    public final String extension;
    private final ExportWriter.Factory factory;

    ExportFormat(String label, String summary, String contentType, String extension, ExportWriter.Factory factory) {
        this.label = label;
        this.summary = summary;
        this.contentType = contentType;
        this.extension = extension;
        this.factory = factory;
    }

    public ExportWriter open(ExportContext context, java.io.OutputStream out) throws java.io.IOException {
        return factory.open(context, out);
    }

    /** 400 for a missing or unknown format. */
    public static ExportFormat parse(String value) {
        for (ExportFormat f : values()) {
            if (f.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return f;
            }
        }
        throw new BadRequestException("format: one of " + Arrays.stream(values()).map(Enum::name)
                .collect(Collectors.joining(", ")) + (value == null ? "" : " (got '" + value + "')"));
    }
}
