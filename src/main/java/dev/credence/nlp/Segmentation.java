package dev.credence.nlp;

import dev.credence.annotation.Offsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * Splits a text into sentences of tokens with OpenNLP, offsets in Unicode code points (end exclusive),
 * as Credence's spans count them. Not thread-safe (it holds OpenNLP's ME classes): one per export.
 *
 * <p>Rules on top of OpenNLP's models, so that every token is a clean slice of the text:
 * <ul>
 * <li>a sentence never crosses a line break: each line (paragraph, headline) is detected on its own,
 *     since scraped articles put headlines and captions on lines of their own without final stops;</li>
 * <li>a token never contains whitespace (any {@link #isSpace} character): OpenNLP's pieces are split there;</li>
 * <li>a token boundary never falls inside a user-perceived character: where OpenNLP cuts a surrogate pair
 *     (🐉), a base letter from its combining accent (e + U+0301) or an emoji sequence, the two pieces are
 *     joined again ({@link BreakIterator#getCharacterInstance()} decides).</li>
 * </ul>
 * OpenNLP works on UTF-16 indices; they are converted to code points at the end ({@link Offsets}).
 */
public final class Segmentation {
    /** One token: its text and its code-point offsets in the whole text. */
    public record Token(String text, int start, int end) {
    }

    /** One sentence: its code-point offsets and its tokens (never empty). */
    public record Sentence(int start, int end, List<Token> tokens) {
    }

    private final SentenceDetectorME sentences;
    private final TokenizerME tokenizer;
    private final BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);

    Segmentation(SentenceDetectorME sentences, TokenizerME tokenizer) {
        this.sentences = sentences;
        this.tokenizer = tokenizer;
    }

    /** The sentences of {@code text} in order; blank lines give none. */
    public List<Sentence> sentences(String text) {
        Offsets.CodePointIndex index = Offsets.CodePointIndex.of(text);
        List<Sentence> out = new ArrayList<>();
        int lineStart = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || isLineBreak(text.charAt(i))) {
                if (i > lineStart) {
                    line(text, lineStart, i, index, out);
                }
                lineStart = i + 1;
            }
        }
        return out;
    }

    private void line(String text, int from, int to, Offsets.CodePointIndex index, List<Sentence> out) {
        String line = text.substring(from, to);
        if (line.isBlank()) {
            return;
        }
        for (Span s : sentences.sentPosDetect(line)) {
            int sStart = from + s.getStart();
            String sentence = text.substring(sStart, from + s.getEnd());
            List<int[]> pieces = new ArrayList<>();
            for (Span t : tokenizer.tokenizePos(sentence)) {
                splitAtSpaces(sentence, t.getStart(), t.getEnd(), pieces);
            }
            List<int[]> tokens = joinInsideCharacters(sentence, pieces);
            if (tokens.isEmpty()) {
                continue;
            }
            List<Token> list = new ArrayList<>(tokens.size());
            for (int[] t : tokens) {
                list.add(new Token(sentence.substring(t[0], t[1]), index.toCodePoint(sStart + t[0]),
                        index.toCodePoint(sStart + t[1])));
            }
            out.add(new Sentence(list.get(0).start(), list.get(list.size() - 1).end(), List.copyOf(list)));
        }
    }

    /** Adds the whitespace-free runs of {@code s[from, to)} to {@code out} as [start, end) pairs. */
    private static void splitAtSpaces(String s, int from, int to, List<int[]> out) {
        int runStart = -1;
        for (int i = from; i < to;) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isSpace(cp)) {
                if (runStart >= 0) {
                    out.add(new int[] { runStart, i });
                    runStart = -1;
                }
            } else if (runStart < 0) {
                runStart = i;
            }
            i = next;
        }
        if (runStart >= 0) {
            out.add(new int[] { runStart, to });
        }
    }

    /**
     * Widens each piece to the character boundaries around it (a piece that starts or ends inside a surrogate
     * pair, a letter with its combining accent or an emoji sequence), then joins the pieces that overlap.
     * A widening that would take in whitespace (a combining mark right after a space) is not done.
     */
    private List<int[]> joinInsideCharacters(String sentence, List<int[]> pieces) {
        characters.setText(sentence);
        List<int[]> out = new ArrayList<>(pieces.size());
        for (int[] p : pieces) {
            int start = p[0];
            while (!isCharacterBoundary(sentence, start)) {
                start = sentence.offsetByCodePoints(start, -1);
            }
            int end = p[1];
            while (!isCharacterBoundary(sentence, end)) {
                end = sentence.offsetByCodePoints(end, 1);
            }
            if (hasSpace(sentence, start, p[0]) || hasSpace(sentence, p[1], end)) {
                start = p[0];
                end = p[1];
            }
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && start < last[1]) {
                last[1] = Math.max(last[1], end);
            } else {
                out.add(new int[] { start, end });
            }
        }
        return out;
    }

    /**
     * Whether a user-perceived character may end at UTF-16 index {@code i}: {@link BreakIterator}'s answer
     * (surrogate pairs, combining marks), plus the emoji rules of UAX #29 that Java 17's iterator lacks:
     * no break before a skin-tone modifier, around a zero-width joiner, before a tag character, or inside a
     * pair of regional indicators (a flag).
     */
    private boolean isCharacterBoundary(String s, int i) {
        if (i <= 0 || i >= s.length()) {
            return true;
        }
        if (!characters.isBoundary(i)) {
            return false;
        }
        int next = s.codePointAt(i);
        int previous = s.codePointBefore(i);
        if ((next >= 0x1F3FB && next <= 0x1F3FF) || next == 0x200D || previous == 0x200D
                || (next >= 0xE0020 && next <= 0xE007F) || next == 0x20E3) {
            return false;
        }
        if (isRegionalIndicator(next) && isRegionalIndicator(previous)) {
            int run = 0;
            for (int j = i; j > 0 && isRegionalIndicator(s.codePointBefore(j)); j = s.offsetByCodePoints(j, -1)) {
                run++;
            }
            return run % 2 == 0;
        }
        return true;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean hasSpace(String s, int from, int to) {
        for (int i = from; i < to; i = s.offsetByCodePoints(i, 1)) {
            if (isSpace(s.codePointAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The characters that end a line for Python's {@code str.splitlines} (brat's .ann reader, many CoNLL
     * readers): a sentence never crosses one, and line-based formats never put one inside a field.
     */
    public static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028'
                || c == '\u2029' || (c >= '\u001C' && c <= '\u001E');
    }

    /** Whitespace that never goes inside a token: Java whitespace, no-break spaces, NEL. */
    public static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }
}
