package dev.credence.history;

/** What happened to the entity in one history entry. */
public enum ChangeAction {
    create, update, delete, submit, reopen,
    /** Registry entries that named the same source were merged into one (V6_1__MergeDuplicateSources). */
    merge,
    /** A manager corrected a document's text (a new revision; issue 7). */
    revise,
    /** A span was moved or orphaned by re-anchoring on a corrected text. */
    reanchor
}
