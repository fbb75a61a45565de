package dev.credence.web;

/**
 * The one text policy: what text the app accepts in any field (titles, publishers, rationales,
 * comments, source names, aliases, guidelines, document text...). Refused: NUL (U+0000; PostgreSQL
 * cannot store it), lone surrogates (half of a UTF-16 pair: not a character, not encodable in UTF-8),
 * and text that was not valid UTF-8 when it arrived. Applied where text enters: every JSON string
 * ({@link JsonConfig}), every form field and query parameter ({@link TextPolicyFilter}), and every
 * imported file (the article readers). The error names the field.
 */
public final class TextPolicy {
    /** What a UTF-8 decoder substitutes for bytes that are not UTF-8; in a form or URL it marks such bytes. */
    static final char REPLACEMENT = '\uFFFD';

    private TextPolicy() {
    }

    /** {@code value} unchanged, or 422 naming {@code field} and where in the value the problem is. */
    public static String check(String field, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new RefusedText(field, problem);
        }
        return value;
    }

    /**
     * Like {@link #check}, for values decoded by a lenient decoder (form fields, query parameters), where
     * U+FFFD stands for bytes that were not valid UTF-8.
     */
    public static String checkDecoded(String field, String value) {
        check(field, value);
        int at = value == null ? -1 : value.indexOf(REPLACEMENT);
        if (at >= 0) {
            throw new RefusedText(field, "is not valid UTF-8 (U+FFFD, the replacement character, at character "
                    + (value.codePointCount(0, at) + 1) + ")");
        }
        return value;
    }

    /** What is wrong with the text, or null when it is acceptable. */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (U+0000) at character " + (value.codePointCount(0, i) + 1);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains a lone surrogate (U+" + Integer.toHexString(c).toUpperCase() + ") at character "
                        + (value.codePointCount(0, i) + 1) + ", which is not a character";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a lone surrogate (U+" + Integer.toHexString(c).toUpperCase() + ") at character "
                        + (value.codePointCount(0, i) + 1) + ", which is not a character";
            }
        }
        return null;
    }

    /** At most {@code max} characters of {@code s} for an error message, never half a surrogate pair. */
    public static String shorten(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }

    /** 422: the text breaks the policy. The message is "field: problem". */
    public static final class RefusedText extends UnprocessableException {
        private final String field;
        private final String problem;

        public RefusedText(String field, String problem) {
            super(field == null ? problem : field + ": " + problem);
            this.field = field;
            this.problem = problem;
        }

        public String field() {
            return field;
        }

        public String problem() {
            return problem;
        }

        /** The refusal somewhere in {@code e}'s causes, or null. */
        static RefusedText in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RefusedText r) {
                    return r;
                }
            }
            return null;
        }
    }
}
