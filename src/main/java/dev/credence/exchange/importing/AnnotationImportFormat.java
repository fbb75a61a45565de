package dev.credence.exchange.importing;

import jakarta.ws.rs.BadRequestException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The annotation files Credence imports; docs/import.md, "Annotations from other tools". */
public enum AnnotationImportFormat {
    jsonl("Credence native JSONL", "the jsonl export: every layer, claim, hop, mention and cue", false),
    doccano("doccano JSONL", "entities and relations, or the older label: [[start, end, \"LABEL\"]]", true),
    labelstudio("Label Studio JSON", "a task file with annotations or predictions", true);

    public final String label;
    public final String summary;
    /** True when the file's labels are foreign and go through a {@link LabelMapping}. */
    public final boolean mapped;

    AnnotationImportFormat(String label, String summary, boolean mapped) {
        this.label = label;
        this.summary = summary;
        this.mapped = mapped;
    }

    public static AnnotationImportFormat parse(String value) {
        for (AnnotationImportFormat f : values()) {
            if (f.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return f;
            }
        }
        throw new BadRequestException("format: one of " + Arrays.stream(values()).map(Enum::name)
                .collect(Collectors.joining(", ")) + (value == null ? "" : " (got '" + value + "')"));
    }
}
