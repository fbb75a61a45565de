package dev.credence.suggest;

import dev.credence.source.SourceNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every registry name and alias in one token trie, keyed by {@link SourceNames#key} of each token, so the
 * whole text is matched in one pass: O(tokens × longest name) whatever the size of the registry. Longest match
 * wins at each position; matches do not overlap.
 */
public final class RegistryNames {
    /** A registry source as the suggester needs it. */
    public record Entry(long id, String name, String type, String grade) {
    }

    /** A match: token range [from, to) of the token list given to {@link #match}. */
    public record Match(int from, int to, Entry entry) {
    }

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        Entry entry;
    }

    private final Node root = new Node();
    private int size;

    /** Adds a name (already split into tokens) for this entry; the first entry of a name is kept. */
    void add(List<String> tokens, Entry entry) {
        if (tokens.isEmpty()) {
            return;
        }
        Node n = root;
        for (String t : tokens) {
            n = n.next.computeIfAbsent(SourceNames.key(t), k -> new Node());
        }
        if (n.entry == null) {
            n.entry = entry;
            size++;
        }
    }

    int size() {
        return size;
    }

    /** The non-overlapping longest matches in this token sequence, left to right. */
    List<Match> match(List<String> tokens) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Node n = root;
            int best = -1;
            Entry bestEntry = null;
            for (int j = i; j < tokens.size(); j++) {
                n = n.next.get(SourceNames.key(tokens.get(j)));
                if (n == null) {
                    break;
                }
                if (n.entry != null) {
                    best = j + 1;
                    bestEntry = n.entry;
                }
            }
            if (best > 0) {
                out.add(new Match(i, best, bestEntry));
                i = best;
            } else {
                i++;
            }
        }
        return out;
    }
}
