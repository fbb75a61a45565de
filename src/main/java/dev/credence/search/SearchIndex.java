package dev.credence.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import org.jboss.logging.Logger;

/**
 * The Lucene index of a database's claims and documents: derived state, held in memory by each instance,
 * built from the database on start and brought up to date before every query ({@link #searcher()}).
 *
 * <p>How it follows writes, including those of other instances on the same database: a one-row summary
 * ({@link IndexedState}: counts, maxima and version sums of claim, document, layer and source, the newest
 * change_log id) is read first; only when it differs from the last one does the index compare its
 * (id, version) lists with the tables and re-index what changed. So a claim written by any instance is
 * found by the next search on every instance; nothing is pushed between instances. See docs/search.md.
 */
@ApplicationScoped
public class SearchIndex {
    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    static final int BATCH = 500;

    @Inject
    EntityManager em;

    private final ReentrantLock lock = new ReentrantLock();
    private ByteBuffersDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private IndexedState seen;
    private final Map<Long, Long> claimVersions = new HashMap<>();
    private final Map<Long, Integer> documentSignatures = new HashMap<>();
    private final Map<Long, Long> layerVersions = new HashMap<>();
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
    }

    void stop(@Observes ShutdownEvent e) {
        try {
            if (searchers != null) {
                searchers.close();
                writer.close();
            }
        } catch (IOException ex) {
            LOG.debug("closing the search index", ex);
        }
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
        catchUp();
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

    /** Brings the index up to what the database holds now. Cheap when nothing changed: one summary query. */
    public void catchUp() {
        open();
        lock.lock();
        try {
            IndexedState now = IndexedState.of((Object[]) em.createNativeQuery(IndexedState.SQL).getSingleResult());
            if (now.equals(seen)) {
                return;
            }
            long t0 = System.nanoTime();
            int changed = reconcile();
            writer.commit();
            searchers.maybeRefreshBlocking();
            seen = now;
            if (changed > 0) {
                LOG.debugf("Search index: %d entries re-indexed in %d ms", changed, (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            lock.unlock();
        }
    }

    private int reconcile() throws IOException {
        Set<Long> claimsToIndex = new HashSet<>();
        // Documents: text, title, publisher, date. A changed date changes its claims' entries too.
        Map<Long, Integer> docs = new HashMap<>();
        for (Object[] r : rows("select id, revision, title, publisher, published_at from document")) {
            docs.put(id(r[0]), Objects.hash(r[1], r[2], r[3], r[4] == null ? null : r[4].toString()));
        }
        List<Long> docsToIndex = new ArrayList<>();
        for (Map.Entry<Long, Integer> d : docs.entrySet()) {
            if (!d.getValue().equals(documentSignatures.get(d.getKey()))) {
                docsToIndex.add(d.getKey());
            }
        }
        for (Long gone : new ArrayList<>(documentSignatures.keySet())) {
            if (!docs.containsKey(gone)) {
                writer.deleteDocuments(new Term(Fields.KEY, "d" + gone));
                documentSignatures.remove(gone);
            }
        }
        for (List<Long> batch : batches(docsToIndex)) {
            indexDocuments(batch);
            claimsToIndex.addAll(ids("select c.id from claim c join layer l on l.id = c.layer_id where l.document_id in ("
                    + join(batch) + ")"));
            batch.forEach(id -> documentSignatures.put(id, docs.get(id)));
        }
        // Layers: the state and reviewer are fields of their claims.
        Map<Long, Long> layers = new HashMap<>();
        for (Object[] r : rows("select id, version from layer")) {
            layers.put(id(r[0]), id(r[1]));
        }
        List<Long> changedLayers = new ArrayList<>();
        layers.forEach((id, v) -> {
            if (!v.equals(layerVersions.get(id))) {
                changedLayers.add(id);
            }
        });
        for (List<Long> batch : batches(changedLayers)) {
            claimsToIndex.addAll(ids("select id from claim where layer_id in (" + join(batch) + ")"));
        }
        layerVersions.clear();
        layerVersions.putAll(layers);
        // Sources: a renamed source changes the entries of every claim it is a hop of.
        Map<Long, Integer> sources = new HashMap<>();
        for (Object[] r : rows("select id, name, type from source")) {
            sources.put(id(r[0]), Objects.hash(r[1], r[2]));
        }
        List<Long> changedSources = new ArrayList<>();
        sourceSignatures.forEach((id, sig) -> {
            if (!sig.equals(sources.get(id))) {
                changedSources.add(id);
            }
        });
        for (List<Long> batch : batches(changedSources)) {
            claimsToIndex.addAll(ids("select distinct claim_id from attribution_hop where source_id in (" + join(batch) + ")"));
        }
        sourceSignatures.clear();
        sourceSignatures.putAll(sources);
        // Claims themselves.
        Map<Long, Long> claims = new HashMap<>();
        for (Object[] r : rows("select id, version from claim")) {
            claims.put(id(r[0]), id(r[1]));
        }
        claims.forEach((id, v) -> {
            if (!v.equals(claimVersions.get(id))) {
                claimsToIndex.add(id);
            }
        });
        for (Long gone : new ArrayList<>(claimVersions.keySet())) {
            if (!claims.containsKey(gone)) {
                writer.deleteDocuments(new Term(Fields.KEY, "c" + gone));
                claimVersions.remove(gone);
            }
        }
        claimsToIndex.retainAll(claims.keySet());
        for (List<Long> batch : batches(new ArrayList<>(claimsToIndex))) {
            indexClaims(batch);
            batch.forEach(id -> claimVersions.put(id, claims.get(id)));
        }
        return docsToIndex.size() + claimsToIndex.size();
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
