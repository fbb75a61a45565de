package dev.credence.history;

/** What happened to the entity in one history entry. */
public enum ChangeAction {
    create, update, delete, submit, reopen
}
