package dev.credence.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.credence.annotation.Offsets;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * doccano's relation-extraction JSONL: one line per document and exported layer,
 * {@code {"id","text","entities":[{"id","label","start_offset","end_offset"}],"relations":[{"id","from_id","to_id","type"}]}}
 * plus metadata columns doccano keeps as the example's meta. Claims, source mentions and cues are entities
 * (CLAIM, SOURCE, CUE); attribution hops (SOURCE → CLAIM, typed by the hop relation) and cue links
 * (CUE → its hop's SOURCE, or → CLAIM when the hop names no mention) are relations.
 *
 * <p>Offsets are UTF-16 code units by default: doccano's editor (v-annotator) indexes the text as a
 * JavaScript string, so that is what a project without grapheme mode shows and exports. {@code offsets=codepoints}
 * writes Credence's own code points instead (Python {@code text[s:e]}). Layout: docs/formats.md.
 */
public class DoccanoExportWriter implements ExportWriter {
    static final String CLAIM = "CLAIM";
    static final String SOURCE = "SOURCE";
    static final String CUE = "CUE";
    static final String CUE_LINK = "cue";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** Which spans become entities: {@code entities=all|claims|mentions-cues}. */
    public enum Entities {
        /** Claims, mentions and cues; they overlap, so the doccano project must allow overlapping spans. */
        all("all"),
        /** Claims only, overlaps removed: for projects without overlapping spans. */
        claims("claims"),
        /** Source mentions and cues with the cue links, overlaps removed. */
        mentions_cues("mentions-cues");

        public final String value;

        Entities(String value) {
            this.value = value;
        }

        boolean withoutOverlaps() {
            return this != all;
        }
    }

    /** How offsets count: {@code offsets=utf16|codepoints}. */
    public enum OffsetUnit {
        utf16("utf16_code_units"), codepoints("unicode_code_points");

        /** The value written in each line's {@code offsets} column. */
        public final String label;

        OffsetUnit(String label) {
            this.label = label;
        }
    }

    /** The format's request parameters, checked before the response starts. */
    public record Options(Entities entities, OffsetUnit offsets) {
        public static Options of(Map<String, String> parameters) {
            return new Options(entities(parameters.get("entities")), offsets(parameters.get("offsets")));
        }

        static Entities entities(String value) {
            if (value == null || value.isBlank()) {
                return Entities.all;
            }
            for (Entities e : Entities.values()) {
                if (e.value.equalsIgnoreCase(value.trim())) {
                    return e;
                }
            }
            throw new BadRequestException("entities: one of all, claims, mentions-cues (got '" + value + "')");
        }

        static OffsetUnit offsets(String value) {
            if (value == null || value.isBlank()) {
                return OffsetUnit.utf16;
            }
            for (OffsetUnit u : OffsetUnit.values()) {
                if (u.name().equalsIgnoreCase(value.trim())) {
                    return u;
                }
            }
            throw new BadRequestException("offsets: one of utf16, codepoints (got '" + value + "')");
        }
    }

    private final JsonGenerator json;
    private final Options options;

    public DoccanoExportWriter(OutputStream out, Options options) throws IOException {
        this.options = options;
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        json.setRootValueSeparator(null);
    }

    static DoccanoExportWriter open(ExportContext context, OutputStream out) throws IOException {
        return new DoccanoExportWriter(out, Options.of(context.parameters()));
    }

    @Override
    public void page(List<ExportRows.Document> page) throws IOException {
        for (ExportRows.Document d : page) {
            write(d);
        }
        json.flush();
    }

    /** One line per exported layer of the document; a document without layers still gets one line (its text). */
    public void write(ExportRows.Document d) throws IOException {
        Offsets.CodePointIndex index = Offsets.CodePointIndex.of(d.text());
        if (d.layers().isEmpty()) {
            line(d, null, List.of(), List.of(), 0, index);
            return;
        }
        for (ExportRows.Layer layer : d.layers()) {
            List<Entity> entities = entities(layer);
            int dropped = 0;
            if (options.entities().withoutOverlaps()) {
                List<Entity> kept = NonOverlapping.keep(entities, Entity::start, Entity::end);
                dropped = entities.size() - kept.size();
                entities = kept;
            }
            line(d, layer, entities, relations(layer, entities), dropped, index);
        }
    }

    /** A span of the layer as a doccano entity; {@code key} is "claim:ID", "mention:ID" or "cue:ID". */
    record Entity(String key, String label, int start, int end) {
    }

    record Link(String fromKey, String toKey, String type) {
    }

    private List<Entity> entities(ExportRows.Layer layer) {
        List<Entity> out = new ArrayList<>();
        if (options.entities() != Entities.mentions_cues) {
            for (ExportRows.Claim c : layer.claims()) {
                out.add(new Entity("claim:" + c.id(), CLAIM, c.start(), c.end()));
            }
        }
        if (options.entities() != Entities.claims) {
            for (ExportRows.Mention m : layer.mentions()) {
                out.add(new Entity("mention:" + m.id(), SOURCE, m.start(), m.end()));
            }
            for (ExportRows.Cue cue : layer.cues()) {
                out.add(new Entity("cue:" + cue.id(), CUE, cue.start(), cue.end()));
            }
        }
        return out;
    }

    /** Hops and cue links whose two ends are both among the written entities. */
    private static List<Link> relations(ExportRows.Layer layer, List<Entity> entities) {
        List<Link> links = new ArrayList<>();
        for (ExportRows.Claim c : layer.claims()) {
            String claim = "claim:" + c.id();
            for (ExportRows.Hop h : c.hops()) {
                String mention = h.mention() == null ? null : "mention:" + h.mention().id();
                if (mention != null) {
                    links.add(new Link(mention, claim, h.relation()));
                }
                if (h.cue() != null) {
                    links.add(new Link("cue:" + h.cue().id(), mention != null ? mention : claim, CUE_LINK));
                }
            }
        }
        Map<String, Entity> present = new HashMap<>();
        for (Entity e : entities) {
            present.put(e.key(), e);
        }
        List<Link> out = new ArrayList<>();
        java.util.Set<Link> seen = new java.util.HashSet<>();
        for (Link l : links) {
            if (present.containsKey(l.fromKey()) && present.containsKey(l.toKey()) && seen.add(l)) {
                out.add(l);
            }
        }
        return out;
    }

    private void line(ExportRows.Document d, ExportRows.Layer layer, List<Entity> entities, List<Link> links,
            int dropped, Offsets.CodePointIndex index) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", d.id());
        json.writeStringField("text", d.text());
        Map<String, Integer> ids = new HashMap<>();
        json.writeArrayFieldStart("entities");
        int next = 1;
        for (Entity e : entities) {
            ids.put(e.key(), next);
            json.writeStartObject();
            json.writeNumberField("id", next++);
            json.writeStringField("label", e.label());
            json.writeNumberField("start_offset", offset(index, e.start()));
            json.writeNumberField("end_offset", offset(index, e.end()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("relations");
        int relation = 1;
        for (Link l : links) {
            json.writeStartObject();
            json.writeNumberField("id", relation++);
            json.writeNumberField("from_id", ids.get(l.fromKey()));
            json.writeNumberField("to_id", ids.get(l.toKey()));
            json.writeStringField("type", l.type());
            json.writeEndObject();
        }
        json.writeEndArray();
        // Metadata columns: doccano keeps every other key as the example's meta. Never null (doccano reads a
        // batch of lines into one table, where a missing value would become NaN).
        json.writeStringField("title", d.title() == null ? "" : d.title());
        json.writeStringField("url", d.url() == null ? "" : d.url());
        json.writeNumberField("revision", d.revision());
        json.writeStringField("layer", layer == null ? "" : layer.ownerUsername() == null ? "gold" : layer.ownerUsername());
        json.writeStringField("layer_kind", layer == null ? "" : layer.kind().name());
        json.writeNumberField("layer_id", layer == null ? 0 : layer.id());
        // Links to claims of other documents cannot be doccano relations (those stay in one example).
        json.writeStringField("claim_links", layer == null ? "" : claimLinks(layer));
        json.writeStringField("offsets", options.offsets().label);
        if (options.entities().withoutOverlaps()) {
            json.writeNumberField("dropped_overlapping", dropped);
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** "45 corroborates 61@12 independent; …": linking claim, relation, linked claim @ its document, origin. */
    static String claimLinks(ExportRows.Layer layer) {
        StringBuilder sb = new StringBuilder();
        for (ExportRows.Claim c : layer.claims()) {
            for (ExportRows.Link l : c.links()) {
                sb.append(sb.length() == 0 ? "" : "; ").append(c.id()).append(' ').append(l.relation()).append(' ')
                        .append(l.targetClaimId()).append('@').append(l.targetDocumentId()).append(' ').append(l.origin());
            }
        }
        return sb.toString();
    }

    private int offset(Offsets.CodePointIndex index, int codePoint) {
        return options.offsets() == OffsetUnit.utf16 ? index.toUtf16(codePoint) : codePoint;
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
