package dev.credence.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.credence.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One {@link ChangeRecorded} per committed transaction that wrote entries, none for a rolled-back one. */
@QuarkusTest
class ChangeRecordedTest {
    @Inject
    TestData data;
    @Inject
    HistoryService history;
    @Inject
    Seen seen;

    @ApplicationScoped
    static class Seen {
        private final List<ChangeRecorded> events = new CopyOnWriteArrayList<>();

        List<ChangeRecorded> events() {
            return events;
        }

        void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeRecorded change) {
            events.add(change);
        }
    }

    @BeforeEach
    void setUp() {
        data.reset();
        HistoryFixtures.clear(); // entries of earlier test classes would count below
        seen.events().clear();
    }

    private void write(int entries, long firstId) {
        for (int i = 0; i < entries; i++) {
            history.record(null, null, null, HistoryService.DOCUMENT, firstId + i, ChangeAction.create, null,
                    Map.of("title", "Harbour report " + i));
        }
    }

    @Test
    void aTransactionOfManyEntriesAnnouncesOnceWithItsFirstEntry() {
        QuarkusTransaction.requiringNew().run(() -> write(300, 500));
        assertEquals(1, seen.events().size());
        assertEquals(500L, seen.events().get(0).entityId());
        assertEquals(300L, ChangeLogEntry.count("entityType", HistoryService.DOCUMENT));

        QuarkusTransaction.requiringNew().run(() -> write(3, 9_000));
        assertEquals(2, seen.events().size(), "each transaction announces its own entries");
    }

    @Test
    void aRolledBackTransactionAnnouncesNothing() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            write(5, 1);
            throw new IllegalStateException("import refused halfway");
        }));
        assertEquals(0, seen.events().size());
        assertEquals(0L, ChangeLogEntry.count("entityType", HistoryService.DOCUMENT));
    }
}
