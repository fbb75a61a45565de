package dev.credence.suggest;

import dev.credence.suggest.Suggested.Range;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-marked evaluation article (src/test/resources/suggest/eval/*.txt). Markup, nestable:
 * {@code [q1 claim]}, {@code [c1 cue]}, {@code [s1 source]} (or {@code [s1@Resolved Name|he]} for a pronoun),
 * {@code [o1 outlet]} (the hop nearer the reader: "told [o1 POLITICO]", "seen by [o1 …]"), {@code [r1 origin]}
 * (the cited originator: "citing [r1 …]"), {@code [x1 …]} a second cue, not scored. Attributions share the number.
 */
record MarkedArticle(String name, String text, Map<Integer, Attribution> attributions) {
    static final class Attribution {
        Range claim;
        Range cue;
        Range source;
        String resolved;
        Range outlet;
        Range origin;

        /** The chain outlet first, as the text names it ("The Daily Ledger", "Kestrel Labs"). */
        List<Range> chainMentions() {
            List<Range> out = new ArrayList<>();
            if (outlet != null) {
                out.add(outlet);
            }
            if (source != null) {
                out.add(source);
            }
            if (origin != null) {
                out.add(origin);
            }
            return out;
        }
    }

    private static final Pattern OPEN = Pattern.compile("\\[([scqorx])(\\d+)(?:@([^|\\]]+)\\||\\s)");

    static MarkedArticle read(String resource) {
        try (InputStream in = MarkedArticle.class.getResourceAsStream(resource)) {
            return parse(resource.substring(resource.lastIndexOf('/') + 1),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MarkedArticle parse(String name, String marked) {
        StringBuilder out = new StringBuilder();
        int cps = 0;
        record Open(char kind, int id, String resolved, int start) {
        }
        Deque<Open> stack = new ArrayDeque<>();
        Map<Integer, Attribution> attributions = new TreeMap<>();
        int i = 0;
        while (i < marked.length()) {
            char ch = marked.charAt(i);
            if (ch == '[') {
                Matcher m = OPEN.matcher(marked).region(i, marked.length());
                if (m.lookingAt()) {
                    stack.push(new Open(m.group(1).charAt(0), Integer.parseInt(m.group(2)), m.group(3), cps));
                    i = m.end();
                    continue;
                }
            }
            if (ch == ']' && !stack.isEmpty()) {
                Open o = stack.pop();
                Range r = new Range(o.start(), cps);
                Attribution a = attributions.computeIfAbsent(o.id(), k -> new Attribution());
                switch (o.kind()) {
                    case 'q' -> a.claim = r;
                    case 'c' -> a.cue = r;
                    case 's' -> {
                        a.source = r;
                        a.resolved = o.resolved();
                    }
                    case 'o' -> a.outlet = r;
                    case 'r' -> a.origin = r;
                    default -> {
                    }
                }
                i++;
                continue;
            }
            int cp = marked.codePointAt(i);
            out.appendCodePoint(cp);
            cps++;
            i += Character.charCount(cp);
        }
        if (!stack.isEmpty()) {
            throw new IllegalArgumentException(name + ": unclosed [" + stack.peek().kind() + stack.peek().id());
        }
        return new MarkedArticle(name, out.toString(), attributions);
    }

    static List<MarkedArticle> all() {
        List<MarkedArticle> out = new ArrayList<>();
        for (String f : List.of("01-hackers", "02-drills", "03-leak", "04-election", "05-profile", "06-wire",
                "07-forecast", "08-cables")) {
            out.add(read("/suggest/eval/" + f + ".txt"));
        }
        return out;
    }
}
