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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
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
    static final int BATCH = 500;
    /** More new change_log rows than this at once (a restore, a large import): compare everything instead. */
    static final int FULL_AFTER = 20_000;
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
    private ChangeCursor cursor;
    private volatile long lastCheck;
    /** This instance committed a change since the last check: check now, whatever the interval. */
    private volatile boolean dirty = true;
    private ScheduledExecutorService fullChecks;
    private final Map<Long, Integer> documentSignatures = new HashMap<>();
    private final Map<Long, Set<Long>> documentClaims = new HashMap<>();
    private final Map<Long, Integer> claimSignatures = new HashMap<>();
    private final Map<Long, Integer> sourceSignatures = new HashMap<>();

    void start(@Observes StartupEvent e) {
        open();
        // The first build reads every document; in the background, so start-up does not wait for it. A search
        // arriving meanwhile waits for the lock, then finds a complete index.
        Thread t = new Thread(() -> {
            try {
                QuarkusTransaction.requiringNew().run(this::catchUp);
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
                    QuarkusTransaction.requiringNew().run(this::fullReconcile);
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
            rows.addAll(rows("select id, entity_type, entity_id, project_id, document_id from change_log where id in ("
                    + join(gaps.subList(i, Math.min(gaps.size(), i + 1000))) + ")"));
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
            ids.add(id(r[0]));
            String type = str(r[1]);
            if ("source_grade".equals(type) || "claim_link".equals(type)) {
                continue; // neither is in the index
            } else if (r[4] != null) {
                documents.add(id(r[4]));
            } else if ("source".equals(type)) {
                sources.add(id(r[2]));
            } else if (r[3] != null) {
                projects.add(id(r[3])); // a label-schema rename, a restore: every claim of the project
            } else {
                everything = true;
            }
        }
        if (everything) {
            fullReconcileLocked();
            cursor.read(ids, now);
            return;
        }
        int changed = reconcileDocuments(documents, false);
        for (Long p : projects) {
            changed += reconcileDocuments(ids("select id from document where project_id = " + p.longValue()), true);
        }
        changed += reindexSources(sources);
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
        Set<Long> present = new HashSet<>(ids("select id from change_log where id > " + Math.max(0, top - OPEN_WINDOW)));
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
        Set<Long> all = new HashSet<>(ids("select id from document"));
        int changed = 0;
        for (Long gone : new ArrayList<>(documentSignatures.keySet())) {
            if (!all.contains(gone)) {
                deleteDocument(gone);
                changed++;
            }
        }
        changed += reconcileDocuments(all, false);
        // Sources renamed or retyped change the entries of every claim they are a hop of.
        Map<Long, Integer> sources = new HashMap<>();
        for (Object[] r : rows("select id, name, type from source")) {
            sources.put(id(r[0]), Objects.hash(r[1], r[2]));
        }
        Set<Long> changedSources = new HashSet<>();
        sourceSignatures.forEach((id, sig) -> {
            if (!sig.equals(sources.get(id))) {
                changedSources.add(id);
            }
        });
        changed += reindexSources(changedSources);
        sourceSignatures.clear();
        sourceSignatures.putAll(sources);
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

    /**
     * Re-reads these documents and their claims: a document gone is deleted with its claims; a changed document
     * (revision, title, publisher, date) is re-indexed with all its claims; a claim is re-indexed when its version or
     * its layer's version (state, submit, reopen) differs from what was indexed; claims gone are deleted.
     * {@code force}: re-index every claim (a bulk update that changed no version, such as a label rename).
     */
    private int reconcileDocuments(Collection<Long> documentIds, boolean force) throws IOException {
        int changed = 0;
        for (List<Long> batch : batches(new ArrayList<>(documentIds))) {
            Map<Long, Integer> docs = new HashMap<>();
            for (Object[] r : rows("select id, revision, title, publisher, published_at from document where id in ("
                    + join(batch) + ")")) {
                docs.put(id(r[0]), Objects.hash(r[1], r[2], r[3], r[4] == null ? null : r[4].toString()));
            }
            List<Long> docsToIndex = new ArrayList<>();
            for (Long id : batch) {
                Integer sig = docs.get(id);
                if (sig == null) {
                    if (documentSignatures.containsKey(id) || documentClaims.containsKey(id)) {
                        deleteDocument(id);
                        changed++;
                    }
                } else if (force || !sig.equals(documentSignatures.get(id))) {
                    docsToIndex.add(id);
                }
            }
            if (!docsToIndex.isEmpty()) {
                indexDocuments(docsToIndex);
                docsToIndex.forEach(id -> documentSignatures.put(id, docs.get(id)));
                changed += docsToIndex.size();
            }
            Set<Long> redo = new HashSet<>(docsToIndex);
            Map<Long, Set<Long>> now = new HashMap<>();
            Map<Long, Integer> signatures = new HashMap<>();
            List<Long> claimsToIndex = new ArrayList<>();
            for (Object[] r : rows("select c.id, c.version, l.version, l.document_id from claim c join layer l on l.id = c.layer_id"
                    + " where l.document_id in (" + join(batch) + ")")) {
                long claim = id(r[0]);
                long doc = id(r[3]);
                int sig = Objects.hash(id(r[1]), id(r[2]));
                now.computeIfAbsent(doc, k -> new HashSet<>()).add(claim);
                signatures.put(claim, sig);
                if (force || redo.contains(doc) || !Integer.valueOf(sig).equals(claimSignatures.get(claim))) {
                    claimsToIndex.add(claim);
                }
            }
            for (Long doc : batch) {
                Set<Long> indexed = documentClaims.getOrDefault(doc, Set.of());
                Set<Long> current = now.getOrDefault(doc, Set.of());
                for (Long gone : indexed) {
                    if (!current.contains(gone)) {
                        writer.deleteDocuments(new Term(Fields.KEY, "c" + gone));
                        claimSignatures.remove(gone);
                        changed++;
                    }
                }
                if (current.isEmpty()) {
                    documentClaims.remove(doc);
                } else {
                    documentClaims.put(doc, current);
                }
            }
            for (List<Long> claims : batches(claimsToIndex)) {
                indexClaims(claims);
                claims.forEach(id -> claimSignatures.put(id, signatures.get(id)));
            }
            changed += claimsToIndex.size();
        }
        return changed;
    }

    private void deleteDocument(Long id) throws IOException {
        writer.deleteDocuments(new Term(Fields.KEY, "d" + id));
        documentSignatures.remove(id);
        for (Long claim : documentClaims.getOrDefault(id, Set.of())) {
            writer.deleteDocuments(new Term(Fields.KEY, "c" + claim));
            claimSignatures.remove(claim);
        }
        documentClaims.remove(id);
    }

    /** Re-indexes the claims these sources are a hop of (their name and type are fields of those claims). */
    private int reindexSources(Collection<Long> sourceIds) throws IOException {
        int changed = 0;
        for (List<Long> batch : batches(new ArrayList<>(sourceIds))) {
            List<Long> claims = ids("select distinct claim_id from attribution_hop where source_id in (" + join(batch) + ")");
            claims = claims.stream().filter(claimSignatures::containsKey).toList();
            for (List<Long> b : batches(claims)) {
                indexClaims(b);
            }
            changed += claims.size();
            for (Object[] r : rows("select id, name, type from source where id in (" + join(batch) + ")")) {
                sourceSignatures.put(id(r[0]), Objects.hash(r[1], r[2]));
            }
        }
        return changed;
    }

    private void indexDocuments(List<Long> ids) throws IOException {
        for (Object[] r : rows("select id, project_id, title, publisher, published_at, text from document where id in ("
                + join(ids) + ")")) {
            Document d = new Document();
            long id = id(r[0]);
            d.add(new StringField(Fields.KEY, "d" + id, Field.Store.NO));
            d.add(new StringField(Fields.KIND, Fields.DOCUMENT, Field.Store.NO));
            d.add(new StoredField(Fields.ID, id));
            d.add(new StringField(Fields.PROJECT, String.valueOf(id(r[1])), Field.Store.NO));
            d.add(new StringField(Fields.DOC, String.valueOf(id), Field.Store.NO));
            d.add(new TextField(Fields.TITLE, str(r[2]), Field.Store.NO));
            if (r[3] != null) {
                d.add(new TextField(Fields.SOURCE, str(r[3]), Field.Store.NO));
                d.add(new StringField(Fields.SOURCE_KEY, Fields.key(str(r[3])), Field.Store.NO));
            }
            addDay(d, r[4]);
            d.add(new TextField(Fields.TEXT, str(r[5]), Field.Store.NO));
            writer.updateDocument(new Term(Fields.KEY, "d" + id), d);
        }
        em.clear();
    }

    private void indexClaims(List<Long> ids) throws IOException {
        Map<Long, List<Object[]>> hops = new HashMap<>();
        for (Object[] h : rows("select h.claim_id, s.name, s.type, h.reliability from attribution_hop h"
                + " join source s on s.id = h.source_id where h.claim_id in (" + join(ids) + ")")) {
            hops.computeIfAbsent(id(h[0]), k -> new ArrayList<>()).add(h);
        }
        for (Object[] r : rows("select c.id, c.layer_id, l.document_id, d.project_id, c.exact_text, c.kind,"
                + " c.credibility, l.state, l.kind, u.username, d.published_at from claim c join layer l on l.id = c.layer_id"
                + " join document d on d.id = l.document_id left join app_user u on u.id = l.owner_id"
                + " where c.id in (" + join(ids) + ")")) {
            long id = id(r[0]);
            Document d = new Document();
            d.add(new StringField(Fields.KEY, "c" + id, Field.Store.NO));
            d.add(new StringField(Fields.KIND, Fields.CLAIM, Field.Store.NO));
            d.add(new StoredField(Fields.ID, id));
            d.add(new StringField(Fields.LAYER, String.valueOf(id(r[1])), Field.Store.NO));
            d.add(new StringField(Fields.DOC, String.valueOf(id(r[2])), Field.Store.YES));
            d.add(new StringField(Fields.PROJECT, String.valueOf(id(r[3])), Field.Store.NO));
            d.add(new TextField(Fields.TEXT, str(r[4]), Field.Store.YES));
            if (r[5] != null) {
                d.add(new StringField(Fields.CLAIM_KIND, Fields.key(str(r[5])), Field.Store.NO));
            }
            if (r[6] != null) {
                d.add(new StringField(Fields.CREDIBILITY, String.valueOf(r[6]), Field.Store.NO));
            }
            d.add(new StringField(Fields.STATE, Fields.key(str(r[7])), Field.Store.NO));
            d.add(new StringField(Fields.REVIEWER, "gold".equals(str(r[8])) ? "gold" : Fields.key(str(r[9])),
                    Field.Store.NO));
            addDay(d, r[10]);
            for (Object[] h : hops.getOrDefault(id, List.of())) {
                d.add(new TextField(Fields.SOURCE, str(h[1]), Field.Store.YES));
                d.add(new StringField(Fields.SOURCE_KEY, Fields.key(str(h[1])), Field.Store.NO));
                d.add(new StringField(Fields.TYPE, Fields.key(str(h[2])), Field.Store.NO));
                if (h[3] != null) {
                    d.add(new StringField(Fields.RELIABILITY, Fields.key(str(h[3])), Field.Store.NO));
                }
            }
            writer.updateDocument(new Term(Fields.KEY, "c" + id), d);
        }
        em.clear();
    }

    private static void addDay(Document d, Object date) {
        LocalDate day = date instanceof java.sql.Date s ? s.toLocalDate() : date instanceof LocalDate l ? l : null;
        if (day != null) {
            d.add(new LongPoint(Fields.DAY, day.toEpochDay()));
            d.add(new StoredField(Fields.DAY, day.toEpochDay()));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(String sql) {
        List<Object> out = em.createNativeQuery(sql).getResultList();
        return out.stream().map(SearchIndex::id).toList();
    }

    private static long id(Object o) {
        return ((Number) o).longValue();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String join(List<Long> ids) {
        StringBuilder sb = new StringBuilder();
        for (Long id : ids) {
            sb.append(sb.length() == 0 ? "" : ",").append(id.longValue());
        }
        return sb.toString();
    }

    private static List<List<Long>> batches(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            out.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
        }
        return out;
    }
}
