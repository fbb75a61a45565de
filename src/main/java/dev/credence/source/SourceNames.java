package dev.credence.source;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What makes two source names "the same name": the one definition, used by the registry look-up,
 * the uniqueness checks, the {@code source_key} table and the migration that merged old duplicates
 * ({@code db.migration.V6_1__MergeDuplicateSources}).
 *
 * <p>A name is compared by its <em>key</em>: Unicode NFC, every run of white space (including
 * no-break and other Unicode spaces) replaced by one space, stripped at both ends, then case-folded
 * (upper then lower case in the root locale, so "ß" and "SS" compare equal), and NFC again because
 * case mapping may decompose. "Kestrel&nbsp; LABS" and "kestrel labs" have the same key.
 */
public final class SourceNames {
    /** Keys are at most this long; a 300-character name can grow when case-folded ("ß" → "ss"). */
    public static final int MAX_KEY = 1000;

    private SourceNames() {
    }

    /** The name as stored and shown: NFC, white space runs collapsed to one space, stripped. Null stays null. */
    public static String clean(String name) {
        if (name == null) {
            return null;
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length();) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** The comparison key of a name (see the class comment); "" for null or blank. */
    public static String key(String name) {
        String c = clean(name);
        if (c == null) {
            return "";
        }
        String folded = c.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String key = Normalizer.normalize(folded, Normalizer.Form.NFC);
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    /** Whether two names are the same name. */
    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}
