package dev.credence.exchange.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.annotation.Offsets;
import dev.credence.document.ArticleInput;
import dev.credence.web.UnprocessableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Label Studio's JSON task file: an array of {@code {"data":{"text",…},"annotations":[{"result":[…]}],
 * "predictions":[{"result":[…]}]}}. Results of type {@code labels} ({@code value{start,end,text,labels}})
 * become regions, {@code relation} results ({@code from_id,to_id,labels}) links, and {@code choices}
 * results carrying a region's id that region's choices. Offsets are code points (Label Studio's
 * editor and its converter index Python/JavaScript code points the same way; see docs/import.md).
 *
 * <p>One set per task is imported: the first annotation that was not cancelled, else the first
 * prediction (marked as such, so it is stored as pre-annotations). Others are reported in the notes.
 */
final class LabelStudioReader {
    private LabelStudioReader() {
    }

    static List<LabeledTask> read(byte[] content, String file) {
        List<LabeledTask> tasks = new ArrayList<>();
        JsonInput.array(content, file, (node, index) -> tasks.add(task(node, file, index)));
        if (tasks.isEmpty()) {
            throw new UnprocessableException(file + ": no task in the file");
        }
        return tasks;
    }

    private static LabeledTask task(JsonNode node, String file, int index) {
        String where = file + " task " + index;
        JsonNode data = Fields.object(node, "data", where, "");
        if (data == null) {
            throw new UnprocessableException(where + ": data: required, {\"text\": …}");
        }
        String text = Fields.requireString(data, "text", where, "data.");
        if (text.isBlank()) {
            throw new UnprocessableException(where + ": data.text: missing or blank");
        }
        ArticleInput article = JsonInput.article(data, text, where, 0, where, "data.");
        List<String> notes = new ArrayList<>();
        List<JsonNode> annotations = Fields.array(node, "annotations", where, "");
        List<JsonNode> predictions = Fields.array(node, "predictions", where, "");
        String set = null;
        int chosen = -1;
        int usable = 0;
        for (int i = 0; i < annotations.size(); i++) {
            JsonNode a = Fields.requireObject(annotations.get(i), where, "annotations[" + i + "]");
            if (Boolean.TRUE.equals(Fields.bool(a, "was_cancelled", where, "annotations[" + i + "]."))) {
                continue;
            }
            usable++;
            if (chosen < 0) {
                chosen = i;
                set = "annotations";
            }
        }
        if (usable > 1) {
            notes.add(where + ": " + usable + " annotations; the first (annotations[" + chosen + "]) was imported");
        }
        if (chosen < 0 && !predictions.isEmpty()) {
            chosen = 0;
            set = "predictions";
            if (predictions.size() > 1) {
                notes.add(where + ": " + predictions.size() + " predictions; the first was imported");
            }
        }
        List<LabeledTask.Region> regions = new ArrayList<>();
        List<LabeledTask.Link> links = new ArrayList<>();
        if (set != null) {
            JsonNode picked = Fields.requireObject((set.equals("annotations") ? annotations : predictions).get(chosen),
                    where, set + "[" + chosen + "]");
            results(picked, set + "[" + chosen + "].", text, where, regions, links, notes);
        }
        return new LabeledTask(article, where, regions, links, "predictions".equals(set), notes);
    }

    private static void results(JsonNode set, String base, String text, String where,
            List<LabeledTask.Region> regions, List<LabeledTask.Link> links, List<String> notes) {
        Offsets.CodePointIndex index = Offsets.CodePointIndex.of(text);
        List<JsonNode> results = Fields.array(set, "result", where, base);
        Map<String, List<String>> choicesById = new LinkedHashMap<>();
        record Pending(String where, String id, int start, int end, String text, String label) {
        }
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String path = base + "result[" + i + "].";
            JsonNode r = Fields.requireObject(results.get(i), where, base + "result[" + i + "]");
            String type = Fields.requireString(r, "type", where, path);
            switch (type) {
                case "labels" -> {
                    JsonNode value = Fields.object(r, "value", where, path);
                    if (value == null) {
                        throw new UnprocessableException(where + ": " + path + "value: required");
                    }
                    int start = Fields.requireInt(value, "start", where, path + "value.");
                    int end = Fields.requireInt(value, "end", where, path + "value.");
                    String exact = Fields.string(value, "text", where, path + "value.");
                    Fields.span(index, start, end, exact, where, path + "value.");
                    String id = Fields.id(r, "id", where, path);
                    List<JsonNode> labels = Fields.array(value, "labels", where, path + "value.");
                    if (labels.isEmpty()) {
                        throw new UnprocessableException(where + ": " + path + "value.labels: at least one label");
                    }
                    for (int j = 0; j < labels.size(); j++) {
                        if (!labels.get(j).isTextual()) {
                            throw new UnprocessableException(where + ": " + path + "value.labels[" + j
                                    + "]: expected a string");
                        }
                        pending.add(new Pending(where + ": " + path.substring(0, path.length() - 1),
                                id == null ? "r" + i : id, start, end, exact,
                                dev.credence.web.TextPolicy.check(where + ": " + path + "value.labels",
                                        labels.get(j).textValue())));
                    }
                }
                case "relation" -> {
                    String from = Fields.id(r, "from_id", where, path);
                    String to = Fields.id(r, "to_id", where, path);
                    if (from == null || to == null) {
                        throw new UnprocessableException(where + ": " + path + "from_id/to_id: required");
                    }
                    List<JsonNode> labels = Fields.array(r, "labels", where, path);
                    String label = labels.isEmpty() ? null : labels.get(0).asText();
                    links.add(new LabeledTask.Link(where + ": " + path.substring(0, path.length() - 1), from, to,
                            label));
                }
                case "choices" -> {
                    String id = Fields.id(r, "id", where, path);
                    JsonNode value = Fields.object(r, "value", where, path);
                    List<String> values = new ArrayList<>();
                    for (JsonNode c : Fields.array(value, "choices", where, path + "value.")) {
                        if (!c.isTextual()) {
                            throw new UnprocessableException(where + ": " + path + "value.choices: expected strings");
                        }
                        values.add(dev.credence.web.TextPolicy.check(where + ": " + path + "value.choices",
                                c.textValue()));
                    }
                    if (id == null || value == null || Fields.get(value, "start") == null) {
                        notes.add(where + ": " + path + " task-level choices " + values + " not stored");
                    } else {
                        choicesById.computeIfAbsent(id, k -> new ArrayList<>()).addAll(values);
                    }
                }
                default -> notes.add(where + ": " + path + " result of type '" + type + "' not stored");
            }
        }
        for (Pending p : pending) {
            regions.add(new LabeledTask.Region(p.where(), p.id(), p.start(), p.end(), p.text(), p.label(),
                    choicesById.getOrDefault(p.id(), List.of())));
        }
        for (String id : choicesById.keySet()) {
            if (pending.stream().noneMatch(p -> p.id().equals(id))) {
                notes.add(where + ": choices for region '" + id + "', which has no labels result, not stored");
            }
        }
    }
}
