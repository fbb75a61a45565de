package dev.credence.revision;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What stayed the same between two texts, in code points: the equal stretches of a Myers diff
 * (java-diff-utils) of paragraphs, refined by a diff of words, spaces and punctuation inside each
 * changed paragraph run. Everything between two equal stretches was deleted from the old text and/or
 * inserted into the new one. Pure; both the re-anchoring and the preview read it.
 */
public final class TextDiff {
    /**
     * Most tokens (old plus new) of one changed run that are diffed word by word. Myers' diff costs up
     * to (n+m)·d steps; past this bound the run counts as replaced whole, which only means its spans go
     * to the quote search and the fuzzy match instead of position mapping.
     */
    static final int MAX_TOKENS_PER_RUN = 20_000;

    /** An unchanged stretch: {@code length} code points from {@code oldStart} in the old text and {@code newStart} in the new. */
    public record Equal(int oldStart, int newStart, int length) {
        int oldEnd() {
            return oldStart + length;
        }

        int newEnd() {
            return newStart + length;
        }
    }

    public enum Kind {
        equal, deleted, inserted
    }

    /** A piece of the diff for display, with its code point offset in the text it comes from. */
    public record Piece(Kind kind, String text, int offset) {
    }

    private final int[] oldCps;
    private final int[] newCps;
    private final List<Equal> equals;

    private TextDiff(int[] oldCps, int[] newCps, List<Equal> equals) {
        this.oldCps = oldCps;
        this.newCps = newCps;
        this.equals = equals;
    }

