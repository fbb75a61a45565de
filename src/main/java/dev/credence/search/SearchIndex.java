package dev.credence.search;

import dev.credence.history.ChangeRecorded;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Lucene index of a database's claims and documents: derived state, held in memory by each instance,
 * built from the database on start and brought up to date before queries ({@link #search}).
 *
 * <p>How it follows writes, including those of other instances on the same database: every write path leaves a
 * change_log row in its own transaction (claims, mentions, cues, layers, documents — import, correction, delete —,
 * sources, gold, restore). Before a query the index reads the rows added since the last one it saw
 * ({@code where id > ?}, an index range scan: nothing changed costs one query that returns nothing), at most every
 * {@code credence.search.check-interval-ms} unless this instance itself wrote meanwhile, and re-reads only the
 * documents, projects or sources those rows name. Ids that were skipped (a transaction still open, see
 * {@link ChangeCursor}) are read again until they commit or time out. A full comparison with the tables runs at start
 * and every {@code credence.search.full-check-interval-s} in the background, for writes made by hand in SQL without a
 * change_log row. See docs/search.md.
 */
@ApplicationScoped
public class SearchIndex {
    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    /** More new change_log rows than this at once (a restore, a large import): compare everything instead. */
    static final int FULL_AFTER = 20_000;
    /**
     * The first build and the full check read every document and claim in one read-only transaction: on a
     * database of 1,000,000 claims that outlasts the default 60 s timeout (the reaper closed the result sets).
     */
    static final int BUILD_TIMEOUT_SECONDS = 3600;
    /** Ids below the newest that a full reconcile treats as possibly still open. */
    static final int OPEN_WINDOW = 1_000;

    @Inject
    EntityManager em;
    @ConfigProperty(name = "credence.search.check-interval-ms", defaultValue = "200")
    long checkIntervalMillis;
    @ConfigProperty(name = "credence.search.gap-wait-s", defaultValue = "3700")
    long gapWaitSeconds;
    @ConfigProperty(name = "credence.search.full-check-interval-s", defaultValue = "900")
    long fullCheckSeconds;

    private final ReentrantLock lock = new ReentrantLock();
    private ByteBuffersDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private NativeRows sql;
    private IndexReconciler reconciler;
    private ChangeCursor cursor;
    private volatile long lastCheck;
    /** This instance committed a change since the last check: check now, whatever the interval. */
    private volatile boolean dirty = true;
    private ScheduledExecutorService fullChecks;

    void start(@Observes StartupEvent e) {
        open();
        // The first build reads every document; in the background, so start-up does not wait for it. A search
        // arriving meanwhile waits for the lock, then finds a complete index.
        Thread t = new Thread(() -> {
            try {
                QuarkusTransaction.requiringNew().timeout(BUILD_TIMEOUT_SECONDS).run(this::catchUp);
            } catch (RuntimeException ex) {
                LOG.warn("Search index: first build failed; the next search retries", ex);
            }
        }, "search-index-build");
        t.setDaemon(true);
        t.start();
        if (fullCheckSeconds > 0) {
            fullChecks = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread f = new Thread(r, "search-index-full-check");
                f.setDaemon(true);
                return f;
            });
            fullChecks.scheduleWithFixedDelay(() -> {
                try {
                    QuarkusTransaction.requiringNew().timeout(BUILD_TIMEOUT_SECONDS).run(this::fullReconcile);
                } catch (RuntimeException ex) {
                    LOG.warn("Search index: full check failed; it runs again later", ex);
                }
            }, fullCheckSeconds, fullCheckSeconds, TimeUnit.SECONDS);
        }
    }

    void stop(@Observes ShutdownEvent e) {
        if (fullChecks != null) {
            fullChecks.shutdownNow();
        }
        try {
            if (searchers != null) {
                searchers.close();
                writer.close();
            }
        } catch (IOException ex) {
            LOG.debug("closing the search index", ex);
        }
    }

    /** The listener: this instance committed a change, so the next query checks the log at once. */
    void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeRecorded change) {
        dirty = true;
    }

    private synchronized void open() {
        if (writer != null) {
            return;
        }
        try {
            directory = new ByteBuffersDirectory();
            writer = new IndexWriter(directory, new IndexWriterConfig(NewsAnalyzer.index()));
            writer.commit();
            searchers = new SearcherManager(writer, null);
            sql = new NativeRows(em);
            reconciler = new IndexReconciler(writer, sql);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Runs {@code query} on an up-to-date searcher. Call inside a transaction. */
    public <T> T search(Function<IndexSearcher, T> query) {
        open();
        if (dirty || cursor == null || System.currentTimeMillis() - lastCheck >= checkIntervalMillis) {
            catchUp();
        }
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return query.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Brings the index up to what the change log says now: the first time a full build, then only what the new
     * rows name. Nothing changed: one query on change_log that returns no row.
     */
    public void catchUp() {
        open();
        lock.lock();
        try {
            dirty = false;
            if (cursor == null) {
                fullReconcileLocked();
            } else {
                followLog();
            }
            lastCheck = System.currentTimeMillis();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            lock.unlock();
        }
    }

    /** Compares everything with the tables (start, restore, the periodic check). Call inside a transaction. */
    public void fullReconcile() {
        open();
        lock.lock();
        try {
            fullReconcileLocked();
            lastCheck = System.currentTimeMillis();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            lock.unlock();
        }
    }

    private void followLog() throws IOException {
        long now = System.currentTimeMillis();
        cursor.expire(now, gapWaitSeconds * 1000);
        List<Object[]> rows = new ArrayList<>(em.createNativeQuery("select id, entity_type, entity_id, project_id, document_id"
                + " from change_log where id > ?1 order by id").setParameter(1, cursor.seen()).setMaxResults(FULL_AFTER + 1)
                .getResultList());
        List<Long> gaps = cursor.gaps();
        for (int i = 0; i < gaps.size(); i += 1000) {
            rows.addAll(sql.rows("select id, entity_type, entity_id, project_id, document_id from change_log where id in ("
                    + NativeRows.join(gaps.subList(i, Math.min(gaps.size(), i + 1000))) + ")"));
        }
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() > FULL_AFTER) {
            fullReconcileLocked();
            return;
        }
        long t0 = System.nanoTime();
        Set<Long> documents = new HashSet<>();
        Set<Long> projects = new HashSet<>();
        Set<Long> sources = new HashSet<>();
        boolean everything = false;
        List<Long> ids = new ArrayList<>();
        for (Object[] r : rows) {
            ids.add(NativeRows.id(r[0]));
            String type = NativeRows.str(r[1]);
            if ("source_grade".equals(type) || "claim_link".equals(type)) {
                continue; // neither is in the index
            } else if (r[4] != null) {
                documents.add(NativeRows.id(r[4]));
            } else if ("source".equals(type)) {
                sources.add(NativeRows.id(r[2]));
            } else if (r[3] != null) {
                projects.add(NativeRows.id(r[3])); // a label-schema rename, a restore: every claim of the project
            } else {
                everything = true;
            }
        }
        if (everything) {
            fullReconcileLocked();
            cursor.read(ids, now);
            return;
        }
        int changed = reconciler.reconcileDocuments(documents, false);
        for (Long p : projects) {
            changed += reconciler.reconcileDocuments(sql.ids("select id from document where project_id = " + p.longValue()), true);
        }
        changed += reconciler.reindexSources(sources);
        cursor.read(ids, now);
        commit();
        if (changed > 0) {
            LOG.debugf("Search index: %d entries re-indexed in %d ms", changed, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private void fullReconcileLocked() throws IOException {
        long t0 = System.nanoTime();
        long now = System.currentTimeMillis();
        // Read the log's position first: what commits from here on is read from the log by the next check, and ids
        // just below it that are not there yet (open transactions) are awaited.
        long top = ((Number) em.createNativeQuery("select coalesce(max(id), 0) from change_log").getSingleResult()).longValue();
        Set<Long> present = new HashSet<>(sql.ids("select id from change_log where id > " + Math.max(0, top - OPEN_WINDOW)));
        List<Long> missing = new ArrayList<>();
        for (long id = Math.max(1, top - OPEN_WINDOW + 1); id < top; id++) {
            if (!present.contains(id)) {
                missing.add(id);
            }
        }
        if (cursor == null) {
            cursor = new ChangeCursor(top);
        }
        cursor.reset(Math.max(top, cursor.seen()), missing, now);
        int changed = reconciler.reconcileAll();
        commit();
        if (changed > 0) {
            LOG.debugf("Search index: full check, %d entries re-indexed in %d ms", changed, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * Makes the changes visible to the next searcher. No {@code IndexWriter.commit()}: the directory is in memory and
     * derived, so there is nothing to make durable, and a near-real-time refresh sees uncommitted changes (a commit
     * per catch-up was most of the cost of re-indexing one claim).
     */
    private void commit() throws IOException {
        searchers.maybeRefreshBlocking();
    }

}
