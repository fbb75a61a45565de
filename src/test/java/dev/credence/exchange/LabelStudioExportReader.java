package dev.credence.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a Label Studio export zip the way Label Studio would use it and checks it: label_config.xml is XML whose
 * controls (Labels, Choices, TextArea, Relations) declare every from_name, label, choice and relation label the
 * tasks use; tasks.json is an array of tasks whose {@code labels} regions slice {@code data.text} by code points
 * to exactly {@code value.text}, whose per-region results share a region's id and offsets, and whose relations
 * join regions of the same annotation. Written for the tests from Label Studio's task format; no writer code.
 */
final class LabelStudioExportReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Annotation(long id, boolean groundTruth, List<String> spans, List<String> perRegion, List<String> relations) {
    }

    record Task(JsonNode node, String text, List<Annotation> annotations) {
    }

    record Export(Map<String, byte[]> entries, List<Task> tasks, String config) {
        String readme() {
            return new String(entries.get("README.md"), StandardCharsets.UTF_8);
        }
    }

    /** The labeling config's controls. */
    static final class Config {
        String textName;
        final Map<String, Set<String>> labels = new HashMap<>();
        final Map<String, Set<String>> choices = new HashMap<>();
        final Set<String> textAreas = new HashSet<>();
        final Set<String> relations = new HashSet<>();
    }

    private LabelStudioExportReader() {
    }

    static Export read(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                entries.put(e.getName(), out.toByteArray());
            }
        }
        for (String name : List.of("tasks.json", "label_config.xml", "README.md")) {
            if (!entries.containsKey(name)) {
                throw new AssertionError("no " + name + " in " + entries.keySet());
            }
        }
        String xml = new String(entries.get("label_config.xml"), StandardCharsets.UTF_8);
        Config config = config(xml);
        JsonNode array = MAPPER.readTree(entries.get("tasks.json"));
        if (!array.isArray()) {
            throw new AssertionError("tasks.json is not a JSON array");
        }
        List<Task> tasks = new ArrayList<>();
        for (JsonNode task : array) {
            tasks.add(task(task, config));
        }
        return new Export(entries, tasks, xml);
    }

    static Config config(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Config config = new Config();
        if (!doc.getDocumentElement().getTagName().equals("View")) {
            throw new AssertionError("the root element must be View");
        }
        NodeList texts = doc.getElementsByTagName("Text");
        if (texts.getLength() != 1 || !"$text".equals(((Element) texts.item(0)).getAttribute("value"))) {
            throw new AssertionError("one Text object reading $text");
        }
        config.textName = ((Element) texts.item(0)).getAttribute("name");
        collect(doc, "Labels", "Label", config.labels, config.textName);
        collect(doc, "Choices", "Choice", config.choices, config.textName);
        NodeList areas = doc.getElementsByTagName("TextArea");
        for (int i = 0; i < areas.getLength(); i++) {
            config.textAreas.add(((Element) areas.item(i)).getAttribute("name"));
        }
        NodeList relations = doc.getElementsByTagName("Relation");
        for (int i = 0; i < relations.getLength(); i++) {
            config.relations.add(((Element) relations.item(i)).getAttribute("value"));
        }
        return config;
    }

    private static void collect(org.w3c.dom.Document doc, String control, String item, Map<String, Set<String>> out,
            String textName) {
        NodeList controls = doc.getElementsByTagName(control);
        for (int i = 0; i < controls.getLength(); i++) {
            Element c = (Element) controls.item(i);
            if (!c.getAttribute("toName").equals(textName)) {
                throw new AssertionError(control + " " + c.getAttribute("name") + " is not bound to the Text");
            }
            Set<String> values = new HashSet<>();
            NodeList items = c.getElementsByTagName(item);
            for (int j = 0; j < items.getLength(); j++) {
                values.add(((Element) items.item(j)).getAttribute("value"));
            }
            out.put(c.getAttribute("name"), values);
        }
    }

    private record Region(String id, int start, int end, String text) {
    }

    private static Task task(JsonNode task, Config config) {
        String text = task.at("/data/text").asText();
        int[] cps = text.codePoints().toArray();
        List<Annotation> annotations = new ArrayList<>();
        for (JsonNode a : task.path("annotations")) {
            String where = "task " + task.get("id") + " annotation " + a.get("id");
            Map<String, Region> regions = new HashMap<>();
            List<String> spans = new ArrayList<>();
            for (JsonNode r : a.path("result")) {
                if (r.has("from_id") || !"labels".equals(r.path("type").asText())) {
                    continue;
                }
                check(r.path("to_name").asText().equals(config.textName), where, "to_name of " + r);
                Set<String> declared = config.labels.get(r.path("from_name").asText());
                check(declared != null, where, "no Labels control " + r.path("from_name"));
                int start = r.at("/value/start").asInt();
                int end = r.at("/value/end").asInt();
                check(0 <= start && start < end && end <= cps.length, where, "offsets " + r);
                String slice = new String(cps, start, end - start);
                check(slice.equals(r.at("/value/text").asText()), where,
                        "value.text '" + r.at("/value/text").asText() + "' is not the text at " + start + ".." + end + ": '" + slice + "'");
                for (JsonNode label : r.at("/value/labels")) {
                    check(declared.contains(label.asText()), where, "label not in the config: " + label);
                    spans.add(label.asText() + " " + slice);
                }
                check(regions.put(r.get("id").asText(), new Region(r.get("id").asText(), start, end, slice)) == null,
                        where, "two regions with id " + r.get("id"));
            }
            List<String> perRegion = new ArrayList<>();
            List<String> relations = new ArrayList<>();
            for (JsonNode r : a.path("result")) {
                String type = r.path("type").asText();
                if (r.has("from_id")) {
                    check("relation".equals(type), where, "relation type " + r);
                    Region from = regions.get(r.get("from_id").asText());
                    Region to = regions.get(r.get("to_id").asText());
                    check(from != null && to != null, where, "relation to a missing region " + r);
                    for (JsonNode label : r.path("labels")) {
                        check(config.relations.contains(label.asText()), where, "relation label not in the config: " + label);
                        relations.add(from.text() + " -" + label.asText() + "-> " + to.text());
                    }
                    continue;
                }
                if ("labels".equals(type)) {
                    continue;
                }
                Region region = regions.get(r.path("id").asText());
                check(region != null, where, "per-region result without its region " + r);
                check(region.start() == r.at("/value/start").asInt() && region.end() == r.at("/value/end").asInt(),
                        where, "per-region offsets differ from the region's " + r);
                String control = r.path("from_name").asText();
                if ("choices".equals(type)) {
                    Set<String> declared = config.choices.get(control);
                    check(declared != null, where, "no Choices control " + control);
                    for (JsonNode choice : r.at("/value/choices")) {
                        check(declared.contains(choice.asText()), where, control + " choice not in the config: " + choice);
                        perRegion.add(control + "=" + choice.asText() + " @ " + region.text());
                    }
                } else if ("textarea".equals(type)) {
                    check(config.textAreas.contains(control), where, "no TextArea control " + control);
                    for (JsonNode t : r.at("/value/text")) {
                        perRegion.add(control + "=" + t.asText() + " @ " + region.text());
                    }
                } else {
                    throw new AssertionError(where + ": unexpected result type " + type);
                }
            }
            annotations.add(new Annotation(a.path("id").asLong(), a.path("ground_truth").asBoolean(), spans, perRegion,
                    relations));
        }
        return new Task(task, text, annotations);
    }

    private static void check(boolean ok, String where, String what) {
        if (!ok) {
            throw new AssertionError(where + ": " + what);
        }
    }
}
