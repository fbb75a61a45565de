package dev.credence.annotation;

/**
 * Span offsets are Unicode code points of the stored document text (NFC, LF line ends),
 * end exclusive. Java strings index UTF-16 units, so every conversion goes through here.
 *
 * <p>The static helpers are for one-off conversions. When many spans of one text are
 * built (a document page, an import, an export), build one {@link CodePointIndex} and
 * reuse it: its lookups are O(1) (cp → UTF-16) and O(log n) (UTF-16 → cp), so the text
 * is never rescanned per span.
 */
public final class Offsets {
    /** Code points of context kept on each side of a span. */
    public static final int CONTEXT = 32;

    private Offsets() {
    }

    /** The exact text of a span and up to {@link #CONTEXT} code points before and after it. */
    public record Context(String exact, String prefix, String suffix) {
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The UTF-16 index where code point {@code cp} starts; {@code cp == length(text)} gives {@code text.length()}. */
    public static int toUtf16(String text, int cp) {
        if (cp < 0) {
            throw new IndexOutOfBoundsException("code point offset " + cp + " < 0");
        }
        try {
            return text.offsetByCodePoints(0, cp);
        } catch (IndexOutOfBoundsException e) {
            throw new IndexOutOfBoundsException("code point offset " + cp + " > length " + length(text));
        }
    }

    /**
     * The code point offset of a UTF-16 index. An index that falls between the two halves of a
     * surrogate pair counts the pair as not yet reached (it rounds down to the pair's start).
     */
    public static int toCodePoint(String text, int utf16) {
        if (utf16 < 0 || utf16 > text.length()) {
            throw new IndexOutOfBoundsException("UTF-16 index " + utf16 + " outside 0.." + text.length());
        }
        int cp = text.codePointCount(0, utf16);
        if (utf16 > 0 && utf16 < text.length() && Character.isLowSurrogate(text.charAt(utf16))
                && Character.isHighSurrogate(text.charAt(utf16 - 1))) {
            cp--; // codePointCount counted the split pair's high half as a whole code point
        }
        return cp;
    }

    public static String slice(String text, int startCp, int endCp) {
        return CodePointIndex.of(text).slice(startCp, endCp);
    }

    public static Context context(String text, int start, int end) {
        return CodePointIndex.of(text).context(start, end);
    }

    /** Precomputed cp ↔ UTF-16 mapping for one text. Immutable and thread-safe. */
    public static final class CodePointIndex {
        private final String text;
        private final int length;
        /** UTF-16 index of each code point plus one entry for the end; null when the text has no surrogates (cp == UTF-16). */
        private final int[] utf16;

        private CodePointIndex(String text) {
            this.text = text;
            int n = text.length();
            int cps = text.codePointCount(0, n);
            this.length = cps;
            if (cps == n) {
                this.utf16 = null;
            } else {
                int[] map = new int[cps + 1];
                int i = 0;
                int cp = 0;
                while (i < n) {
                    map[cp++] = i;
                    i += Character.charCount(text.codePointAt(i));
                }
                map[cp] = n;
                this.utf16 = map;
            }
        }

        public static CodePointIndex of(String text) {
            if (text == null) {
                throw new IllegalArgumentException("text is null");
            }
            return new CodePointIndex(text);
        }

        public String text() {
            return text;
        }

        /** Length in code points. */
        public int length() {
            return length;
        }

        public int toUtf16(int cp) {
            if (cp < 0 || cp > length) {
                throw new IndexOutOfBoundsException("code point offset " + cp + " outside 0.." + length);
            }
            return utf16 == null ? cp : utf16[cp];
        }

        /** As {@link Offsets#toCodePoint}: an index inside a surrogate pair rounds down to the pair's start. */
        public int toCodePoint(int utf16Index) {
            if (utf16Index < 0 || utf16Index > text.length()) {
                throw new IndexOutOfBoundsException("UTF-16 index " + utf16Index + " outside 0.." + text.length());
            }
            if (utf16 == null) {
                return utf16Index;
            }
            int i = java.util.Arrays.binarySearch(utf16, utf16Index);
            return i >= 0 ? i : -i - 2;
        }

        /** True when {@code 0 <= start < end <= length()}. */
        public boolean isValidSpan(int start, int end) {
            return start >= 0 && start < end && end <= length;
        }

        public String slice(int startCp, int endCp) {
            if (startCp > endCp) {
                throw new IndexOutOfBoundsException("start " + startCp + " > end " + endCp);
            }
            return text.substring(toUtf16(startCp), toUtf16(endCp));
        }

        public Context context(int start, int end) {
            String exact = slice(start, end);
            String prefix = slice(Math.max(0, start - CONTEXT), start);
            String suffix = slice(end, Math.min(length, end + CONTEXT));
            return new Context(exact, prefix, suffix);
        }
    }
}
