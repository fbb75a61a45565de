package dev.credence.suggest;

import static dev.credence.suggest.TaggedSentence.FINAL;

import java.util.Set;

/** Noun phrases over a tagged sentence: where one starts and ends, and how far a subject or object reaches. */
final class NounPhrases {
    private NounPhrases() {
    }

    static final Set<String> ATTACHMENTS = Set.of("of", "at", "for", "from", "with", "in");

    static boolean isNp(TaggedSentence st, int i) {
        return (st.chunk[i].endsWith("-NP") || st.tag[i].equals("PRP")) && isWord(st.w[i])
                && !st.tag[i].equals("WDT") && !st.tag[i].equals("WP") && !st.lw[i].equals("that");
    }

    static boolean isWord(String w) {
        return w.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    static boolean isNpEnd(TaggedSentence st, int k) {
        return isNp(st, k) && (k + 1 >= st.n || !st.chunk[k + 1].equals("I-NP"));
    }

    static boolean isNpStart(TaggedSentence st, int i) {
        return i < st.n && isNp(st, i) && (st.chunk[i].equals("B-NP") || st.tag[i].equals("PRP")
                || st.chunk[i].equals("I-NP") && (i == 0 || !isNp(st, i - 1)));
    }

    static int npStart(TaggedSentence st, int k) {
        int i = k;
        while (i > 0 && (st.chunk[i].equals("I-NP") || st.w[i].startsWith("'") || st.w[i].startsWith("’"))
                && isNp(st, i - 1)) {
            i--;
        }
        return i;
    }

    static int npEnd(TaggedSentence st, int i) {
        int j = i + 1;
        while (j < st.n && (st.chunk[j].equals("I-NP") || st.w[j].startsWith("'") && j + 1 < st.n
                && st.chunk[j + 1].endsWith("-NP"))) {
            j++;
        }
        return j;
    }

    /** Extends a subject leftwards over "NP of/at/for NP" and an appositive "NP, NP,". */
    static int extendLeft(TaggedSentence st, int from) {
        while (true) {
            if (from >= 2 && ATTACHMENTS.contains(st.lw[from - 1]) && isNp(st, from - 2)) {
                from = npStart(st, from - 2);
            } else if (from >= 3 && st.tag[from - 1].equals("IN") && modifier(st, from - 2) && isNp(st, from - 3)) {
                from = npStart(st, from - 3);
            } else {
                return from;
            }
        }
    }

    /** Extends an object rightwards over "of/at/for/from/with NP" (not over "in" + a time). */
    static int extendRight(TaggedSentence st, int from, int to) {
        while (true) {
            if (to + 1 < st.n && ATTACHMENTS.contains(st.lw[to]) && !"in".equals(st.lw[to]) && isNpStart(st, to + 1)) {
                to = npEnd(st, to + 1);
            } else if (to + 2 < st.n && modifier(st, to) && st.tag[to + 1].equals("IN") && isNpStart(st, to + 2)) {
                to = npEnd(st, to + 2);
            } else {
                return to;
            }
        }
    }

    /** ", an analyst at TeamT5" after an inverted subject. */
    static int appositiveRight(TaggedSentence st, int to) {
        if (to + 1 < st.n && ",".equals(st.w[to]) && (st.lw[to + 1].equals("who") || st.lw[to + 1].equals("which"))) {
            return to;
        }
        if (to + 1 < st.n && ",".equals(st.w[to]) && isNpStart(st, to + 1)
                && ("DT".equals(st.tag[to + 1]) || st.tag[to + 1].startsWith("JJ") || st.tag[to + 1].startsWith("NN"))) {
            int end = extendRight(st, to + 1, npEnd(st, to + 1));
            if (end >= st.n || FINAL.contains(st.w[end])) {
                return end;
            }
        }
        return to;
    }

    /** "familiar (with)", "released (by)", "involved (in)": a modifier that takes a prepositional object. */
    static boolean modifier(TaggedSentence st, int i) {
        return (st.tag[i].equals("JJ") || st.tag[i].equals("VBN")) && CueLexicon.verb(st.w[i]) == null
                && !CueLexicon.LEAK_VERBS.contains(st.lw[i]);
    }

    /**
     * The subject before a parenthetical that ends at the comma {@code k}: "Jonas Brandt, its chief executive," (an
     * appositive, kept in the source) or "A port official, who spoke …," / "The assessment, dated in June," (a
     * clause, left out). Returns [from, to) or null.
     */
    static int[] parenthetical(TaggedSentence st, int k) {
        for (int c = k - 2; c >= 1 && c >= k - 16; c--) {
            if (!",".equals(st.w[c])) {
                continue;
            }
            if (!isNpEnd(st, c - 1)) {
                return null;
            }
            int subjectFrom = extendLeft(st, npStart(st, c - 1));
            if (subjectFrom > 0 && !(subjectFrom == 1 && st.tag[0].equals("CC"))) {
                return null;
            }
            String first = st.lw[c + 1];
            String tag = st.tag[c + 1];
            if (first.equals("who") || first.equals("which") || tag.equals("VBN") || tag.equals("VBG")) {
                return new int[] { subjectFrom, c };
            }
            if (isNpStart(st, c + 1) && isNpEnd(st, k - 1) && extendLeft(st, npStart(st, k - 1)) == c + 1) {
                return new int[] { subjectFrom, k };
            }
            return null;
        }
        return null;
    }

    static boolean isProper(TaggedSentence st, int from, int to) {
        for (int i = from; i < to; i++) {
            if (st.tag[i].startsWith("NNP") || st.reg[i] != null) {
                return true;
            }
        }
        return false;
    }

    static int[] properRun(TaggedSentence st, int from, int to, boolean first) {
        int[] best = null;
        int i = from;
        while (i < to) {
            if (st.tag[i].startsWith("NNP")) {
                int j = i;
                while (j < to && (st.tag[j].startsWith("NNP") || st.w[j].equals("-"))) {
                    j++;
                }
                best = new int[] { i, j };
                if (first) {
                    return best;
                }
                i = j;
            } else {
                i++;
            }
        }
        return best;
    }
}
