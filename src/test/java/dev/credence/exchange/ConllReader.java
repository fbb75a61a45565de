package dev.credence.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * An independent reader of the CoNLL export for the tests, from its description in docs/formats.md:
 * {@code -DOCSTART- <document id> <layer>} then a blank line, sentences separated by blank lines, one
 * token a line {@code TOKEN\tSTART\tEND\tCLAIM\tSOURCE\tCUE}. It checks every token against the document
 * text (START/END in code points slice exactly TOKEN; tokens in order, without whitespace) and that each
 * tag column is valid BIO (an I- continues a B- or I- of the same label, across sentence breaks), and
 * rebuilds each column's spans as [first token start, last token end) in code points.
 */
final class ConllReader {
    static final String[] COLUMNS = { "CLAIM", "SOURCE", "CUE" };

    record Token(String text, int start, int end, String[] tags) {
    }

    record Block(long documentId, String layer, List<List<Token>> sentences) {
        List<Token> tokens() {
            return sentences.stream().flatMap(List::stream).toList();
        }

        /** The spans column {@code c} (0 claims, 1 sources, 2 cues) encodes, as token index ranges [from, to]. */
        List<int[]> chunks(int c) {
            List<Token> tokens = tokens();
            List<int[]> out = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String tag = tokens.get(i).tags()[c];
                if (tag.startsWith("B-")) {
                    out.add(new int[] { i, i });
                } else if (tag.startsWith("I-")) {
                    out.get(out.size() - 1)[1] = i;
                }
            }
            return out;
        }

        /** The chunks of column {@code c} as code-point spans [start, end). */
        List<int[]> spans(int c) {
            List<Token> tokens = tokens();
            return chunks(c).stream().map(ch -> new int[] { tokens.get(ch[0]).start(), tokens.get(ch[1]).end() }).toList();
        }
    }

    private ConllReader() {
    }

    /** Parses and checks the whole file; {@code textOf} gives a document's text by id. */
    static List<Block> read(String body, LongFunction<String> textOf) {
        require(body.isEmpty() || body.endsWith("\n\n"), "the file ends with a blank line after the last sentence");
        List<Block> blocks = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        Block block = null;
        int[] text = null;
        List<Token> sentence = null;
        int previousEnd = 0;
        String[] previousTags = null;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String where = "line " + (n + 1) + " '" + line + "': ";
            if (line.startsWith("# ") && sentence == null && block != null) {
                continue; // a comment line between sentences (claim links)
            }
            if (line.startsWith("-DOCSTART-")) {
                require(sentence == null, where + "DOCSTART inside a sentence");
                String[] p = line.split(" ", -1);
                require(p.length == 3, where + "-DOCSTART- <document id> <layer>");
                block = new Block(Long.parseLong(p[1]), p[2], new ArrayList<>());
                require(p[2].equals("gold") || p[2].startsWith("reviewer:"), where + "layer");
                blocks.add(block);
                String t = textOf.apply(block.documentId());
                require(t != null, where + "unknown document");
                text = t.codePoints().toArray();
                require(n + 1 < lines.length && lines[n + 1].isEmpty(), where + "a blank line after DOCSTART");
                n++;
                previousEnd = 0;
                previousTags = null;
                continue;
            }
            if (line.isEmpty()) {
                if (sentence != null) {
                    block.sentences().add(sentence);
                    sentence = null;
                }
                continue;
            }
            require(block != null, where + "token before any DOCSTART");
            String[] f = line.split("\t", -1);
            require(f.length == 6, where + "six tab-separated fields");
            int start = Integer.parseInt(f[1]);
            int end = Integer.parseInt(f[2]);
            require(0 <= start && start < end && end <= text.length, where + "offsets");
            require(start >= previousEnd, where + "tokens in order, not overlapping");
            require(new String(text, start, end - start).equals(f[0]), where + "START/END slice '"
                    + new String(text, start, end - start) + "' is not TOKEN");
            require(f[0].codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)),
                    where + "whitespace in a token");
            String[] tags = { f[3], f[4], f[5] };
            for (int c = 0; c < 3; c++) {
                String tag = tags[c];
                require(tag.equals("O") || tag.equals("B-" + COLUMNS[c]) || tag.equals("I-" + COLUMNS[c]),
                        where + "tag " + tag + " in column " + COLUMNS[c]);
                if (tag.startsWith("I-")) {
                    require(previousTags != null && !previousTags[c].equals("O"), where + "I- without a B- before");
                }
            }
            if (sentence == null) {
                sentence = new ArrayList<>();
            }
            sentence.add(new Token(f[0], start, end, tags));
            previousEnd = end;
            previousTags = tags;
        }
        require(sentence == null, "the last sentence is not closed by a blank line");
        return blocks;
    }

    /** Blocks by "documentId layer". */
    static Map<String, Block> byKey(List<Block> blocks) {
        Map<String, Block> out = new LinkedHashMap<>();
        for (Block b : blocks) {
            require(out.put(b.documentId() + " " + b.layer(), b) == null, "two blocks for " + b.documentId() + " " + b.layer());
        }
        return out;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("CoNLL: " + what);
        }
    }
}
