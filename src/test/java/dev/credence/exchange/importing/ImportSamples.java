package dev.credence.exchange.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;

/**
 * Fixture files in doccano's and Label Studio's own formats, written from their documentation
 * (doccano: "Export" of sequence labelling and relation projects; Label Studio: "JSON task format",
 * text {@code labels}, {@code relation} and {@code choices} results). Offsets are code points, as
 * both tools count Python str indexes. The texts are ours, with an emoji, CJK and a decomposed accent.
 */
final class ImportSamples {
    static final ObjectMapper JSON = new ObjectMapper();

    /** "Rene\u0301e" is decomposed (NFD) on purpose: Credence stores "Renée", one code point shorter. */
    static final String DRAGON = "Analysts at Kestrel Labs told the Daily Meridian that the crew 🐉 behind "
            + "\"Jade Lantern\" hit 9 ports.\nA ministry spokesman called the report 谣言 and said Rene\u0301e Duval "
            + "had no role.\nOfficials reportedly believe the leak came from a contractor.";
    static final String DRAGON_CLAIM = "the crew 🐉 behind \"Jade Lantern\" hit 9 ports";
    static final String LEAK_CLAIM = "the leak came from a contractor";

    static final String HARBOR = "Port authorities in Velmora confirmed on Tuesday that 3 cranes stopped.\n"
            + "The operator, according to a statement, blamed a software update 更新 🛳.";
    static final String HARBOR_CLAIM = "3 cranes stopped";

    private ImportSamples() {
    }

    /** Code point offset of the first occurrence of {@code needle}, as Python's {@code str.index} gives it. */
    static int cp(String text, String needle) {
        int i = text.indexOf(needle);
        if (i < 0) {
            throw new IllegalArgumentException("not in the text: " + needle);
        }
        return text.codePointCount(0, i);
    }

    static int cpEnd(String text, String needle) {
        return cp(text, needle) + needle.codePointCount(0, needle.length());
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** doccano relation-project JSONL: two documents with entities and relations. */
    static String doccanoRelations() {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", 1);
        a.put("text", DRAGON);
        ArrayNode ents = a.putArray("entities");
        entity(ents, 10, DRAGON, DRAGON_CLAIM, "Claim");
        entity(ents, 11, DRAGON, "Kestrel Labs", "firm_report");
        entity(ents, 12, DRAGON, "Daily Meridian", "independent_media");
        entity(ents, 13, DRAGON, "told", "Cue");
        entity(ents, 14, DRAGON, LEAK_CLAIM, "Claim");
        entity(ents, 15, DRAGON, "Officials", "anonymous_official");
        entity(ents, 16, DRAGON, "believe", "cue_belief");
        ArrayNode rels = a.putArray("relations");
        relation(rels, 1, 10, 11, "asserts");
        relation(rels, 2, 10, 12, "reports");
        relation(rels, 3, 11, 13, "cue");
        relation(rels, 4, 15, 14, "asserts");
        relation(rels, 5, 15, 16, "cue");
        a.putArray("Comments");
        ObjectNode b = JSON.createObjectNode();
        b.put("id", 2);
        b.put("text", HARBOR);
        ArrayNode e2 = b.putArray("entities");
        entity(e2, 20, HARBOR, HARBOR_CLAIM, "Claim");
        entity(e2, 21, HARBOR, "according to", "Cue");
        b.putArray("relations");
        return a + "\n" + b + "\n";
    }

    /** The older doccano form: {@code "label": [[start, end, "LABEL"]]}. */
    static String doccanoLabels() {
        ObjectNode a = JSON.createObjectNode();
        a.put("text", HARBOR);
        ArrayNode labels = a.putArray("label");
        labels.addArray().add(cp(HARBOR, HARBOR_CLAIM)).add(cpEnd(HARBOR, HARBOR_CLAIM)).add("Claim");
        labels.addArray().add(cp(HARBOR, "according to")).add(cpEnd(HARBOR, "according to")).add("Cue");
        return a + "\n";
    }

    private static void entity(ArrayNode to, int id, String text, String exact, String label) {
        ObjectNode e = to.addObject();
        e.put("id", id);
        e.put("label", label);
        e.put("start_offset", cp(text, exact));
        e.put("end_offset", cpEnd(text, exact));
    }

    private static void relation(ArrayNode to, int id, int from, int target, String type) {
        ObjectNode r = to.addObject();
        r.put("id", id);
        r.put("from_id", from);
        r.put("to_id", target);
        r.put("type", type);
    }

    /** Label Studio tasks: task 0 with a finished annotation, task 1 with a model's predictions only. */
    static String labelStudioTasks() {
        ArrayNode tasks = JSON.createArrayNode();
        ObjectNode t0 = tasks.addObject();
        t0.put("id", 101);
        ObjectNode d0 = t0.putObject("data");
        d0.put("text", DRAGON);
        d0.put("title", "Jade Lantern hit nine ports");
        d0.put("url", "https://meridian.example/jade-lantern");
        ObjectNode ann = t0.putArray("annotations").addObject();
        ann.put("id", 7);
        ann.put("was_cancelled", false);
        ArrayNode r0 = ann.putArray("result");
        region(r0, "c1", DRAGON, DRAGON_CLAIM, "Claim");
        choices(r0, "c1", DRAGON, DRAGON_CLAIM, "hedged", "credibility 3");
        region(r0, "m1", DRAGON, "Kestrel Labs", "Source: firm report");
        region(r0, "q1", DRAGON, "told", "Cue");
        link(r0, "c1", "m1", "asserts");
        link(r0, "m1", "q1", "cue");
        region(r0, "c2", DRAGON, LEAK_CLAIM, "Claim");
        t0.putArray("predictions");
        ObjectNode t1 = tasks.addObject();
        t1.put("id", 102);
        t1.putObject("data").put("text", HARBOR);
        ObjectNode pred = t1.putArray("predictions").addObject();
        pred.put("model_version", "tagger-0.3");
        pred.put("score", 0.81);
        ArrayNode r1 = pred.putArray("result");
        region(r1, "p1", HARBOR, HARBOR_CLAIM, "Claim");
        region(r1, "p2", HARBOR, "according to", "Cue");
        return tasks.toPrettyString();
    }

    static void region(ArrayNode to, String id, String text, String exact, String label) {
        ObjectNode r = to.addObject();
        r.put("id", id);
        r.put("from_name", "label");
        r.put("to_name", "text");
        r.put("type", "labels");
        ObjectNode v = r.putObject("value");
        v.put("start", cp(text, exact));
        v.put("end", cpEnd(text, exact));
        v.put("text", exact);
        v.putArray("labels").add(label);
    }

    static void choices(ArrayNode to, String id, String text, String exact, String... values) {
        ObjectNode r = to.addObject();
        r.put("id", id);
        r.put("from_name", "grades");
        r.put("to_name", "text");
        r.put("type", "choices");
        ObjectNode v = r.putObject("value");
        v.put("start", cp(text, exact));
        v.put("end", cpEnd(text, exact));
        ArrayNode c = v.putArray("choices");
        for (String s : values) {
            c.add(s);
        }
    }

    static void link(ArrayNode to, String from, String target, String label) {
        ObjectNode r = to.addObject();
        r.put("from_id", from);
        r.put("to_id", target);
        r.put("type", "relation");
        r.put("direction", "right");
        r.putArray("labels").add(label);
    }
}