    public static TextDiff between(String oldText, String newText) {
        int[] a = oldText.codePoints().toArray();
        int[] b = newText.codePoints().toArray();
        List<Token> oldLines = lines(a);
        List<Token> newLines = lines(b);
        List<Equal> equals = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(texts(oldLines), texts(newLines)).getDeltas()) {
            int si = delta.getSource().getPosition();
            int tj = delta.getTarget().getPosition();
            addLines(equals, oldLines, newLines, i, j, si - i);
            int oldFrom = start(oldLines, si, a.length);
            int oldTo = start(oldLines, si + delta.getSource().size(), a.length);
            int newFrom = start(newLines, tj, b.length);
            int newTo = start(newLines, tj + delta.getTarget().size(), b.length);
            refine(equals, a, b, oldFrom, oldTo, newFrom, newTo);
            i = si + delta.getSource().size();
            j = tj + delta.getTarget().size();
        }
        addLines(equals, oldLines, newLines, i, j, oldLines.size() - i);
        return new TextDiff(a, b, merge(equals));
    }

    public List<Equal> equals() {
        return equals;
    }

    /** True when the texts are the same. */
    public boolean unchanged() {
        return oldCps.length == newCps.length && (equals.isEmpty() ? oldCps.length == 0
                : equals.size() == 1 && equals.get(0).length() == oldCps.length);
    }

    /** The new offset of the code point at {@code oldCp}, or -1 when that code point was deleted or replaced. */
    public int map(int oldCp) {
        Equal e = containing(oldCp);
        return e == null ? -1 : e.newStart() + (oldCp - e.oldStart());
    }

    /** Where a span starting at {@code oldCp} starts in the new text: mapped, else where its replacement starts. */
    public int looseStart(int oldCp) {
        int mapped = map(oldCp);
        if (mapped >= 0) {
            return mapped;
        }
        Equal before = lastEndingAtOrBefore(oldCp);
        return before == null ? 0 : before.newEnd();
    }

    /** Where a span ending at {@code oldEnd} (exclusive) ends in the new text: mapped, else where its replacement ends. */
    public int looseEnd(int oldEnd) {
        if (oldEnd > 0) {
            int mapped = map(oldEnd - 1);
            if (mapped >= 0) {
                return mapped + 1;
            }
        }
        for (Equal e : equals) { // the first equal stretch after the end
            if (e.oldStart() >= oldEnd) {
                return e.newStart();
            }
        }
        return newCps.length;
    }

    /** The whole diff in text order: equal, deleted (old text) and inserted (new text) pieces. */
    public List<Piece> pieces() {
        List<Piece> out = new ArrayList<>();
        int oi = 0;
        int ni = 0;
        for (Equal e : equals) {
            gap(out, oi, e.oldStart(), ni, e.newStart());
            out.add(new Piece(Kind.equal, string(oldCps, e.oldStart(), e.oldEnd()), e.oldStart()));
            oi = e.oldEnd();
            ni = e.newEnd();
        }
        gap(out, oi, oldCps.length, ni, newCps.length);
        return out;
    }

    /** Code points inserted plus code points deleted. */
    public int changedCodePoints() {
        int same = equals.stream().mapToInt(Equal::length).sum();
        return oldCps.length - same + newCps.length - same;
    }

    private void gap(List<Piece> out, int oldFrom, int oldTo, int newFrom, int newTo) {
        if (oldTo > oldFrom) {
            out.add(new Piece(Kind.deleted, string(oldCps, oldFrom, oldTo), oldFrom));
        }
        if (newTo > newFrom) {
            out.add(new Piece(Kind.inserted, string(newCps, newFrom, newTo), newFrom));
        }
    }

    private Equal containing(int oldCp) {
        int lo = 0;
        int hi = equals.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Equal e = equals.get(mid);
            if (oldCp < e.oldStart()) {
                hi = mid - 1;
            } else if (oldCp >= e.oldEnd()) {
                lo = mid + 1;
            } else {
                return e;
            }
        }
        return null;
    }

    private Equal lastEndingAtOrBefore(int oldCp) {
        Equal found = null;
        for (Equal e : equals) {
            if (e.oldEnd() <= oldCp) {
                found = e;
            } else {
                break;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ building

    /** A piece of text: code points [start, end) with its content as the diff's unit of comparison. */
    record Token(int start, int end, String text) {
    }

    /** Lines with their line feed, so that a removed paragraph is a removed element. */
    static List<Token> lines(int[] cps) {
        List<Token> out = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < cps.length; k++) {
            if (cps[k] == '\n') {
                out.add(new Token(from, k + 1, string(cps, from, k + 1)));
                from = k + 1;
            }
        }
        if (from < cps.length) {
            out.add(new Token(from, cps.length, string(cps, from, cps.length)));
        }
        return out;
    }

    /**
     * Words (letters, digits and combining marks), runs of white space, and every other code point on its
     * own: punctuation, emoji and CJK ideographs, which are written without spaces between words.
     */
    static List<Token> tokens(int[] cps, int from, int to) {
        List<Token> out = new ArrayList<>();
        int k = from;
        while (k < to) {
            int start = k;
            int c = cps[k];
            if (isWordPart(c)) {
                while (k < to && isWordPart(cps[k])) {
                    k++;
                }
            } else if (Character.isWhitespace(c)) {
                while (k < to && Character.isWhitespace(cps[k]) && cps[k] != '\n') {
                    k++;
                }
                if (k == start) {
                    k++; // a line feed alone
                }
            } else {
                k++;
            }
            out.add(new Token(start, k, string(cps, start, k)));
        }
        return out;
    }

    private static boolean isWordPart(int c) {
        if (Character.isIdeographic(c)) {
            return false;
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static void addLines(List<Equal> out, List<Token> oldLines, List<Token> newLines, int i, int j, int count) {
        if (count > 0) {
            int oldStart = oldLines.get(i).start();
            int newStart = newLines.get(j).start();
            int length = oldLines.get(i + count - 1).end() - oldStart;
            out.add(new Equal(oldStart, newStart, length));
        }
    }

    private static int start(List<Token> lines, int index, int length) {
        return index < lines.size() ? lines.get(index).start() : length;
    }

    /** Word-level diff of one changed run of lines, after trimming what the run begins and ends with in common. */
    private static void refine(List<Equal> out, int[] a, int[] b, int oldFrom, int oldTo, int newFrom, int newTo) {
        List<Token> x = tokens(a, oldFrom, oldTo);
        List<Token> y = tokens(b, newFrom, newTo);
        int head = 0;
        while (head < x.size() && head < y.size() && x.get(head).text().equals(y.get(head).text())) {
            head++;
        }
        int tail = 0;
        while (tail < x.size() - head && tail < y.size() - head
                && x.get(x.size() - 1 - tail).text().equals(y.get(y.size() - 1 - tail).text())) {
            tail++;
        }
        if (head > 0) {
            out.add(new Equal(oldFrom, newFrom, x.get(head - 1).end() - oldFrom));
        }
        List<Token> xm = x.subList(head, x.size() - tail);
        List<Token> ym = y.subList(head, y.size() - tail);
        if (!xm.isEmpty() && !ym.isEmpty() && xm.size() + ym.size() <= MAX_TOKENS_PER_RUN) {
            int i = 0;
            int j = 0;
            for (AbstractDelta<String> d : DiffUtils.diff(texts(xm), texts(ym)).getDeltas()) {
                equalTokens(out, xm, ym, i, j, d.getSource().getPosition() - i);
                i = d.getSource().getPosition() + d.getSource().size();
                j = d.getTarget().getPosition() + d.getTarget().size();
            }
            equalTokens(out, xm, ym, i, j, xm.size() - i);
        }
        if (tail > 0) {
            Token firstOld = x.get(x.size() - tail);
            Token firstNew = y.get(y.size() - tail);
            out.add(new Equal(firstOld.start(), firstNew.start(), oldTo - firstOld.start()));
        }
    }

    private static void equalTokens(List<Equal> out, List<Token> x, List<Token> y, int i, int j, int count) {
        for (int k = 0; k < count; k++) {
            Token t = x.get(i + k);
            out.add(new Equal(t.start(), y.get(j + k).start(), t.end() - t.start()));
        }
    }

    /** Adjacent stretches joined, so that {@link #pieces()} never shows two equal pieces in a row. */
    private static List<Equal> merge(List<Equal> in) {
        List<Equal> out = new ArrayList<>();
        for (Equal e : in) {
            if (e.length() == 0) {
                continue;
            }
            Equal last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.oldEnd() == e.oldStart() && last.newEnd() == e.newStart()) {
                out.set(out.size() - 1, new Equal(last.oldStart(), last.newStart(), last.length() + e.length()));
            } else {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> texts(List<Token> tokens) {
        return Arrays.asList(tokens.stream().map(Token::text).toArray(String[]::new));
    }

    static String string(int[] cps, int from, int to) {
        return new String(cps, from, to - from);
    }
}
