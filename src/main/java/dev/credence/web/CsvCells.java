package dev.credence.web;

/**
 * CSV cells a spreadsheet would evaluate are neutralised (OWASP "CSV injection"): a text cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * single quote, so {@code =HYPERLINK(...)} in a rationale is shown as text, not run. Numbers are
 * written as they are. Every CSV the app writes passes its cells through here (docs/formats.md).
 */
public final class CsvCells {
    private CsvCells() {
    }

    public static Object cell(Object value) {
        if (value instanceof CharSequence text && !text.isEmpty()) {
            char first = text.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return "'" + text;
            }
        }
        return value;
    }

    /** {@link #cell} applied to each value of a row. */
    public static Object[] row(Object... values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = cell(values[i]);
        }
        return out;
    }
}
