package dev.credence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package diagram in docs/architecture.md is the rule: a package may use the packages its arrows reach (directly
 * or through others), nothing else. This reads every file under src/main/java/dev/credence and fails on a use
 * (import, static import or fully qualified name) that no arrow allows, on a package the diagram leaves out, and on
 * a diagram with a cycle. Sub-packages belong to the longest diagram name before them ({@code annotation.schema}
 * is {@code annotation}); within one, anything goes.
 */
class PackageArrowsTest {
    static final Path DIAGRAM = Path.of("docs/architecture.md");
    static final Path SOURCES = Path.of("src/main/java/dev/credence");
    /** {@code a --> b} in the mermaid block; ids spell the package with '_' for '.'. */
    static final Pattern ARROW = Pattern.compile("^\\s*(\\w+)(?:\\[[^\\]]*\\])?\\s*-->\\s*(\\w+)(?:\\[[^\\]]*\\])?\\s*$");
    static final Pattern NODE = Pattern.compile("^\\s*(\\w+)(?:\\[[^\\]]*\\])?\\s*$");
    static final Pattern USE = Pattern.compile("\\bdev\\.credence\\.((?:[a-z][a-z0-9_]*\\.)*[a-z][a-z0-9_]*)\\.[A-Z*]");

    @Test
    void everyUseFollowsAnArrowOfTheDiagram() throws IOException {
        Map<String, Set<String>> reach = reach(diagram(Files.readString(DIAGRAM, StandardCharsets.UTF_8)));
        List<String> wrong = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                read++;
                String pkg = SOURCES.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
                wrong.addAll(violations(reach, pkg, SOURCES.relativize(f).toString(),
                        Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        assertTrue(read > 100, "read only " + read + " files: run from the project directory");
        assertEquals(List.of(), wrong, "uses that no arrow of docs/architecture.md allows");
    }

    @Test
    void theDiagramHasNoCycle() throws IOException {
        Map<String, Set<String>> arrows = diagram(Files.readString(DIAGRAM, StandardCharsets.UTF_8));
        Map<String, Set<String>> reach = reach(arrows);
        for (String m : arrows.keySet()) {
            assertFalse(reach.get(m).contains(m), m + " reaches itself through the arrows");
        }
    }

    @Test
    void aBackArrowIsCaught() {
        Map<String, Set<String>> reach = reach(diagram("""
                ```mermaid
                flowchart TD
                  review_adjudication[review.adjudication] --> annotation
                  annotation --> source
                  web
                ```
                """));
        String file = "package dev.credence.annotation;\n\nimport dev.credence.source.Source;\n";
        assertEquals(List.of(), violations(reach, "annotation", "annotation/A.java", file));
        assertEquals(List.of(), violations(reach, "review.adjudication", "review/adjudication/B.java",
                "import dev.credence.source.Source;\n"), "through annotation");
        assertEquals(1, violations(reach, "annotation", "annotation/A.java",
                file + "import dev.credence.review.adjudication.AdjudicationService;\n").size());
        assertEquals(1, violations(reach, "annotation.schema", "annotation/schema/C.java",
                "class C { dev.credence.review.adjudication.GoldViews v; }").size(), "a fully qualified name counts");
        assertEquals(1, violations(reach, "source", "source/D.java", "import static dev.credence.web.Page.clamp;\n").size(),
                "an arrow to web is missing here");
        assertTrue(violations(reach, "somewhere", "somewhere/E.java", "").get(0).contains("not in the diagram"));
    }

    /** The arrows of the first mermaid block: module to the modules it stands on directly. */
    static Map<String, Set<String>> diagram(String markdown) {
        Map<String, Set<String>> arrows = new TreeMap<>();
        boolean in = false;
        for (String line : markdown.split("\n")) {
            if (line.strip().equals("```mermaid")) {
                in = true;
                continue;
            }
            if (in && line.strip().equals("```")) {
                break;
            }
            if (!in) {
                continue;
            }
            Matcher a = ARROW.matcher(line);
            Matcher n = NODE.matcher(line);
            if (a.matches()) {
                String from = module(a.group(1));
                String to = module(a.group(2));
                arrows.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                arrows.computeIfAbsent(to, k -> new TreeSet<>());
            } else if (n.matches() && !line.strip().startsWith("flowchart")) {
                arrows.computeIfAbsent(module(n.group(1)), k -> new TreeSet<>());
            }
        }
        return arrows;
    }

    /** Every module with all it reaches by following arrows. */
    static Map<String, Set<String>> reach(Map<String, Set<String>> arrows) {
        Map<String, Set<String>> reach = new TreeMap<>();
        for (String m : arrows.keySet()) {
            Set<String> seen = new TreeSet<>();
            Deque<String> todo = new ArrayDeque<>(arrows.get(m));
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (seen.add(next)) {
                    todo.addAll(arrows.getOrDefault(next, Set.of()));
                }
            }
            reach.put(m, seen);
        }
        return reach;
    }

    /** What file {@code name} of package {@code pkg} (relative to dev.credence) uses that its module may not. */
    static List<String> violations(Map<String, Set<String>> reach, String pkg, String name, String text) {
        String from = owner(reach.keySet(), pkg);
        if (from == null) {
            return List.of(name + ": package " + pkg + " is not in the diagram of docs/architecture.md");
        }
        Set<String> wrong = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("package ")) {
                continue;
            }
            Matcher m = USE.matcher(line);
            while (m.find()) {
                String to = owner(reach.keySet(), m.group(1));
                if (to == null || !to.equals(from) && !reach.get(from).contains(to)) {
                    wrong.add(name + " uses " + m.group(1) + " (" + from + " --> " + to + " is no arrow)");
                }
            }
        }
        return new ArrayList<>(wrong);
    }

    /** The longest module that is {@code pkg} or a parent of it. */
    static String owner(Set<String> modules, String pkg) {
        String best = null;
        for (String m : modules) {
            if ((pkg.equals(m) || pkg.startsWith(m + ".")) && (best == null || m.length() > best.length())) {
                best = m;
            }
        }
        return best;
    }

    private static String module(String id) {
        return id.replace('_', '.');
    }
}
