package dev.credence.database;

/**
 * CDI event fired once, when the schema has been migrated and validated at start-up (maybe after
 * waiting for the database). Start-up work that needs the database observes this instead of
 * {@code StartupEvent}.
 */
public record DatabaseReady() {
}
