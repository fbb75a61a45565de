package dev.credence.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/** Writes the index entries of documents and of claims (with their hops' sources) from their rows. */
final class IndexEntries {
    private final IndexWriter writer;
    private final NativeRows sql;

    IndexEntries(IndexWriter writer, NativeRows sql) {
        this.writer = writer;
        this.sql = sql;
    }

    void indexDocuments(List<Long> ids) throws IOException {
        for (Object[] r : sql.rows("select id, project_id, title, publisher, published_at, text from document where id in ("
                + NativeRows.join(ids) + ")")) {
            Document d = new Document();
            long id = NativeRows.id(r[0]);
            d.add(new StringField(Fields.KEY, "d" + id, Field.Store.NO));
            d.add(new StringField(Fields.KIND, Fields.DOCUMENT, Field.Store.NO));
            d.add(new StoredField(Fields.ID, id));
            d.add(new StringField(Fields.PROJECT, String.valueOf(NativeRows.id(r[1])), Field.Store.NO));
            d.add(new StringField(Fields.DOC, String.valueOf(id), Field.Store.NO));
            d.add(new TextField(Fields.TITLE, NativeRows.str(r[2]), Field.Store.NO));
            if (r[3] != null) {
                d.add(new TextField(Fields.SOURCE, NativeRows.str(r[3]), Field.Store.NO));
                d.add(new StringField(Fields.SOURCE_KEY, Fields.key(NativeRows.str(r[3])), Field.Store.NO));
            }
            addDay(d, r[4]);
            d.add(new TextField(Fields.TEXT, NativeRows.str(r[5]), Field.Store.NO));
            writer.updateDocument(new Term(Fields.KEY, "d" + id), d);
        }
        sql.clear();
    }

    void indexClaims(List<Long> ids) throws IOException {
        Map<Long, List<Object[]>> hops = new HashMap<>();
        for (Object[] h : sql.rows("select h.claim_id, s.name, s.type, h.reliability from attribution_hop h"
                + " join source s on s.id = h.source_id where h.claim_id in (" + NativeRows.join(ids) + ")")) {
            hops.computeIfAbsent(NativeRows.id(h[0]), k -> new ArrayList<>()).add(h);
        }
        for (Object[] r : sql.rows("select c.id, c.layer_id, l.document_id, d.project_id, c.exact_text, c.kind,"
                + " c.credibility, l.state, l.kind, u.username, d.published_at from claim c join layer l on l.id = c.layer_id"
                + " join document d on d.id = l.document_id left join app_user u on u.id = l.owner_id"
                + " where c.id in (" + NativeRows.join(ids) + ")")) {
            long id = NativeRows.id(r[0]);
            Document d = new Document();
            d.add(new StringField(Fields.KEY, "c" + id, Field.Store.NO));
            d.add(new StringField(Fields.KIND, Fields.CLAIM, Field.Store.NO));
            d.add(new StoredField(Fields.ID, id));
            d.add(new StringField(Fields.LAYER, String.valueOf(NativeRows.id(r[1])), Field.Store.NO));
            d.add(new StringField(Fields.DOC, String.valueOf(NativeRows.id(r[2])), Field.Store.YES));
            d.add(new StringField(Fields.PROJECT, String.valueOf(NativeRows.id(r[3])), Field.Store.NO));
            d.add(new TextField(Fields.TEXT, NativeRows.str(r[4]), Field.Store.YES));
            if (r[5] != null) {
                d.add(new StringField(Fields.CLAIM_KIND, Fields.key(NativeRows.str(r[5])), Field.Store.NO));
            }
            if (r[6] != null) {
                d.add(new StringField(Fields.CREDIBILITY, String.valueOf(r[6]), Field.Store.NO));
            }
            d.add(new StringField(Fields.STATE, Fields.key(NativeRows.str(r[7])), Field.Store.NO));
            d.add(new StringField(Fields.REVIEWER, "gold".equals(NativeRows.str(r[8])) ? "gold" : Fields.key(NativeRows.str(r[9])),
                    Field.Store.NO));
            addDay(d, r[10]);
            for (Object[] h : hops.getOrDefault(id, List.of())) {
                d.add(new TextField(Fields.SOURCE, NativeRows.str(h[1]), Field.Store.YES));
                d.add(new StringField(Fields.SOURCE_KEY, Fields.key(NativeRows.str(h[1])), Field.Store.NO));
                d.add(new StringField(Fields.TYPE, Fields.key(NativeRows.str(h[2])), Field.Store.NO));
                if (h[3] != null) {
                    d.add(new StringField(Fields.RELIABILITY, Fields.key(NativeRows.str(h[3])), Field.Store.NO));
                }
            }
            writer.updateDocument(new Term(Fields.KEY, "c" + id), d);
        }
        sql.clear();
    }

    private static void addDay(Document d, Object date) {
        LocalDate day = date instanceof java.sql.Date s ? s.toLocalDate() : date instanceof LocalDate l ? l : null;
        if (day != null) {
            d.add(new LongPoint(Fields.DAY, day.toEpochDay()));
            d.add(new StoredField(Fields.DAY, day.toEpochDay()));
        }
    }
}
