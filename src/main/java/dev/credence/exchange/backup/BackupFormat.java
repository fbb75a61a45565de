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
    public static final int VERSION = 1;
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

    /** Every data entry, in writing (and restoring) order: a row refers only to rows of earlier entries. */
    public static final List<String> ENTRIES = List.of(PROJECT, USERS, MEMBERS, SOURCES, SOURCE_GRADES, DOCUMENTS,
            DOCUMENT_REVISIONS, LAYERS, MENTIONS, CUES, CLAIMS, HOPS, COMMENTS, CLAIM_LINKS, HISTORY);

    /** Entries an archive may lack because it was written before they existed (claim links: V13). */
    public static final java.util.Set<String> OPTIONAL = java.util.Set.of(CLAIM_LINKS);

    private BackupFormat() {
    }
}
