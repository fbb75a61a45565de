package dev.credence.exchange.importing;

import dev.credence.annotation.Offsets;
import dev.credence.document.TextNormalizer;
import dev.credence.web.UnprocessableException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Moves span offsets from the text as a file wrote it onto the text Credence stores
 * ({@link TextNormalizer#normalize}: leading BOMs dropped, CRLF/CR to LF, NFC, trailing white space
 * dropped). Those steps change lengths ("e\u0301" becomes one code point, "\r\n" one), so an offset
 * after them moves. The text is cut at every span boundary and each piece normalized on its own: the
 * pieces' lengths give the new boundaries. That is exact unless a boundary falls inside something
 * normalization joins (between a letter and its combining accent, between CR and LF), which is refused
 * rather than guessed.
 */
public final class OffsetMap {
    private final int[] rawBoundaries;
    private final int[] mapped;
    private final boolean identity;
    private final int length;

    private OffsetMap(int[] rawBoundaries, int[] mapped, boolean identity, int length) {
        this.rawBoundaries = rawBoundaries;
        this.mapped = mapped;
        this.identity = identity;
        this.length = length;
    }

    /**
     * @param raw the text as in the file
     * @param offsets every start and end (raw code points) that will be mapped; each within the raw text
     */
    public static OffsetMap of(String raw, String normalized, int[] offsets, String where) {
        int rawLength = Offsets.length(raw);
        int length = Offsets.length(normalized);
        if (raw.equals(normalized)) {
            return new OffsetMap(null, null, true, length);
        }
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(rawLength);
        for (int o : offsets) {
            cuts.add(o);
        }
        int[] bounds = cuts.stream().mapToInt(Integer::intValue).toArray();
        int[] mapped = new int[bounds.length];
        Offsets.CodePointIndex index = Offsets.CodePointIndex.of(raw);
        StringBuilder out = new StringBuilder(normalized.length() + 16);
        int outCp = 0;
        for (int i = 0; i + 1 < bounds.length; i++) {
            String piece = index.slice(bounds[i], bounds[i + 1]);
            if (out.isEmpty()) {
                while (piece.startsWith("\uFEFF")) {
                    piece = piece.substring(1);
                }
            }
            if (piece.indexOf('\r') >= 0) {
                piece = piece.replace("\r\n", "\n").replace('\r', '\n');
            }
            piece = Normalizer.normalize(piece, Normalizer.Form.NFC);
            out.append(piece);
            outCp += Offsets.length(piece);
            mapped[i + 1] = outCp;
        }
        if (!out.toString().stripTrailing().equals(normalized)) {
            throw new UnprocessableException(where + ": a span starts or ends inside a character sequence that "
                    + "Unicode normalization joins (a letter and its combining accent, or CR LF); offsets must fall "
                    + "between whole characters");
        }
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = Math.min(mapped[i], length); // trailing white space is dropped
        }
        return new OffsetMap(bounds, mapped, false, length);
    }

    /** The offset in the stored text of a raw offset given to {@link #of}. */
    public int map(int rawOffset) {
        if (identity) {
            return rawOffset;
        }
        int i = Arrays.binarySearch(rawBoundaries, rawOffset);
        if (i < 0) {
            throw new IllegalArgumentException("offset " + rawOffset + " was not declared");
        }
        return mapped[i];
    }

    /** Length of the stored text in code points. */
    public int length() {
        return length;
    }
}
