package dev.credence.suggest;

import static dev.credence.suggest.CitationRules.citing;
import static dev.credence.suggest.TaggedSentence.CLOSE_QUOTES;
import static dev.credence.suggest.TaggedSentence.FINAL;
import static dev.credence.suggest.TaggedSentence.OPEN_QUOTES;
import static dev.credence.suggest.TaggedSentence.hasVerb;
import static dev.credence.suggest.TaggedSentence.range;

import dev.credence.suggest.Suggested.Range;
import java.util.Set;

/** Where the reported content (the claim) of a cue lies in a tagged sentence, and its tidy character range. */
final class ReportedContent {
    private ReportedContent() {
    }

    static final Set<String> TIME_WORDS = Set.of("last", "this", "earlier", "yesterday", "today", "later",
            "on", "in", "at", "during", "after", "before");

    /** Where the reported content starts to the right of {@code r}, or -1: after "that", ":", at a quotation. */
    static int rightContentStart(TaggedSentence st, int r) {
        int i = r;
        // ", citing X," between the verb and its content
        if (i + 1 < st.n && ",".equals(st.w[i]) && "citing".equals(st.lw[i + 1])) {
            i += 2;
            while (i < st.n && !",".equals(st.w[i]) && !"that".equals(st.lw[i])) {
                i++;
            }
            if (i < st.n && ",".equals(st.w[i])) {
                i++;
            }
        }
        for (int j = i; j < Math.min(st.n, i + 9); j++) {
            if ("that".equals(st.lw[j]) && !hasVerb(st, i, j) && (j == i || adverbial(st, i))) {
                return j + 1 < st.n ? j + 1 : -1;
            }
            if (st.tag[j].startsWith("VB") || ",".equals(st.w[j]) || OPEN_QUOTES.contains(st.w[j])) {
                break;
            }
        }
        if (i < st.n && (":".equals(st.w[i]) || ",".equals(st.w[i]))) {
            i++;
        }
        if (i >= st.n || FINAL.contains(st.w[i]) && !OPEN_QUOTES.contains(st.w[i])) {
            return -1;
        }
        return i;
    }

    /** Words between a verb and "that" that do not make an object: "in a statement on Tuesday", "earlier this week". */
    static boolean adverbial(TaggedSentence st, int i) {
        return st.tag[i].equals("IN") || st.tag[i].startsWith("RB") || TIME_WORDS.contains(st.lw[i]);
    }

    /** A quotation from {@code i} (inside its marks), else the rest of the sentence trimmed. */
    static Range quoteOrTrim(TaggedSentence st, int i) {
        if (OPEN_QUOTES.contains(st.w[i])) {
            for (int j = i + 1; j < st.n; j++) {
                if (CLOSE_QUOTES.contains(st.w[j])) {
                    return trimmed(st, i + 1, j);
                }
            }
            return trimmed(st, i + 1, st.n);
        }
        return trimmed(st, i, st.n);
    }

    /**
     * The content before token {@code end} (the source or verb): from the sentence start, or from the opening
     * quotation mark, which may lie in an earlier sentence of the same paragraph.
     */
    static Range leftContent(String text, int[] cp, TaggedSentence st, int end) {
        int to = end;
        Range r = trimmed(st, 0, to);
        if (r == null) {
            return null;
        }
        boolean closes = false;
        for (int j = to - 1; j >= 0 && j >= to - 2; j--) {
            if (CLOSE_QUOTES.contains(st.w[j])) {
                closes = true;
            }
        }
        if (closes && !OPEN_QUOTES.contains(st.w[0])) {
            // find the opening mark backwards in the paragraph
            int u = cp[st.s[0]];
            int limit = Math.max(0, u - 3000);
            for (int p = u - 1; p >= limit; p--) {
                char c = text.charAt(p);
                if (c == '\n') {
                    break;
                }
                if (c == '“') {
                    int startCp = utf16ToCp(cp, p + 1);
                    return new Range(startCp, r.end());
                }
            }
        }
        return r;
    }

    /**
     * A claim without the quotation marks around it and the punctuation after it, at character level (the 1.5
     * tokenizer leaves “ and ” glued to words); a closing mark stays when the claim opened it ("was “shallow”").
     */
    static Range tidy(String text, int[] cp, Range r) {
        int from = r.start();
        int to = r.end();
        boolean changed = true;
        while (changed && from < to) {
            changed = false;
            int first = text.codePointAt(cp[from]);
            if (Character.isWhitespace(first) || first == '“' || first == '"' || first == '‘' || first == ',') {
                from++;
                changed = true;
                continue;
            }
            int last = text.codePointAt(cp[to - 1]);
            if (Character.isWhitespace(last) || ",.;:!?".indexOf(last) >= 0) {
                to--;
                changed = true;
            } else if (last == '”' || last == '"' || last == '’') {
                String inner = text.substring(cp[from], cp[to]);
                long opens = inner.chars().filter(c -> c == '“').count();
                long closes = inner.chars().filter(c -> c == '”').count();
                if (last != '”' || closes > opens) {
                    to--;
                    changed = true;
                }
            }
        }
        return from < to ? new Range(from, to) : null;
    }

    /** Tokens [from, to) without leading quotation marks and trailing punctuation/quotation marks; null if empty. */
    static Range trimmed(TaggedSentence st, int from, int to) {
        while (from < to && (OPEN_QUOTES.contains(st.w[from]) || ",".equals(st.w[from]))) {
            from++;
        }
        while (to > from && FINAL.contains(st.w[to - 1])) {
            to--;
        }
        if (to <= from) {
            return null;
        }
        return range(st, from, to);
    }

    static boolean leftContentAvailable(TaggedSentence st, int v) {
        int k = v - 1;
        return k >= 2 && (",".equals(st.w[k]) || CLOSE_QUOTES.contains(st.w[k]));
    }

    /** UTF-16 index of each code point (plus one past the end). */
    static int[] codePointIndex(String text) {
        int n = text.codePointCount(0, text.length());
        int[] idx = new int[n + 1];
        int u = 0;
        for (int c = 0; c < n; c++) {
            idx[c] = u;
            u += Character.charCount(text.codePointAt(u));
        }
        idx[n] = text.length();
        return idx;
    }

    static int utf16ToCp(int[] cp, int utf16) {
        int i = java.util.Arrays.binarySearch(cp, utf16);
        return i >= 0 ? i : -i - 2;
    }
}
