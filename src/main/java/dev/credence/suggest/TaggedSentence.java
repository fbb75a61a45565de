package dev.credence.suggest;

import dev.credence.suggest.Suggested.Range;
import java.util.Set;

/** A sentence with its tokens, tags and chunks; {@code s}/{@code e} are code-point offsets of each token. */
final class TaggedSentence {
    String[] w;
    String[] lw;
    String[] tag;
    String[] chunk;
    int[] s;
    int[] e;
    RegistryNames.Match[] reg;
    int n;

    static final Set<String> OPEN_QUOTES = Set.of("“", "\"", "‘", "``");

    static final Set<String> CLOSE_QUOTES = Set.of("”", "\"", "’", "''");

    static final Set<String> FINAL = Set.of(".", "!", "?", "”", "\"", "’", "''", ":", ";", ",");

    static Range range(TaggedSentence st, int from, int to) {
        return new Range(st.s[from], st.e[to - 1]);
    }

    static String join(TaggedSentence st, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from && st.s[i] > st.e[i - 1]) {
                sb.append(' ');
            }
            sb.append(st.w[i]);
        }
        return sb.toString().replaceAll(" ?'s$", "");
    }

    static boolean hasVerb(TaggedSentence st, int from, int to) {
        for (int i = from; i < to; i++) {
            if (st.tag[i].startsWith("VB") || st.tag[i].equals("MD")) {
                return true;
            }
        }
        return false;
    }
}
