package dev.credence.exchange;

import jakarta.ws.rs.BadRequestException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The export formats this package streams. */
public enum ExportFormat {
    jsonl("application/x-ndjson; charset=utf-8", "jsonl"),
    csv("text/csv; charset=utf-8", "csv");

    public final String contentType;
    public final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
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
