package dev.credence.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.credence.annotation.Credibility;
import dev.credence.annotation.LayerKind;
import dev.credence.source.Reliability;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * W3C Web Annotation Data Model (JSON-LD): one {@code AnnotationCollection} whose {@code first} is one embedded
 * {@code AnnotationPage} holding every annotation; {@code total} and {@code last} follow the page, so the whole
 * export streams through one generator, a page of documents at a time. One {@code Annotation} per claim, mention
 * and cue; each target a {@code SpecificResource} on the document's text at its revision
 * ({@code /api/v1/documents/{id}/revisions/{n}/text}) with a {@code TextQuoteSelector} and a
 * {@code TextPositionSelector}. The model counts positions in code points, as Credence does: no conversion.
 * Layout and vocabulary: docs/formats.md.
 */
public final class W3cExportWriter implements ExportWriter {
    public static final String ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    /** The Web Annotation Protocol's media type for annotation collections and pages. */
    public static final String MEDIA_TYPE = "application/ld+json; profile=\"" + ANNO_CONTEXT + "\"";

    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final ExportContext context;
    private final JsonGenerator json;
    private final String collectionId;
    private final String pageId;
    private long total;

    private W3cExportWriter(ExportContext context, OutputStream out) throws IOException {
        this.context = context;
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        this.collectionId = collectionId(context);
        this.pageId = collectionId + "#page-1";
    }

    static W3cExportWriter open(ExportContext context, OutputStream out) throws IOException {
        W3cExportWriter writer = new W3cExportWriter(context, out);
        writer.start();
        return writer;
    }

    /** The export's own IRI: the API route with the format and layer choice, which answers this collection. */
    static String collectionId(ExportContext context) {
        String layer = context.parameters().getOrDefault("layer", "all");
        return context.iri("api/v1/projects/" + context.scope().projectId() + "/export?format=w3c&layer="
                + URLEncoder.encode(layer, StandardCharsets.UTF_8));
    }

    /** The Credence terms' namespace (extension properties prefixed {@code credence:}). */
    static String vocabulary(ExportContext context) {
        return context.iri("ns/credence#");
    }

    private void start() throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("@context");
        json.writeString(ANNO_CONTEXT);
        json.writeStartObject();
        json.writeStringField("credence", vocabulary(context));
        for (String iriValued : List.of("credence:mention", "credence:cue")) {
            json.writeObjectFieldStart(iriValued);
            json.writeStringField("@type", "@id");
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeStringField("id", collectionId);
        json.writeStringField("type", "AnnotationCollection");
        json.writeStringField("label", context.projectName() + " — Credence annotations (layer "
                + context.parameters().getOrDefault("layer", "all") + ")");
        json.writeStringField("created", context.exportedAt().toString());
        json.writeObjectFieldStart("first");
        json.writeStringField("id", pageId);
        json.writeStringField("type", "AnnotationPage");
        // An object rather than a bare IRI: the suite's page schemas read partOf as the collection's description.
        json.writeObjectFieldStart("partOf");
        json.writeStringField("id", collectionId);
        json.writeEndObject();
        json.writeNumberField("startIndex", 0);
        json.writeArrayFieldStart("items");
    }

