package dev.credence.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent reader of brat standoff, written from brat's documentation (standoff format and
 * configuration pages) for the tests, strict where brat is: it throws on the first violation.
 * <ul>
 * <li>annotation.conf: [entities], [relations] (type, tab, {@code Arg1:A|B, Arg2:C}), [events], [attributes]
 *     ({@code Arg:X|Y, Value:v1|v2}); {@code <OVERLAP>} lines are read as overlap permission;</li>
 * <li>.ann: one annotation a line, fields separated by tabs; ids unique, T/R/A/# with a number;
 *     {@code T<n>\tTYPE START END[;START END]*\tTEXT} with offsets in code points of the .txt, start <= end,
 *     fragments ordered and disjoint, TEXT equal to the fragments' texts joined by one space;
 *     {@code R<n>\tTYPE Arg1:ID Arg2:ID}; {@code A<n>\tTYPE ID VALUE}; {@code #<n>\tAnnotatorNotes ID\tTEXT};</li>
 * <li>every type is declared, relation arguments have the declared types, attributes target a declared
 *     type with a declared value, every referenced id exists.</li>
 * </ul>
 */
final class BratStandoffReader {
    record Config(Set<String> entities, Map<String, List<Set<String>>> relations, Map<String, Set<String>> attributeArgs,
            Map<String, Set<String>> attributeValues, boolean overlapAllowed) {
    }

    record TextBound(String id, String type, List<int[]> fragments, String text) {
        int start() {
            return fragments.get(0)[0];
        }

        int end() {
            return fragments.get(fragments.size() - 1)[1];
        }
    }

    record Relation(String id, String type, String arg1, String arg2) {
    }

    record Attribute(String id, String type, String target, String value) {
    }

    record Note(String id, String target, String text) {
    }

    record Ann(Map<String, TextBound> textBounds, List<Relation> relations, List<Attribute> attributes, List<Note> notes) {
        List<TextBound> ofType(String type) {
            return textBounds.values().stream().filter(t -> t.type().equals(type)).toList();
        }

        List<Attribute> attributesOf(String id) {
            return attributes.stream().filter(a -> a.target().equals(id)).toList();
        }

        String attribute(String id, String type) {
            return attributes.stream().filter(a -> a.target().equals(id) && a.type().equals(type))
                    .map(Attribute::value).findFirst().orElse(null);
        }

        String note(String id) {
            return notes.stream().filter(n -> n.target().equals(id)).map(Note::text).findFirst().orElse(null);
        }
    }

    private static final Pattern RELATION_ARGS = Pattern.compile("Arg1:([^,\\s]+),\\s*Arg2:([^,\\s]+)");
    private static final Pattern ATTRIBUTE_ARGS = Pattern.compile("Arg:([^,\\s]+),\\s*Value:([^,\\s]+)");
    private static final Pattern ID = Pattern.compile("([TRA#])([0-9]+)");

    private BratStandoffReader() {
    }

    static Config config(String conf) {
        Set<String> entities = new LinkedHashSet<>();
        Map<String, List<Set<String>>> relations = new LinkedHashMap<>();
        Map<String, Set<String>> attributeArgs = new LinkedHashMap<>();
        Map<String, Set<String>> attributeValues = new LinkedHashMap<>();
        boolean overlap = false;
        String section = null;
        for (String raw : conf.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                require(Set.of("entities", "relations", "events", "attributes").contains(section), "section " + line);
                continue;
            }
            require(section != null, "a line before any section: " + raw);
            String[] parts = raw.split("\t", 2);
            String type = parts[0].strip();
            require(!type.contains(" "), "a space in a type name: " + raw);
            switch (section) {
                case "entities" -> {
                    require(parts.length == 1, "entity with arguments: " + raw);
                    require(entities.add(type), "entity declared twice: " + type);
                }
                case "relations" -> {
                    require(parts.length == 2, "relation without arguments (tab-separated): " + raw);
                    if (type.equals("<OVERLAP>")) {
                        overlap = parts[1].contains("<OVL-TYPE>:<ANY>");
                        continue;
                    }
                    Matcher m = RELATION_ARGS.matcher(parts[1].strip());
                    require(m.matches(), "relation arguments: " + raw);
                    require(relations.put(type, List.of(Set.of(m.group(1).split("\\|")), Set.of(m.group(2).split("\\|")))) == null,
                            "relation declared twice: " + type);
                }
                case "attributes" -> {
                    require(parts.length == 2, "attribute without arguments: " + raw);
                    Matcher m = ATTRIBUTE_ARGS.matcher(parts[1].strip());
                    require(m.matches(), "attribute arguments: " + raw);
                    attributeArgs.put(type, Set.of(m.group(1).split("\\|")));
                    attributeValues.put(type, Set.of(m.group(2).split("\\|")));
                }
                default -> require(false, "nothing expected in [" + section + "]: " + raw);
            }
        }
        for (List<Set<String>> args : relations.values()) {
            for (Set<String> types : args) {
                require(entities.containsAll(types), "relation argument types must be entities: " + types);
            }
        }
        for (Map.Entry<String, Set<String>> e : attributeArgs.entrySet()) {
            for (String t : e.getValue()) {
                require(entities.contains(t) || relations.containsKey(t), "attribute " + e.getKey() + " on undeclared " + t);
            }
        }
        return new Config(entities, relations, attributeArgs, attributeValues, overlap);
    }

    /** Parses and checks {@code ann} against {@code txt} (the .txt as a string) and the configuration. */
    static Ann read(String txt, String ann, Config config) {
        int[] cps = txt.codePoints().toArray();
        Map<String, TextBound> textBounds = new LinkedHashMap<>();
        Map<String, String> typeOf = new HashMap<>();
        List<Relation> relations = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        require(ann.isEmpty() || ann.endsWith("\n"), "the last line ends with a newline");
        int lineNo = 0;
        for (String line : ann.isEmpty() ? new String[0] : ann.substring(0, ann.length() - 1).split("\n", -1)) {
            lineNo++;
            String where = "line " + lineNo + " '" + line + "': ";
            require(!line.contains("\r"), where + "CR in a line");
            String[] f = line.split("\t", -1);
            require(f.length >= 2, where + "no tab after the id");
            Matcher id = ID.matcher(f[0]);
            require(id.matches(), where + "id");
            require(!typeOf.containsKey(f[0]) && notes.stream().noneMatch(n -> n.id().equals(f[0])), where + "duplicate id");
            switch (id.group(1)) {
                case "T" -> {
                    require(f.length >= 3, where + "T needs TYPE SPANS<tab>TEXT");
                    int space = f[1].indexOf(' ');
                    String type = f[1].substring(0, space);
                    require(config.entities().contains(type), where + "undeclared entity " + type);
                    List<int[]> fragments = new ArrayList<>();
                    StringBuilder expected = new StringBuilder();
                    int previousEnd = -1;
                    for (String span : f[1].substring(space + 1).split(";", -1)) {
                        String[] se = span.split(" ", -1);
                        require(se.length == 2, where + "span '" + span + "'");
                        int s = Integer.parseInt(se[0]);
                        int e = Integer.parseInt(se[1]);
                        require(0 <= s && s <= e && e <= cps.length, where + "offsets " + s + " " + e);
                        require(s > previousEnd, where + "fragments ordered and disjoint");
                        previousEnd = e;
                        fragments.add(new int[] { s, e });
                        if (expected.length() > 0 || fragments.size() > 1) {
                            expected.append(' ');
                        }
                        expected.append(new String(cps, s, e - s));
                    }
                    String text = String.join("\t", java.util.Arrays.copyOfRange(f, 2, f.length));
                    require(text.equals(expected.toString()), where + "text '" + text + "' but the .txt has '" + expected + "'");
                    textBounds.put(f[0], new TextBound(f[0], type, fragments, text));
                    typeOf.put(f[0], type);
                }
                case "R" -> {
                    require(f.length == 2 || (f.length == 3 && f[2].isEmpty()), where + "R has TYPE Arg1:ID Arg2:ID");
                    String[] p = f[1].split(" ", -1);
                    require(p.length == 3 && p[1].startsWith("Arg1:") && p[2].startsWith("Arg2:"), where + "R arguments");
                    String type = p[0];
                    List<Set<String>> declared = config.relations().get(type);
                    require(declared != null, where + "undeclared relation " + type);
                    String a1 = p[1].substring(5);
                    String a2 = p[2].substring(5);
                    require(declared.get(0).contains(typeOf.get(a1)), where + "Arg1 " + a1 + " is " + typeOf.get(a1));
                    require(declared.get(1).contains(typeOf.get(a2)), where + "Arg2 " + a2 + " is " + typeOf.get(a2));
                    relations.add(new Relation(f[0], type, a1, a2));
                    typeOf.put(f[0], type);
                }
                case "A" -> {
                    require(f.length == 2, where + "A has TYPE ID VALUE");
                    String[] p = f[1].split(" ", -1);
                    require(p.length == 3, where + "A has TYPE ID VALUE");
                    require(config.attributeArgs().containsKey(p[0]), where + "undeclared attribute " + p[0]);
                    require(typeOf.containsKey(p[1]), where + "unknown target " + p[1]);
                    require(config.attributeArgs().get(p[0]).contains(typeOf.get(p[1])),
                            where + p[0] + " not declared for " + typeOf.get(p[1]));
                    require(config.attributeValues().get(p[0]).contains(p[2]), where + "undeclared value " + p[2]);
                    attributes.add(new Attribute(f[0], p[0], p[1], p[2]));
                    typeOf.put(f[0], p[0]);
                }
                case "#" -> {
                    require(f.length == 3, where + "# has AnnotatorNotes ID<tab>TEXT");
                    String[] p = f[1].split(" ", -1);
                    require(p.length == 2 && p[0].equals("AnnotatorNotes"), where + "note type");
                    require(typeOf.containsKey(p[1]), where + "note on unknown " + p[1]);
                    notes.add(new Note(f[0], p[1], f[2]));
                }
                default -> require(false, where + "unexpected id");
            }
        }
        if (!config.overlapAllowed()) {
            List<TextBound> all = new ArrayList<>(textBounds.values());
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    require(all.get(i).end() <= all.get(j).start() || all.get(j).end() <= all.get(i).start(),
                            "overlapping " + all.get(i).id() + " and " + all.get(j).id() + " without <OVERLAP>");
                }
            }
        }
        return new Ann(textBounds, relations, attributes, notes);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("brat standoff: " + what);
        }
    }
}
