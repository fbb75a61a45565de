package dev.credence.exchange.backup;

import java.util.List;

/**
 * The layout of a project backup archive (docs/operations.md, "Per-project backup"): a zip of JSON Lines
 * entries, one per table, in the order a restore needs them, and {@code manifest.json} last (it holds every
 * entry's SHA-256, known only once the entry is written).
 */
public final class BackupFormat {
    /** {@code manifest.format}: what the archive is. */
    public static final String FORMAT = "credence-project-backup";
    /** The newest layout this build writes and reads; a restore refuses a newer one. */
    public static final int VERSION = 2;
    public static final String MANIFEST = "manifest.json";

    public static final String PROJECT = "project.jsonl";
    public static final String USERS = "users.jsonl";
    public static final String MEMBERS = "members.jsonl";
    public static final String SOURCES = "sources.jsonl";
    public static final String SOURCE_GRADES = "source_grades.jsonl";
    public static final String DOCUMENTS = "documents.jsonl";
    public static final String DOCUMENT_REVISIONS = "document_revisions.jsonl";
    public static final String LAYERS = "layers.jsonl";
    public static final String MENTIONS = "mentions.jsonl";
    public static final String CUES = "cues.jsonl";
    public static final String CLAIMS = "claims.jsonl";
    public static final String HOPS = "hops.jsonl";
    public static final String COMMENTS = "comments.jsonl";
    public static final String CLAIM_LINKS = "claim_links.jsonl";
    public static final String HISTORY = "history.jsonl";
    /** The project's label schema (V14; formatVersion 2): one row per value of every field it sets. */
    public static final String LABEL_SCHEMA = "label_schema.jsonl";
    /** Attribution suggestions (V12) with their state and the claim an acceptance made (formatVersion 2). */
    public static final String SUGGESTIONS = "suggestions.jsonl";
    /** The project's learned suggestion models, base64 as stored (formatVersion 2). */
    public static final String SUGGESTION_MODELS = "suggestion_models.jsonl";

    /** Every data entry, in writing (and restoring) order: a row refers only to rows of earlier entries. */
    public static final List<String> ENTRIES = List.of(PROJECT, USERS, MEMBERS, LABEL_SCHEMA, SOURCES, SOURCE_GRADES,
            DOCUMENTS, DOCUMENT_REVISIONS, LAYERS, MENTIONS, CUES, CLAIMS, HOPS, COMMENTS, CLAIM_LINKS, SUGGESTIONS,
            SUGGESTION_MODELS, HISTORY);

    /**
     * Entries an archive may lack because it was written before they existed (claim links: V13; label schema,
     * suggestions and models: formatVersion 2). Export jobs are not backed up: they are files of this instance.
     */
    public static final java.util.Set<String> OPTIONAL = java.util.Set.of(CLAIM_LINKS, LABEL_SCHEMA, SUGGESTIONS,
            SUGGESTION_MODELS);

    private BackupFormat() {
    }
}
