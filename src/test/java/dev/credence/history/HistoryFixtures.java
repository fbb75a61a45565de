package dev.credence.history;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The change log has no foreign keys, so {@code TestData.reset()} leaves it alone; tests that count entries clear it. */
public final class HistoryFixtures {
    private HistoryFixtures() {
    }

    public static void clear() {
        QuarkusTransaction.requiringNew().run(() -> ChangeLogEntry.deleteAll());
    }
}
