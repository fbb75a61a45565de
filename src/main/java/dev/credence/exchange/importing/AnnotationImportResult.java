package dev.credence.exchange.importing;

import java.util.List;

/**
 * What an annotation import stored: the new documents' ids, the records skipped because the
 * project already held their text ({@code where} names file and line/task), counts, and notes about
 * what the file had that Credence does not store.
 */
public record AnnotationImportResult(String format, List<Long> imported, List<Duplicate> duplicates, int layers,
        int claims, int mentions, int cues, int hops, List<String> notes) {

    public record Duplicate(String where, Long existingId) {
    }

    /** For the flash message: "Imported 3 documents with 12 claims, 9 source mentions, 4 cues; 1 already present." */
    public String summary() {
        StringBuilder s = new StringBuilder("Imported ").append(imported.size())
                .append(imported.size() == 1 ? " document" : " documents").append(" with ").append(claims)
                .append(claims == 1 ? " claim, " : " claims, ").append(mentions)
                .append(mentions == 1 ? " source mention, " : " source mentions, ").append(cues)
                .append(cues == 1 ? " cue" : " cues");
        if (!duplicates.isEmpty()) {
            s.append("; ").append(duplicates.size()).append(" already present (")
                    .append(duplicates.get(0).where()).append(duplicates.size() > 1 ? ", …" : "").append(')');
        }
        return s.append('.').toString();
    }
}
