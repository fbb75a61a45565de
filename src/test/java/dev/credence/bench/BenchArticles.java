package dev.credence.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fictional news articles (≈ 5 kB) in the corpus's shape: a menu line, reported-speech paragraphs,
 * ad and teaser boilerplate, curly quotes and an emoji; each claim sentence comes with the code-point
 * offsets of the claim, the originator's mention and the attribution cue, so a reviewer can mark
 * "Firm ← Outlet" two-hop chains without reading the text back.
 */
final class BenchArticles {
    /** Originators (hop 0) and outlets (hop 1): 20 source names shared by every reviewer. */
    static final List<String> FIRMS = List.of("Kestrel Labs", "Halvard Analytics", "Norrow Security", "Tessel Group",
            "Brightmoor Institute", "Quillon Research", "Ostrava Signals", "Pellmark Cyber", "Varden Intelligence",
            "Corvane Partners", "Lindqvist Forensics", "Marrowgate Lab");
    static final List<String> OUTLETS = List.of("Daily Meridian", "Harbor Ledger", "The Northern Wire",
            "Eastgate Courier", "Pacific Dispatch", "Silver Coast Times", "The Quarterly Sentinel", "Riverside Post");
    private static final String[] EVENTS = { "the group had rented servers in three countries",
            "the intrusion began weeks before the ministry noticed it",
            "a second wave of phishing e‑mails reached port operators",
            "the leaked files matched a contractor’s internal naming scheme",
            "the malware reused code first seen in a 2019 campaign",
            "at least 40 accounts were taken over during the holiday weekend",
            "the drone footage was recorded near the northern ridge",
            "the shipping data had been altered before publication" };
    private static final String[] FILLER = { "Officials declined to comment on the timeline.",
            "The ministry said in a short statement that its systems were “fully operational”.",
            "Residents described a quiet morning 🌧️ before the announcement.",
            "Neither claim could be independently verified.",
            "The report has not been published in full." };

    record ClaimSpot(int start, int end, int mentionStart, int mentionEnd, int cueStart, int cueEnd, String firm,
            String outlet) {
    }

    record Article(String title, String text, List<ClaimSpot> claims) {
    }

    private BenchArticles() {
    }

    /** Article {@code n} of batch {@code tag}: unique text, {@code claims} claim sentences. */
    static Article article(String tag, int n, int claims) {
        Random r = new Random(31L * n + tag.hashCode());
        StringBuilder t = new StringBuilder();
        List<ClaimSpot> spots = new ArrayList<>();
        t.append("Home · World · Security · Opinion · Newsletters\n\n");
        t.append("Investigators trace ‘Operation ").append(tag).append('-').append(n).append("’ to a rented network\n\n");
        for (int i = 0; i < claims; i++) {
            String firm = FIRMS.get(r.nextInt(FIRMS.size()));
            String outlet = OUTLETS.get(r.nextInt(OUTLETS.size()));
            String lead = "Analysts at ";
            int start = cp(t);
            t.append(lead);
            int mentionStart = cp(t);
            t.append(firm);
            int mentionEnd = cp(t);
            t.append(' ');
            int cueStart = cp(t);
            t.append("told");
            int cueEnd = cp(t);
            t.append(" the ").append(outlet).append(" that ").append(EVENTS[r.nextInt(EVENTS.length)])
                    .append(" (item ").append(i).append(").");
            int end = cp(t);
            spots.add(new ClaimSpot(start, end, mentionStart, mentionEnd, cueStart, cueEnd, firm, outlet));
            t.append(' ').append(FILLER[r.nextInt(FILLER.length)]);
            t.append(i % 6 == 5 ? "\n\nSTORY CONTINUES BELOW THIS AD\n\n" : "\n\n");
        }
        while (t.length() < 5000) {
            t.append(FILLER[r.nextInt(FILLER.length)]).append(' ');
        }
        t.append("\n\nRelated: How port operators prepare for the storm season · Read more\n\nComments (12)");
        return new Article("Operation " + tag + "-" + n + " traced to rented servers", t.toString(), spots);
    }

    private static int cp(StringBuilder b) {
        return b.codePointCount(0, b.length());
    }
}
