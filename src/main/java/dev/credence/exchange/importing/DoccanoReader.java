package dev.credence.exchange.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.annotation.Offsets;
import dev.credence.document.ArticleInput;
import dev.credence.web.UnprocessableException;
import java.util.ArrayList;
import java.util.List;

/**
 * doccano JSONL, one document a line, in the shapes doccano exports:
 * <ul>
 * <li>relation projects: {@code {"text","entities":[{"id","label","start_offset","end_offset"}],
 * "relations":[{"id","from_id","to_id","type"}]}};</li>
 * <li>sequence labelling: {@code {"text","label":[[start,end,"LABEL"],…]}} (the older form; {@code labels}
 * is read the same way);</li>
 * <li>text classification: {@code {"text","label":["LABEL",…]}}: document labels, reported and not stored.</li>
 * </ul>
 * Offsets are code points (doccano indexes Python strings). Other fields ({@code id}, {@code meta},
 * {@code Comments}) are ignored, except {@code title}, {@code url}, {@code publisher}, {@code publishedAt}
 * at the top level or in {@code meta}.
 */
final class DoccanoReader {
    private DoccanoReader() {
    }

    static List<LabeledTask> read(byte[] content, String file) {
        List<LabeledTask> tasks = new ArrayList<>();
        JsonInput.lines(content, file, (node, lineNo) -> tasks.add(task(node, file, lineNo)));
        if (tasks.isEmpty()) {
            throw new UnprocessableException(file + ": empty file, no document in it");
        }
        return tasks;
    }

    private static LabeledTask task(JsonNode node, String file, int lineNo) {
        String where = file + " line " + lineNo;
        String text = Fields.requireString(node, "text", where, "");
        if (text.isBlank()) {
            throw new UnprocessableException(where + ": text: missing or blank");
        }
        JsonNode meta = Fields.object(node, "meta", where, "");
        ArticleInput article = JsonInput.article(meta != null && Fields.get(node, "title") == null ? meta : node,
                text, file, lineNo, where, meta != null && Fields.get(node, "title") == null ? "meta." : "");
        Offsets.CodePointIndex index = Offsets.CodePointIndex.of(text);
        List<LabeledTask.Region> regions = new ArrayList<>();
        List<LabeledTask.Link> links = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<JsonNode> entities = Fields.array(node, "entities", where, "");
        for (int i = 0; i < entities.size(); i++) {
            String path = "entities[" + i + "].";
            JsonNode e = Fields.requireObject(entities.get(i), where, "entities[" + i + "]");
            int start = Fields.requireInt(e, "start_offset", where, path);
            int end = Fields.requireInt(e, "end_offset", where, path);
            Fields.span(index, start, end, null, where, path);
            String id = Fields.id(e, "id", where, path);
            regions.add(new LabeledTask.Region(where + ": " + path.substring(0, path.length() - 1),
                    id == null ? "e" + i : id, start, end, null, Fields.requireString(e, "label", where, path),
                    List.of()));
        }
        List<JsonNode> relations = Fields.array(node, "relations", where, "");
        for (int i = 0; i < relations.size(); i++) {
            String path = "relations[" + i + "].";
            JsonNode r = Fields.requireObject(relations.get(i), where, "relations[" + i + "]");
            String from = Fields.id(r, "from_id", where, path);
            String to = Fields.id(r, "to_id", where, path);
            if (from == null || to == null) {
                throw new UnprocessableException(where + ": " + path + "from_id/to_id: required");
            }
            links.add(new LabeledTask.Link(where + ": relations[" + i + "]", from, to,
                    Fields.string(r, "type", where, path)));
        }
        // "label" in doccano's exports; "labels" in some versions and in converters written for them.
        String key = Fields.get(node, "label") == null && Fields.get(node, "labels") != null ? "labels" : "label";
        List<JsonNode> labels = Fields.array(node, key, where, "");
        for (int i = 0; i < labels.size(); i++) {
            JsonNode l = labels.get(i);
            String path = key + "[" + i + "]";
            if (l.isTextual()) {
                notes.add(where + ": document label '" + l.textValue() + "' not stored (Credence labels spans)");
                continue;
            }
            if (!l.isArray() || l.size() != 3 || !l.get(0).isIntegralNumber() || !l.get(1).isIntegralNumber()
                    || !l.get(2).isTextual()) {
                throw new UnprocessableException(where + ": " + path + ": expected [start, end, \"LABEL\"]");
            }
            int start = l.get(0).intValue();
            int end = l.get(1).intValue();
            Fields.span(index, start, end, null, where, path + " ");
            regions.add(new LabeledTask.Region(where + ": " + path, "l" + i, start, end, null,
                    dev.credence.web.TextPolicy.check(where + ": " + path, l.get(2).textValue()), List.of()));
        }
        return new LabeledTask(article, where, regions, links, false, notes);
    }
}
