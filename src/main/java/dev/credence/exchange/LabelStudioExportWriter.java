package dev.credence.exchange;

import static dev.credence.exchange.LabelStudioConfig.CHAIN;
import static dev.credence.exchange.LabelStudioConfig.CREDIBILITY;
import static dev.credence.exchange.LabelStudioConfig.CUE_CLASS;
import static dev.credence.exchange.LabelStudioConfig.KIND;
import static dev.credence.exchange.LabelStudioConfig.LABEL;
import static dev.credence.exchange.LabelStudioConfig.RATIONALE;
import static dev.credence.exchange.LabelStudioConfig.RELIABILITY;
import static dev.credence.exchange.LabelStudioConfig.SOURCE;
import static dev.credence.exchange.LabelStudioConfig.STANCE;
import static dev.credence.exchange.LabelStudioConfig.TEXT;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Label Studio: a zip of {@code tasks.json} (a JSON array, one task per document, one annotation per exported
 * layer), {@code label_config.xml} ({@link LabelStudioConfig}) and the README.md dataset card. The array is
 * written token by token as the pages arrive, straight into the zip entry. Offsets are code points, which is
 * how Label Studio's editor reads {@code value.start/end} of a text region. Layout: docs/formats.md.
 */
public class LabelStudioExportWriter implements ExportWriter {
    static final String OFFSETS = "`value.start` / `value.end` of every `labels` region (and of the per-region "
            + "`choices` / `textarea` results that share its `id`) count **Unicode code points** of `data.text`, "
            + "end exclusive, as Label Studio's editor reads them: an emoji is one position. `value.text` is the "
            + "span's exact text.";
    static final String HOW_TO_LOAD = """
            1. In Label Studio, create a project; under *Labeling Setup* choose *Custom template* and paste \
            `label_config.xml` (Code view).
            2. *Import* `tasks.json`. Each task is one document (`data.text`, with `document_id`, `title`, `url`, \
            `publisher`, `revision`); each annotation is one Credence layer, in the order of `meta.layers` \
            (gold first, marked `ground_truth`).
            3. Open a task: claims, source mentions and cues are highlighted; select a region to see its grades \
            (credibility 1–6 on claims, reliability A–F on sources), kind, stance, cue class and notes; the \
            attribution hops are the relations (source → claim, labelled asserts/reports/cites/quotes/leaked_via; \
            cue → the source or claim it introduces, labelled `cue`).
            """;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final ZipExport zip;
    private final OutputStream tasks;
    private final JsonGenerator json;

    LabelStudioExportWriter(ZipExport zip) throws IOException {
        this.zip = zip;
        this.tasks = zip.entry("tasks.json");
        this.json = FACTORY.createGenerator(tasks, JsonEncoding.UTF8);
        json.writeStartArray();
    }

    static LabelStudioExportWriter open(ExportContext context, OutputStream out) throws IOException {
        return new LabelStudioExportWriter(new ZipExport(out,
                new DatasetCard(context, "Label Studio tasks", OFFSETS, HOW_TO_LOAD)));
    }

    @Override
    public void page(List<ExportRows.Document> page) throws IOException {
        zip.card().observe(page);
        for (ExportRows.Document d : page) {
            write(d);
        }
        json.flush();
        zip.flush();
    }

