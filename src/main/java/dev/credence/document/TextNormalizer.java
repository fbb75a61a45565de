package dev.credence.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The one definition of "the same text": every import path runs its text through
 * {@link #normalize(String)} before hashing, measuring and storing it, so that span
 * offsets (code points) stay valid whichever way an article came in.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /**
     * Strips leading byte-order marks, turns CRLF and lone CR into LF, applies Unicode
     * NFC and drops whitespace at the very end. Everything else is kept as it is,
     * including leading whitespace and blank lines inside the text.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw;
        // Every leading BOM (a file saved twice with one gets two), so normalizing is idempotent.
        while (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        return s.stripTrailing();
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Length in Unicode code points: the unit of every span offset. */
    public static int codePointLength(String text) {
        return text.codePointCount(0, text.length());
    }

    /** At most {@code max} UTF-16 units, never cutting a surrogate pair in half. */
    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end).stripTrailing();
    }
}
