package dev.credence.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * What the index holds of each document, claim and source (a signature of the columns it indexes), compared with
 * the tables: entries whose rows changed are written again, entries whose rows are gone are deleted.
 */
final class IndexReconciler {
    private final Map<Long, Integer> documentSignatures = new HashMap<>();
    private final Map<Long, Set<Long>> documentClaims = new HashMap<>();
    private final Map<Long, Integer> claimSignatures = new HashMap<>();
    private final Map<Long, Integer> sourceSignatures = new HashMap<>();

    private final IndexWriter writer;
    private final IndexEntries entries;
    private final NativeRows sql;

    IndexReconciler(IndexWriter writer, NativeRows sql) {
        this.writer = writer;
        this.entries = new IndexEntries(writer, sql);
        this.sql = sql;
    }

    /**
     * Re-reads these documents and their claims: a document gone is deleted with its claims; a changed document
     * (revision, title, publisher, date) is re-indexed with all its claims; a claim is re-indexed when its version or
     * its layer's version (state, submit, reopen) differs from what was indexed; claims gone are deleted.
     * {@code force}: re-index every claim (a bulk update that changed no version, such as a label rename).
     */
    int reconcileDocuments(Collection<Long> documentIds, boolean force) throws IOException {
        int changed = 0;
        for (List<Long> batch : NativeRows.batches(new ArrayList<>(documentIds))) {
            Map<Long, Integer> docs = new HashMap<>();
            for (Object[] r : sql.rows("select id, revision, title, publisher, published_at from document where id in ("
                    + NativeRows.join(batch) + ")")) {
                docs.put(NativeRows.id(r[0]), Objects.hash(r[1], r[2], r[3], r[4] == null ? null : r[4].toString()));
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
                entries.indexDocuments(docsToIndex);
                docsToIndex.forEach(id -> documentSignatures.put(id, docs.get(id)));
                changed += docsToIndex.size();
            }
            Set<Long> redo = new HashSet<>(docsToIndex);
            Map<Long, Set<Long>> now = new HashMap<>();
            Map<Long, Integer> signatures = new HashMap<>();
            List<Long> claimsToIndex = new ArrayList<>();
            for (Object[] r : sql.rows("select c.id, c.version, l.version, l.document_id from claim c join layer l on l.id = c.layer_id"
                    + " where l.document_id in (" + NativeRows.join(batch) + ")")) {
                long claim = NativeRows.id(r[0]);
                long doc = NativeRows.id(r[3]);
                int sig = Objects.hash(NativeRows.id(r[1]), NativeRows.id(r[2]));
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
            for (List<Long> claims : NativeRows.batches(claimsToIndex)) {
                entries.indexClaims(claims);
                claims.forEach(id -> claimSignatures.put(id, signatures.get(id)));
            }
            changed += claimsToIndex.size();
        }
        return changed;
    }

    void deleteDocument(Long id) throws IOException {
        writer.deleteDocuments(new Term(Fields.KEY, "d" + id));
        documentSignatures.remove(id);
        for (Long claim : documentClaims.getOrDefault(id, Set.of())) {
            writer.deleteDocuments(new Term(Fields.KEY, "c" + claim));
            claimSignatures.remove(claim);
        }
        documentClaims.remove(id);
    }

    /** Re-indexes the claims these sources are a hop of (their name and type are fields of those claims). */
    int reindexSources(Collection<Long> sourceIds) throws IOException {
        int changed = 0;
        for (List<Long> batch : NativeRows.batches(new ArrayList<>(sourceIds))) {
            List<Long> claims = sql.ids("select distinct claim_id from attribution_hop where source_id in (" + NativeRows.join(batch) + ")");
            claims = claims.stream().filter(claimSignatures::containsKey).toList();
            for (List<Long> b : NativeRows.batches(claims)) {
                entries.indexClaims(b);
            }
            changed += claims.size();
            for (Object[] r : sql.rows("select id, name, type from source where id in (" + NativeRows.join(batch) + ")")) {
                sourceSignatures.put(NativeRows.id(r[0]), Objects.hash(r[1], r[2]));
            }
        }
        return changed;
    }

    /**
     * Compares every document, claim and source with the tables (the full check): documents gone are deleted, the
     * rest reconciled, and the claims of sources renamed or retyped re-indexed. Returns the entries written.
     */
    int reconcileAll() throws IOException {
        Set<Long> all = new HashSet<>(sql.ids("select id from document"));
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
        for (Object[] r : sql.rows("select id, name, type from source")) {
            sources.put(NativeRows.id(r[0]), Objects.hash(r[1], r[2]));
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
        return changed;
    }
}