    /** One task. */
    void write(ExportRows.Document d) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", d.id());
        json.writeObjectFieldStart("data");
        json.writeStringField("text", d.text());
        json.writeNumberField("document_id", d.id());
        json.writeStringField("title", d.title());
        json.writeStringField("url", d.url());
        json.writeStringField("publisher", d.publisher());
        json.writeStringField("published_at", d.publishedAt() == null ? null : d.publishedAt().toString());
        json.writeNumberField("revision", d.revision());
        json.writeEndObject();
        json.writeObjectFieldStart("meta");
        json.writeStringField("offsets", "unicode_code_points");
        json.writeStringField("text_sha256", d.textSha256());
        json.writeArrayFieldStart("layers");
        for (ExportRows.Layer layer : d.layers()) {
            json.writeStartObject();
            json.writeNumberField("id", layer.id());
            json.writeStringField("kind", layer.kind().name());
            json.writeStringField("state", layer.state().name());
            json.writeStringField("reviewer", layer.ownerUsername());
            json.writeEndObject();
        }
        json.writeEndArray();
        // Corroboration links cross tasks, which Label Studio relations cannot: listed here, by region id
        // ("claim-<id>") and the linked claim's task (= document id).
        json.writeArrayFieldStart("claim_links");
        for (ExportRows.Layer layer : d.layers()) {
            for (ExportRows.Claim c : layer.claims()) {
                for (ExportRows.Link l : c.links()) {
                    json.writeStartObject();
                    json.writeNumberField("id", l.id());
                    json.writeStringField("from_id", "claim-" + c.id());
                    json.writeNumberField("annotation_id", layer.id());
                    json.writeStringField("to_id", "claim-" + l.targetClaimId());
                    json.writeNumberField("to_task", l.targetDocumentId());
                    json.writeStringField("relation", l.relation());
                    json.writeStringField("origin", l.origin());
                    json.writeBooleanField("counts_toward_grade_1", l.countsTowardGrade1());
                    json.writeEndObject();
                }
            }
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeArrayFieldStart("annotations");
        for (ExportRows.Layer layer : d.layers()) {
            annotation(layer);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void annotation(ExportRows.Layer layer) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", layer.id());
        json.writeBooleanField("ground_truth", layer.kind() == dev.credence.annotation.LayerKind.gold);
        json.writeArrayFieldStart("result");
        Set<String> regions = new HashSet<>();
        Map<Long, String> reliability = new HashMap<>();
        for (ExportRows.Claim c : layer.claims()) {
            for (ExportRows.Hop h : c.hops()) {
                if (h.mention() != null && h.reliability() != null) {
                    // A mention shared by several hops shows the grade of the first claim's hop.
                    reliability.putIfAbsent(h.mention().id(), h.reliability());
                }
            }
        }
        for (ExportRows.Claim c : layer.claims()) {
            String id = "claim-" + c.id();
            regions.add(id);
            region(id, c.start(), c.end(), c.exact(), LabelStudioConfig.CLAIM_LABEL);
            choice(id, c.start(), c.end(), c.exact(), KIND, c.kind());
            choice(id, c.start(), c.end(), c.exact(), STANCE, c.stance());
            choice(id, c.start(), c.end(), c.exact(), CREDIBILITY, c.credibility() == null ? null : c.credibility().toString());
            note(id, c.start(), c.end(), RATIONALE, c.rationale());
            note(id, c.start(), c.end(), CHAIN, c.chain());
        }
        for (ExportRows.Mention m : layer.mentions()) {
            String id = "mention-" + m.id();
            regions.add(id);
            region(id, m.start(), m.end(), m.exact(), LabelStudioConfig.SOURCE_LABEL);
            choice(id, m.start(), m.end(), m.exact(), RELIABILITY, reliability.get(m.id()));
            note(id, m.start(), m.end(), SOURCE, m.sourceName());
        }
        for (ExportRows.Cue cue : layer.cues()) {
            String id = "cue-" + cue.id();
            regions.add(id);
            region(id, cue.start(), cue.end(), cue.exact(), LabelStudioConfig.CUE_LABEL);
            choice(id, cue.start(), cue.end(), cue.exact(), CUE_CLASS, cue.cueClass());
        }
        Set<String> written = new HashSet<>();
        for (ExportRows.Claim c : layer.claims()) {
            String claim = "claim-" + c.id();
            for (ExportRows.Hop h : c.hops()) {
                String mention = h.mention() == null ? null : "mention-" + h.mention().id();
                if (mention != null && !regions.contains(mention)) {
                    mention = null; // a mention of another layer is no region of this annotation
                }
                if (mention != null) {
                    relation(written, mention, claim, h.relation());
                }
                if (h.cue() != null && regions.contains("cue-" + h.cue().id())) {
                    relation(written, "cue-" + h.cue().id(), mention != null ? mention : claim,
                            LabelStudioConfig.CUE_RELATION);
                }
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void region(String id, int start, int end, String exact, String label) throws IOException {
        startResult(id, LABEL, "labels", start, end);
        json.writeStringField("text", exact);
        json.writeArrayFieldStart("labels");
        json.writeString(label);
        json.writeEndArray();
        endResult();
    }

    private void choice(String id, int start, int end, String exact, String control, Object value) throws IOException {
        if (value == null) {
            return;
        }
        startResult(id, control, "choices", start, end);
        json.writeStringField("text", exact);
        json.writeArrayFieldStart("choices");
        json.writeString(value instanceof Enum<?> e ? e.name() : value.toString());
        json.writeEndArray();
        endResult();
    }

    /** A per-region text area: its {@code value.text} is the list of entered texts, not the span's text. */
    private void note(String id, int start, int end, String control, String text) throws IOException {
        if (text == null || text.isBlank()) {
            return;
        }
        startResult(id, control, "textarea", start, end);
        json.writeArrayFieldStart("text");
        json.writeString(text);
        json.writeEndArray();
        endResult();
    }

    private void startResult(String id, String control, String type, int start, int end) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", id);
        json.writeStringField("from_name", control);
        json.writeStringField("to_name", TEXT);
        json.writeStringField("type", type);
        json.writeStringField("origin", "manual");
        json.writeObjectFieldStart("value");
        json.writeNumberField("start", start);
        json.writeNumberField("end", end);
    }

    private void endResult() throws IOException {
        json.writeEndObject();
        json.writeEndObject();
    }

    private void relation(Set<String> written, String from, String to, String label) throws IOException {
        if (!written.add(from + ">" + to + ">" + label)) {
            return;
        }
        json.writeStartObject();
        json.writeStringField("from_id", from);
        json.writeStringField("to_id", to);
        json.writeStringField("type", "relation");
        json.writeStringField("direction", "right");
        json.writeArrayFieldStart("labels");
        json.writeString(label);
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Ends the task array and its entry, then writes label_config.xml and README.md. */
    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.close();
        tasks.close();
        zip.entry("label_config.xml", LabelStudioConfig.xml(zip.card().context().schema()));
        zip.close();
    }
}
