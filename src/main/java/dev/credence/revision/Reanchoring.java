package dev.credence.revision;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.credence.annotation.Offsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Places a span of the old text in the new one, in three steps, most certain first:
 * <ol>
 * <li><b>kept</b>: its start and last code point are unchanged (mapped through the diff) and the new text
 * between them is exactly its old text;</li>
 * <li><b>moved by quote</b>: its exact text occurs in the new text; of several occurrences the one whose
 * surroundings agree most with the span's stored prefix and suffix wins, ties going to the one nearest
 * where the diff puts it (a duplicated sentence is told apart by its context);</li>
 * <li><b>moved by fuzzy match</b>: the new text where the diff puts the span is similar enough to its old
 * text ({@link #MIN_SIMILARITY}, a Dice coefficient over code points);</li>
 * </ol>
 * and otherwise <b>orphaned</b>: never guessed at. Pure: offsets are code points, end exclusive.
 */
public final class Reanchoring {
    /** Below this similarity a changed span is not placed but orphaned, for a reviewer to re-place. */
    public static final double MIN_SIMILARITY = 0.8;
    /** Occurrences of a quote examined; a quote seen more often than this is too common to place by itself. */
    static final int MAX_OCCURRENCES = 1000;
    /** Longest pair of texts compared code point by code point; longer ones are compared word by word. */
    static final int MAX_CHARS_COMPARED = 20_000;

    public enum Outcome {
        kept, moved, orphaned
    }

    /** How a moved span was found. */
    public enum Method {
        position, quote, fuzzy, none
    }

    /** A span as stored: offsets into the old text, its exact text and context. */
    public record Anchor(int start, int end, String exact, String prefix, String suffix) {
    }

    /**
     * Where the span goes. For kept and moved spans, {@code start}, {@code end} and the context are in the new
     * text; for an orphaned one they are the old values (in the old text).
     */
    public record Placement(Outcome outcome, Method method, int start, int end, String exact, String prefix,
            String suffix, double similarity) {
    }

    private final TextDiff diff;
    private final String newText;
    private final Offsets.CodePointIndex index;

    private Reanchoring(TextDiff diff, String newText) {
        this.diff = diff;
        this.newText = newText;
        this.index = Offsets.CodePointIndex.of(newText);
    }

    public static Reanchoring between(String oldText, String newText) {
        return new Reanchoring(TextDiff.between(oldText, newText), newText);
    }

    public TextDiff diff() {
        return diff;
    }

    public Placement place(Anchor a) {
        int s = diff.map(a.start());
        int last = a.end() > a.start() ? diff.map(a.end() - 1) : -1;
        if (s >= 0 && last >= s && index.slice(s, last + 1).equals(a.exact())) {
            return placed(Outcome.kept, Method.position, s, last + 1, 1.0);
        }
        int expected = diff.looseStart(a.start());
        int byQuote = byQuote(a, expected);
        if (byQuote >= 0) {
            return placed(Outcome.moved, Method.quote, byQuote, byQuote + Offsets.length(a.exact()), 1.0);
        }
        int fs = expected;
        int fe = diff.looseEnd(a.end());
        // Trim white space the diff put at the edges (a line feed that now ends the region).
        while (fs < fe && Character.isWhitespace(index.slice(fs, fs + 1).codePointAt(0))) {
            fs++;
        }
        while (fe > fs && Character.isWhitespace(index.slice(fe - 1, fe).codePointAt(0))) {
            fe--;
        }
        if (fe > fs) {
            double similarity = similarity(a.exact(), index.slice(fs, fe));
            if (similarity >= MIN_SIMILARITY) {
                return placed(Outcome.moved, Method.fuzzy, fs, fe, similarity);
            }
        }
        return new Placement(Outcome.orphaned, Method.none, a.start(), a.end(), a.exact(), a.prefix(), a.suffix(), 0);
    }

    private Placement placed(Outcome outcome, Method method, int start, int end, double similarity) {
        Offsets.Context c = index.context(start, end);
        return new Placement(outcome, method, start, end, c.exact(), c.prefix(), c.suffix(), similarity);
    }

    /** The code point offset of the best occurrence of the exact text, or -1 when there is none to trust. */
    private int byQuote(Anchor a, int expected) {
        if (a.exact().isEmpty()) {
            return -1;
        }
        record Candidate(int start, int score, int distance) {
        }
        List<Candidate> found = new ArrayList<>();
        int exactLength = Offsets.length(a.exact());
        for (int at = newText.indexOf(a.exact()); at >= 0; at = newText.indexOf(a.exact(), at + 1)) {
            if (found.size() == MAX_OCCURRENCES) {
                return -1;
            }
            int cp = index.toCodePoint(at);
            if (index.toUtf16(cp) != at) {
                continue; // inside a surrogate pair: not a real occurrence
            }
            Offsets.Context c = index.context(cp, cp + exactLength);
            int score = commonSuffix(c.prefix(), a.prefix()) + commonPrefix(c.suffix(), a.suffix());
            found.add(new Candidate(cp, score, Math.abs(cp - expected)));
        }
        if (found.isEmpty()) {
            return -1;
        }
        if (found.size() == 1) {
            return found.get(0).start();
        }
        found.sort((x, y) -> x.score() != y.score() ? Integer.compare(y.score(), x.score())
                : Integer.compare(x.distance(), y.distance()));
        Candidate best = found.get(0);
        Candidate second = found.get(1);
        if (best.score() == 0 || best.score() == second.score() && best.distance() == second.distance()) {
            return -1; // nothing tells the occurrences apart
        }
        return best.start();
    }

    /** Code points two strings end with in common. */
    static int commonSuffix(String x, String y) {
        int[] a = x.codePoints().toArray();
        int[] b = y.codePoints().toArray();
        int n = 0;
        while (n < a.length && n < b.length && a[a.length - 1 - n] == b[b.length - 1 - n]) {
            n++;
        }
        return n;
    }

    static int commonPrefix(String x, String y) {
        int[] a = x.codePoints().toArray();
        int[] b = y.codePoints().toArray();
        int n = 0;
        while (n < a.length && n < b.length && a[n] == b[n]) {
            n++;
        }
        return n;
    }

    /**
     * Dice similarity 2·same / (|x| + |y|), where {@code same} is the code points a Myers diff keeps;
     * 1 for equal texts, 0 for nothing in common. Long texts are compared by words.
     */
    public static double similarity(String x, String y) {
        if (x.equals(y)) {
            return 1;
        }
        List<String> a;
        List<String> b;
        if (x.length() + y.length() <= MAX_CHARS_COMPARED) {
            a = units(x.codePoints().toArray(), false);
            b = units(y.codePoints().toArray(), false);
        } else {
            a = units(x.codePoints().toArray(), true);
            b = units(y.codePoints().toArray(), true);
        }
        int total = weight(a) + weight(b);
        if (total == 0) {
            return 0;
        }
        int changed = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            changed += weight(d.getSource().getLines()) + weight(d.getTarget().getLines());
        }
        return (double) (total - changed) / total;
    }

    private static List<String> units(int[] cps, boolean words) {
        if (!words) {
            String[] out = new String[cps.length];
            for (int i = 0; i < cps.length; i++) {
                out[i] = new String(cps, i, 1);
            }
            return Arrays.asList(out);
        }
        return TextDiff.tokens(cps, 0, cps.length).stream().map(TextDiff.Token::text).toList();
    }

    private static int weight(List<String> units) {
        int n = 0;
        for (String u : units) {
            n += u.codePointCount(0, u.length());
        }
        return n;
    }
}
