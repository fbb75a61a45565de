package dev.credence.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a pasted article into blocks (paragraphs, and lines that are page furniture on their own) and
 * marks those that look like scraped-page boilerplate, with the reason, so that the reviewer keeps or
 * drops each before anything is stored. Line heuristics only: it proposes, the reviewer decides.
 */
public final class BoilerplateDetector {
    /** One block of the text; {@code reason} is null for article text. */
    public record Block(int index, String text, String reason) {
        public boolean boilerplate() {
            return reason != null;
        }
    }

    private static final Pattern AD = Pattern.compile("(?i)(story continues below( this)?( ad| advertisement)?"
            + "|advertisements?|sponsored( content)?|continue reading( below)?|skip to (main )?content)[.:!…]?");
    private static final Pattern APP = Pattern.compile("(?i).*\\b(download|get|install) (the|our) [\\w ]{0,20}app\\b.*"
            + "|.*\\b(app store|google play)\\b.*");
    private static final Pattern SHARE = Pattern.compile("(?i)(share( this)?( article| story)?|facebook|twitter|x|"
            + "whatsapp|telegram|linkedin|reddit|e-?mail|print|copy link|comments?|\\d+)([\\s|·•,/]+(share|facebook|"
            + "twitter|x|whatsapp|telegram|linkedin|reddit|e-?mail|print|copy link|comments?|\\d+))*[.:]?");
    private static final Pattern SUBSCRIBE = Pattern.compile("(?i).*\\b(sign up for|subscribe to|newsletter|"
            + "accept (all )?cookies|cookie (policy|settings))\\b.*|(subscribe|sign up|log in|register)( now)?[.!]?");
    private static final Pattern RELATED = Pattern.compile("(?i)(related( articles| stories| coverage)?|more (stories|"
            + "from|on this)|read more|also read|read also|see also|you may also like|recommended( for you)?|most read"
            + "|trending( now)?|top stories)\\b.{0,80}");
    private static final Pattern NAV_SEPARATORS = Pattern.compile("\\s[|›»•·/>]\\s");
    private static final Pattern COMMENTS = Pattern.compile("(?i)(\\d+ comments?|(load|show|view) (all )?comments.*"
            + "|join the (conversation|discussion).*)");

    private BoilerplateDetector() {
    }

    /** The normalized text as blocks, in order; joining the kept ones with a blank line rebuilds the article. */
    public static List<Block> blocks(String raw) {
        String text = TextNormalizer.normalize(raw == null ? "" : raw);
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        boolean related = false;
        for (String line : text.split("\n", -1)) {
            String reason = line.isBlank() ? null : reason(line.strip());
            if (line.isBlank() || reason != null) {
                related = flush(blocks, paragraph, related);
                if (reason != null) {
                    blocks.add(new Block(blocks.size(), line.strip(), reason));
                    // The short lines under a "Related" heading are the list of teasers.
                    related = reason.startsWith("related");
                }
                if (line.isBlank()) {
                    related = false;
                }
                continue;
            }
            if (related && line.strip().length() <= 120) {
                blocks.add(new Block(blocks.size(), line.strip(), "related-article list"));
                continue;
            }
            related = false;
            if (!paragraph.isEmpty()) {
                paragraph.append('\n');
            }
            paragraph.append(line);
        }
        flush(blocks, paragraph, false);
        return blocks;
    }

    private static boolean flush(List<Block> blocks, StringBuilder paragraph, boolean related) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Block(blocks.size(), paragraph.toString(), null));
            paragraph.setLength(0);
        }
        return related;
    }

    /** Why this line is boilerplate, or null when it reads as article text. */
    static String reason(String line) {
        if (AD.matcher(line).matches()) {
            return "advertising marker";
        }
        if (line.length() <= 160 && APP.matcher(line).matches()) {
            return "app promotion";
        }
        if (line.length() <= 120 && SHARE.matcher(line).matches()) {
            return "share bar";
        }
        if (line.length() <= 200 && SUBSCRIBE.matcher(line).matches()) {
            return "newsletter or sign-up box";
        }
        if (line.length() <= 120 && COMMENTS.matcher(line).matches()) {
            return "comment widget";
        }
        if (line.length() <= 100 && RELATED.matcher(line).matches() && !line.endsWith(".")) {
            return "related-article list";
        }
        if (line.length() <= 200 && countMatches(NAV_SEPARATORS, line) >= 2 && !line.endsWith(".")) {
            return "navigation";
        }
        return null;
    }

    private static int countMatches(Pattern p, String s) {
        int n = 0;
        var m = p.matcher(s);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The article from the kept blocks, a blank line between them. */
    public static String keep(List<Block> blocks, java.util.Set<Integer> kept) {
        StringBuilder b = new StringBuilder();
        for (Block block : blocks) {
            if (kept.contains(block.index())) {
                if (!b.isEmpty()) {
                    b.append("\n\n");
                }
                b.append(block.text());
            }
        }
        return b.toString();
    }
}
