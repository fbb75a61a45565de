package dev.credence.history;

/** What happened to the entity in one history entry. */
public enum ChangeAction {
    create, update, delete, submit, reopen,
    /** Registry entries that named the same source were merged into one (V6_1__MergeDuplicateSources). */
    merge
}
