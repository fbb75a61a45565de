package dev.credence.history;

/** One field that differs between the before and after snapshots, as text ("—" when absent). */
public record FieldChange(String field, String before, String after) {
}