    @Override
    public void page(List<ExportRows.Document> page) throws IOException {
        Map<String, ExportRows.Stamp> stamps = context.reader() == null ? Map.of() : context.reader().stamps(page);
        for (ExportRows.Document d : page) {
            CodePoints text = new CodePoints(d.text());
            String source = context.iri("api/v1/documents/" + d.id() + "/revisions/" + d.revision() + "/text");
            String scope = absoluteUri(d.url());
            for (ExportRows.Layer layer : d.layers()) {
                for (ExportRows.Claim c : layer.claims()) {
                    start("claims", c.id(), "classifying", layer, stamps.get("claim:" + c.id()));
                    claimBodies(c);
                    target(text, source, scope, c.start(), c.end(), c.exact(), c.prefix(), c.suffix());
                    json.writeEndObject();
                    for (ExportRows.Link l : c.links()) {
                        link(c, l, layer);
                    }
                }
                for (ExportRows.Mention m : layer.mentions()) {
                    start("mentions", m.id(), "identifying", layer, stamps.get("mention:" + m.id()));
                    json.writeArrayFieldStart("body");
                    label("mention");
                    if (m.sourceId() != null) {
                        registrySource(m.sourceId(), m.sourceName());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    target(text, source, scope, m.start(), m.end(), m.exact(), m.prefix(), m.suffix());
                    json.writeEndObject();
                }
                for (ExportRows.Cue cue : layer.cues()) {
                    start("cues", cue.id(), "classifying", layer, stamps.get("cue:" + cue.id()));
                    json.writeArrayFieldStart("body");
                    label("cue");
                    if (cue.cueClass() != null) {
                        textual("classifying", cue.cueClass());
                        json.writeStringField("credence:cueClass", cue.cueClass());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    target(text, source, scope, cue.start(), cue.end(), cue.exact(), cue.prefix(), cue.suffix());
                    json.writeEndObject();
                }
            }
        }
        json.flush();
    }

    /** Opens an Annotation: id, type, motivation, creator, created, modified and the layer it belongs to. */
    private void start(String collection, long id, String motivation, ExportRows.Layer layer, ExportRows.Stamp stamp)
            throws IOException {
        total++;
        json.writeStartObject();
        json.writeStringField("id", context.iri("api/v1/" + collection + "/" + id));
        json.writeStringField("type", "Annotation");
        json.writeStringField("motivation", motivation);
        json.writeObjectFieldStart("creator");
        if (layer.kind() == LayerKind.gold || layer.ownerUsername() == null) {
            // The gold layer is the project's adjudicated result, not one person's.
            json.writeStringField("id", context.iri("projects/" + context.scope().projectId()));
            json.writeStringField("type", "Organization");
            json.writeStringField("name", context.projectName());
        } else {
            json.writeStringField("type", "Person");
            json.writeStringField("name", layer.ownerDisplayName() == null ? layer.ownerUsername() : layer.ownerDisplayName());
            json.writeStringField("nickname", layer.ownerUsername());
        }
        json.writeEndObject();
        if (stamp != null && stamp.created() != null) {
            json.writeStringField("created", stamp.created().toString());
        }
        if (stamp != null && stamp.modified() != null) {
            json.writeStringField("modified", stamp.modified().toString());
        }
        json.writeObjectFieldStart("generator");
        json.writeStringField("id", context.iri(""));
        json.writeStringField("type", "Software");
        json.writeStringField("name", "Credence");
        json.writeEndObject();
        json.writeStringField("generated", context.exportedAt().toString());
        json.writeNumberField("credence:layerId", layer.id());
        json.writeStringField("credence:layerKind", layer.kind().name());
        json.writeStringField("credence:layerState", layer.state().name());
    }

    private void claimBodies(ExportRows.Claim c) throws IOException {
        json.writeArrayFieldStart("body");
        label("claim");
        if (c.kind() != null) {
            textual("classifying", c.kind());
            json.writeStringField("credence:kind", c.kind());
            json.writeEndObject();
        }
        if (c.stance() != null) {
            textual("classifying", c.stance());
            json.writeStringField("credence:stance", c.stance());
            json.writeEndObject();
        }
        if (c.checkWorthy() != null) {
            textual("assessing", c.checkWorthy() ? "check-worthy" : "not check-worthy");
            json.writeBooleanField("credence:checkWorthy", c.checkWorthy());
            json.writeEndObject();
        }
        if (c.credibility() != null) {
            textual("assessing", "Credibility " + c.credibility() + ": " + Credibility.sentenceOf(c.credibility()));
            json.writeNumberField("credence:credibility", c.credibility());
            json.writeEndObject();
        }
        for (ExportRows.Hop h : c.hops()) {
            // The hop: who (registry source), how (relation), through which words (mention, cue); 0 = originator.
            registrySource(h.sourceId(), h.sourceName());
            json.writeNumberField("credence:position", h.position());
            if (h.relation() != null) {
                json.writeStringField("credence:relation", h.relation());
            }
            if (h.mention() != null) {
                json.writeStringField("credence:mention", context.iri("api/v1/mentions/" + h.mention().id()));
            }
            if (h.cue() != null) {
                json.writeStringField("credence:cue", context.iri("api/v1/cues/" + h.cue().id()));
            }
            json.writeEndObject();
            if (h.reliability() != null) {
                textual("assessing", "Reliability " + h.reliability() + ": " + Reliability.sentenceOf(h.reliability())
                        + " (" + h.sourceName() + ")");
                json.writeStringField("credence:reliability", h.reliability());
                json.writeNumberField("credence:position", h.position());
                json.writeEndObject();
            }
        }
        if (c.rationale() != null && !c.rationale().isBlank()) {
            textual("commenting", c.rationale());
            json.writeEndObject();
        }
        if (c.evidenceUrl() != null && !c.evidenceUrl().isBlank()) {
            String evidence = absoluteUri(c.evidenceUrl());
            if (evidence != null) {
                json.writeStartObject();
                json.writeStringField("type", "SpecificResource");
                json.writeStringField("purpose", "linking");
                json.writeStringField("source", evidence);
            } else {
                textual("linking", c.evidenceUrl()); // not an IRI: kept as text rather than dropped
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * A corroboration link as its own Annotation (motivation linking): the target is the linking claim's
     * annotation, the body the linked claim's, with the relation and origin.
     */
    private void link(ExportRows.Claim c, ExportRows.Link l, ExportRows.Layer layer) throws IOException {
        start("claim-links", l.id(), "linking", layer, null);
        json.writeArrayFieldStart("body");
        json.writeStartObject();
        json.writeStringField("type", "SpecificResource");
        json.writeStringField("purpose", "linking");
        json.writeStringField("source", context.iri("api/v1/claims/" + l.targetClaimId()));
        json.writeStringField("credence:relation", l.relation());
        json.writeStringField("credence:origin", l.origin());
        json.writeBooleanField("credence:countsTowardGrade1", l.countsTowardGrade1());
        json.writeNumberField("credence:targetDocumentId", l.targetDocumentId());
        json.writeEndObject();
        textual("describing", l.relation() + " (" + l.origin() + " origin)");
        json.writeEndObject();
        if (l.note() != null && !l.note().isBlank()) {
            textual("commenting", l.note());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("target", context.iri("api/v1/claims/" + c.id()));
        json.writeEndObject();
    }

    /** The span's label as a classifying TextualBody. */
    private void label(String label) throws IOException {
        textual("classifying", label);
        json.writeEndObject();
    }

    /** Opens a TextualBody (the caller adds Credence terms and closes it). */
    private void textual(String purpose, String value) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "TextualBody");
        json.writeStringField("purpose", purpose);
        json.writeStringField("value", value);
        json.writeStringField("format", "text/plain");
    }

    /** Opens an identifying SpecificResource on the registry source (the caller closes it). */
    private void registrySource(long sourceId, String name) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "SpecificResource");
        json.writeStringField("purpose", "identifying");
        json.writeObjectFieldStart("source");
        json.writeStringField("id", context.iri("api/v1/sources/" + sourceId));
        json.writeStringField("label", name);
        json.writeEndObject();
    }

    /**
     * The target: the text at the document's revision, selected by quote and by code-point position. The quote
     * is cut from that very text at the span's offsets, so selectors and source agree by construction; a span
     * whose stored text no longer matches there (or lies outside the text) keeps only its stored quote.
     */
    private void target(CodePoints text, String source, String scope, int start, int end, String exact, String prefix,
            String suffix) throws IOException {
        json.writeObjectFieldStart("target");
        json.writeStringField("type", "SpecificResource");
        json.writeStringField("source", source);
        if (scope != null) {
            json.writeStringField("scope", scope);
        }
        json.writeArrayFieldStart("selector");
        boolean anchored = start >= 0 && start <= end && end <= text.length() && text.slice(start, end).equals(exact);
        json.writeStartObject();
        json.writeStringField("type", "TextQuoteSelector");
        json.writeStringField("exact", exact);
        String before = anchored ? text.slice(Math.max(0, start - CONTEXT), start) : prefix;
        String after = anchored ? text.slice(end, Math.min(text.length(), end + CONTEXT)) : suffix;
        if (before != null && !before.isEmpty()) {
            json.writeStringField("prefix", before);
        }
        if (after != null && !after.isEmpty()) {
            json.writeStringField("suffix", after);
        }
        json.writeEndObject();
        if (anchored) {
            json.writeStartObject();
            json.writeStringField("type", "TextPositionSelector");
            json.writeNumberField("start", start);
            json.writeNumberField("end", end);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Code points of context each side, as stored spans keep. */
    static final int CONTEXT = 32;

    /** {@code value} if it is an absolute http(s) IRI, else null (a free-text URL field must not break the IRI rules). */
    static String absoluteUri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) ? uri.toString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray(); // items
        json.writeEndObject(); // first
        json.writeNumberField("total", total);
        json.writeStringField("last", pageId);
        json.writeEndObject();
        json.close();
    }

    /** A text indexed by code point, for slicing spans of one document without rescanning it per span. */
    static final class CodePoints {
        private final String text;
        private final int[] charIndex;

        CodePoints(String text) {
            this.text = text;
            int n = text.codePointCount(0, text.length());
            charIndex = new int[n + 1];
            int at = 0;
            for (int i = 0; i < n; i++) {
                charIndex[i] = at;
                at += Character.charCount(text.codePointAt(at));
            }
            charIndex[n] = text.length();
        }

        int length() {
            return charIndex.length - 1;
        }

        /** Code points {@code start} (inclusive) to {@code end} (exclusive). */
        String slice(int start, int end) {
            return text.substring(charIndex[start], charIndex[end]);
        }
    }
}
