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
    doccano("doccano JSONL", "relation JSONL; project settings: allow overlapping spans, use relation labeling",
            "application/x-ndjson; charset=utf-8", "jsonl", DoccanoExportWriter::open),
    labelstudio("Label Studio", "zip of tasks.json and label_config.xml", "application/zip", "zip",
            LabelStudioExportWriter::open),
    w3c("W3C Web Annotation", "JSON-LD AnnotationCollection: one annotation per claim, mention and cue",
            W3cExportWriter.MEDIA_TYPE, "w3c.jsonld", W3cExportWriter::open),
    claimreview("schema.org ClaimReview", "JSON-LD DataFeed: one ClaimReview per graded claim",
            ClaimReviewExportWriter.MEDIA_TYPE, "claimreview.jsonld", ClaimReviewExportWriter::open),
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

    /**
     * 400 for a bad value of one of this format's own request parameters (doccano's {@code entities} and
     * {@code offsets}), before the response starts; other formats ignore them.
     */
    public void checkOptions(java.util.Map<String, String> parameters) {
        if (this == doccano) {
            DoccanoExportWriter.Options.of(parameters);
        }
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
