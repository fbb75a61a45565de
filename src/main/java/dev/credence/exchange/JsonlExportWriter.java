package dev.credence.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Native JSONL: one document per line with its layers, claims (with attribution
 * chains), mentions and cues. Written token by token with Jackson's streaming
 * generator, so no document tree is built. Layout: docs/formats.md.
 */
public class JsonlExportWriter implements ExportWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator json;

    public JsonlExportWriter(OutputStream out) {
        try {
            json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExportContext context;

    /** The writer of an export: with {@code agreement=true} each page's agreements are read first. */
    static JsonlExportWriter open(ExportContext context, OutputStream out) {
        JsonlExportWriter writer = new JsonlExportWriter(out);
        writer.context = context;
        return writer;
    }

    @Override
    public void page(java.util.List<ExportRows.Document> page) throws IOException {
        if (context != null && context.scope().agreement()) {
            agreements(context.reader().agreements(page));
        }
        for (ExportRows.Document d : page) {
            write(d);
        }
        flush();
    }

    /** Writes one document as one line. */
    public void write(ExportRows.Document d) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", d.id());
        json.writeStringField("title", d.title());
        json.writeStringField("url", d.url());
        json.writeStringField("publisher", d.publisher());
        json.writeStringField("publishedAt", d.publishedAt() == null ? null : d.publishedAt().toString());
        json.writeStringField("textSha256", d.textSha256());
        json.writeNumberField("revision", d.revision());
        json.writeStringField("text", d.text());
        json.writeStringField("offsets", "unicode_code_points");
        json.writeArrayFieldStart("layers");
        for (ExportRows.Layer layer : d.layers()) {
            writeLayer(layer);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void writeLayer(ExportRows.Layer layer) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", layer.id());
        json.writeStringField("kind", layer.kind().name());
        json.writeStringField("state", layer.state().name());
        if (layer.ownerUsername() == null) {
            json.writeNullField("owner");
        } else {
            json.writeObjectFieldStart("owner");
            json.writeStringField("username", layer.ownerUsername());
            json.writeStringField("displayName", layer.ownerDisplayName());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("claims");
        for (ExportRows.Claim claim : layer.claims()) {
            writeClaim(claim);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("mentions");
        for (ExportRows.Mention m : layer.mentions()) {
            json.writeStartObject();
            span(m.id(), m.start(), m.end(), m.exact());
            json.writeStringField("prefix", m.prefix());
            json.writeStringField("suffix", m.suffix());
            if (m.sourceId() == null) {
                json.writeNullField("source");
            } else {
                json.writeObjectFieldStart("source");
                json.writeNumberField("id", m.sourceId());
                json.writeStringField("name", m.sourceName());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("cues");
        for (ExportRows.Cue c : layer.cues()) {
            json.writeStartObject();
            span(c.id(), c.start(), c.end(), c.exact());
            json.writeStringField("prefix", c.prefix());
            json.writeStringField("suffix", c.suffix());
            json.writeStringField("cueClass", c.cueClass());
            json.writeEndObject();
        }
        json.writeEndArray();
        // Claims re-anchoring could not place on the current text: offsets and texts of an earlier revision.
        json.writeArrayFieldStart("orphaned");
        for (ExportRows.Orphan o : layer.orphaned()) {
            writeClaim(o.claim(), o.revision());
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Per-item agreement for the claims of the next documents written; null (the default) writes none. */
    public void agreements(java.util.Map<Long, ExportRows.Agreement> agreements) {
        this.agreements = agreements;
    }

    private java.util.Map<Long, ExportRows.Agreement> agreements;

    private void writeClaim(ExportRows.Claim c) throws IOException {
        writeClaim(c, null);
    }

    /** With {@code orphanedRevision} set, the claim is marked {@code "orphaned": true} with the revision of its offsets. */
    private void writeClaim(ExportRows.Claim c, Integer orphanedRevision) throws IOException {
        json.writeStartObject();
        span(c.id(), c.start(), c.end(), c.exact());
        if (orphanedRevision != null) {
            json.writeBooleanField("orphaned", true);
            json.writeNumberField("revision", orphanedRevision);
        }
        json.writeStringField("prefix", c.prefix());
        json.writeStringField("suffix", c.suffix());
        json.writeStringField("kind", c.kind());
        json.writeStringField("stance", c.stance());
        if (c.checkWorthy() == null) {
            json.writeNullField("checkWorthy");
        } else {
            json.writeBooleanField("checkWorthy", c.checkWorthy());
        }
        if (c.credibility() == null) {
            json.writeNullField("credibility");
        } else {
            json.writeNumberField("credibility", c.credibility());
        }
        json.writeStringField("rationale", c.rationale());
        json.writeStringField("evidenceUrl", c.evidenceUrl());
        json.writeStringField("chain", c.chain());
        json.writeArrayFieldStart("attribution");
        for (ExportRows.Hop h : c.hops()) {
            json.writeStartObject();
            json.writeNumberField("position", h.position());
            json.writeObjectFieldStart("source");
            json.writeNumberField("id", h.sourceId());
            json.writeStringField("name", h.sourceName());
            json.writeStringField("type", name(h.sourceType()));
            json.writeStringField("country", h.sourceCountry());
            json.writeEndObject();
            if (h.mention() == null) {
                json.writeNullField("mention");
            } else {
                json.writeObjectFieldStart("mention");
                span(h.mention().id(), h.mention().start(), h.mention().end(), h.mention().exact());
                json.writeEndObject();
            }
            if (h.cue() == null) {
                json.writeNullField("cue");
            } else {
                json.writeObjectFieldStart("cue");
                span(h.cue().id(), h.cue().start(), h.cue().end(), h.cue().exact());
                json.writeStringField("cueClass", h.cue().cueClass());
                json.writeEndObject();
            }
            json.writeStringField("relation", h.relation());
            json.writeStringField("reliability", h.reliability());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("links");
        for (ExportRows.Link l : c.links()) {
            json.writeStartObject();
            json.writeNumberField("id", l.id());
            json.writeNumberField("targetClaimId", l.targetClaimId());
            json.writeNumberField("targetDocumentId", l.targetDocumentId());
            json.writeStringField("relation", l.relation());
            json.writeStringField("origin", l.origin());
            json.writeBooleanField("countsTowardGrade1", l.countsTowardGrade1());
            json.writeStringField("note", l.note());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (agreements != null) {
            ExportRows.Agreement a = agreements.get(c.id());
            if (a == null) {
                json.writeNullField("agreement");
            } else {
                json.writeObjectFieldStart("agreement");
                json.writeNumberField("reviewers", a.reviewers());
                json.writeNumberField("matched", a.matched());
                json.writeBooleanField("agreed", a.agreed());
                json.writeEndObject();
            }
        }
        json.writeEndObject();
    }

    private void span(long id, int start, int end, String exact) throws IOException {
        json.writeNumberField("id", id);
        json.writeNumberField("start", start);
        json.writeNumberField("end", end);
        json.writeStringField("exact", exact);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Pushes buffered bytes to the client (called after each page of documents). */
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
