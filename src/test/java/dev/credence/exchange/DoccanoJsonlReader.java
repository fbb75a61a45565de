package dev.credence.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads doccano's relation-extraction JSONL as doccano's importer does (backend/data_import: one JSON object a
 * line, "text" non-empty, "entities" {id, label, start_offset, end_offset} with start < end, "relations"
 * {from_id, to_id, type} naming entity ids of the same line, every other key kept as meta) and checks it.
 * Written from that spec for the tests; it shares no code with the writer.
 */
final class DoccanoJsonlReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    enum Unit { UTF16, CODE_POINTS }

    record Entity(int id, String label, int start, int end, String text) {
        String describe() {
            return label + " " + text;
        }
    }

    record Line(long id, String text, List<Entity> entities, List<String> relations, Map<String, JsonNode> meta) {
        List<String> spans() {
            return entities.stream().map(Entity::describe).toList();
        }
    }

    private DoccanoJsonlReader() {
    }

    static List<Line> read(String body, Unit unit) throws Exception {
        if (!body.endsWith("\n")) {
            throw new AssertionError("the last line is not terminated");
        }
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String raw : body.split("\n")) {
            number++;
            lines.add(line(MAPPER.readTree(raw), unit, "line " + number));
        }
        return lines;
    }

    private static Line line(JsonNode node, Unit unit, String where) {
        String text = node.path("text").asText("");
        if (text.isEmpty()) {
            throw new AssertionError(where + ": doccano refuses an empty text");
        }
        Map<Integer, Entity> byId = new HashMap<>();
        List<Entity> entities = new ArrayList<>();
        for (JsonNode e : node.path("entities")) {
            int id = e.get("id").asInt();
            String label = e.get("label").asText();
            int start = e.get("start_offset").asInt();
            int end = e.get("end_offset").asInt();
            if (label.isEmpty() || start < 0 || start >= end) {
                throw new AssertionError(where + ": bad entity " + e);
            }
            Entity entity = new Entity(id, label, start, end, slice(text, start, end, unit, where));
            if (byId.put(id, entity) != null) {
                throw new AssertionError(where + ": duplicate entity id " + id);
            }
            entities.add(entity);
        }
        List<String> relations = new ArrayList<>();
        for (JsonNode r : node.path("relations")) {
            Entity from = byId.get(r.get("from_id").asInt());
            Entity to = byId.get(r.get("to_id").asInt());
            if (from == null || to == null) {
                throw new AssertionError(where + ": relation to a missing entity " + r);
            }
            relations.add(from.text() + " -" + r.get("type").asText() + "-> " + to.text());
        }
        Map<String, JsonNode> meta = new HashMap<>();
        node.fields().forEachRemaining(f -> {
            if (!List.of("text", "entities", "relations").contains(f.getKey())) {
                if (f.getValue().isNull()) {
                    throw new AssertionError(where + ": null meta " + f.getKey());
                }
                meta.put(f.getKey(), f.getValue());
            }
        });
        return new Line(node.path("id").asLong(), text, entities, relations, meta);
    }

    /** A Java String is UTF-16, as a JavaScript string is: substring is what doccano's editor shows. */
    private static String slice(String text, int start, int end, Unit unit, String where) {
        if (unit == Unit.UTF16) {
            if (end > text.length()) {
                throw new AssertionError(where + ": offset past the text");
            }
            for (int i : new int[] { start, end }) {
                if (i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i))) {
                    throw new AssertionError(where + ": offset " + i + " splits a surrogate pair");
                }
            }
            return text.substring(start, end);
        }
        int[] cps = text.codePoints().toArray();
        if (end > cps.length) {
            throw new AssertionError(where + ": offset past the text");
        }
        return new String(cps, start, end - start);
    }

    /** What doccano keeps of a line's entities in a project without "Allow overlapping spans" (Spans.clean). */
    static List<Entity> keptWithoutOverlapping(Line line) {
        List<Entity> sorted = new ArrayList<>(line.entities());
        sorted.sort(Comparator.comparingInt(Entity::start)); // stable, as Python's sorted
        List<Entity> kept = new ArrayList<>();
        int lastOffset = -1;
        for (Entity e : sorted) {
            if (e.start() >= lastOffset) {
                lastOffset = e.end();
                kept.add(e);
            }
        }
        return kept;
    }

    static boolean overlapping(Entity a, Entity b) {
        return a.start() < b.end() && b.start() < a.end();
    }
}
