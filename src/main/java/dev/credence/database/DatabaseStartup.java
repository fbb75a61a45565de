package dev.credence.database;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;

/**
 * Brings the schema up to date on start-up, and waits for the database if it is not there yet.
 *
 * <p>Quarkus' own {@code migrate-at-start} would stop the application when PostgreSQL is not
 * reachable at that moment (a database container starting after the app, a restart of both). So
 * Flyway and Hibernate's schema validation run here instead: once, synchronously, when the
 * application starts (so with a database that is up, it behaves exactly as before: migrated and
 * validated before the first request); if the database cannot be reached, again every
 * {@code credence.database.retry-interval} in the background until it can. Until then
 * {@link #isReady()} is false, readiness is DOWN and {@link NotReadyFilter} answers 503.
 * When the schema is ready it fires {@link DatabaseReady} (the admin bootstrap listens).
 *
 * <p>A failure that is not about reaching the database (a broken migration, a schema that does
 * not match the entities) stops the application, as before.
 */
@ApplicationScoped
public class DatabaseStartup {
    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class);

    @Inject
    Flyway flyway;
    @Inject
    SessionFactory sessionFactory;
    @Inject
    Event<DatabaseReady> ready;

    @ConfigProperty(name = "credence.database.retry-interval", defaultValue = "2s")
    Duration retryInterval;
    /**
     * Hibernate's check that the entities match the migrated schema. Flyway owns the schema and the migrations ship
     * inside the jar the tests ran against, so production skips it (≈ 40–130 ms of every start, docs/benchmarks.md);
     * tests and dev mode keep it, where an entity and a migration can disagree.
     */
    @ConfigProperty(name = "credence.database.validate-schema", defaultValue = "true")
    boolean validateSchema;

    private volatile boolean schemaReady;
    private volatile String waitingFor = "the database schema is being prepared";
    private volatile Thread retry;

    /** Runs before the other start-up observers, so they find a migrated schema when the database is up. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        try {
            prepare();
        } catch (RuntimeException e) {
            if (!ConnectionFailures.isConnectionFailure(e)) {
                throw e;
            }
            waitingFor = "the database cannot be reached (" + ConnectionFailures.describe(e) + ")";
            LOG.warnf("Database not reachable at start-up (%s); retrying every %s, readiness is DOWN until then",
                    ConnectionFailures.describe(e), retryInterval);
            retry = new Thread(this::retryUntilReady, "credence-database-startup");
            retry.setDaemon(true);
            retry.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread t = retry;
        if (t != null) {
            t.interrupt();
        }
    }

    /** True once the schema is migrated and validated; database routes answer 503 before. */
    public boolean isReady() {
        return schemaReady;
    }

    /** Why the application is not ready yet, for the 503 page and the readiness check. */
    public String waitingFor() {
        return waitingFor;
    }

    private void retryUntilReady() {
        while (!schemaReady && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(retryInterval.toMillis());
                prepare();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!ConnectionFailures.isConnectionFailure(e)) {
                    LOG.error("Database schema could not be prepared; stopping", e);
                    Quarkus.asyncExit(1);
                    return;
                }
                waitingFor = "the database cannot be reached (" + ConnectionFailures.describe(e) + ")";
                LOG.debugf("Database still not reachable: %s", ConnectionFailures.describe(e));
            }
        }
    }

    private synchronized void prepare() {
        if (schemaReady) {
            return;
        }
        long t0 = System.nanoTime();
        int applied = flyway.migrate().migrationsExecuted;
        long t1 = System.nanoTime();
        if (validateSchema) {
            sessionFactory.getSchemaManager().validateMappedObjects();
        }
        long t2 = System.nanoTime();
        ready.fire(new DatabaseReady());
        schemaReady = true;
        // The three figures are the start-up costs docs/benchmarks.md compares ("Start-up and memory").
        LOG.infof("Database schema migrated (%d migrations applied, %d ms), %s (%d ms), start-up tasks (%d ms); ready",
                applied, (t1 - t0) / 1_000_000, validateSchema ? "validated" : "validation off", (t2 - t1) / 1_000_000,
                (System.nanoTime() - t2) / 1_000_000);
    }
}
