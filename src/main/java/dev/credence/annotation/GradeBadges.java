package dev.credence.annotation;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * The grade badges of the tags {@code {#reliability grade=… /}} and {@code {#credibility value=… /}}: colour and
 * letter/number + words, never colour alone. The markup is built once per grade here, so the document page with
 * 1,000 claims does not run a {@code let}/{@code switch} template per hop (that was a third of its server time,
 * docs/benchmarks.md). In templates: {@code {grade:reliability(hop.reliability)}}, {@code {grade:credibility(c.credibility)}}.
 */
@TemplateExtension(namespace = "grade")
public final class GradeBadges {
    private static final String[] RELIABILITY_WORDS = { "completely reliable", "usually reliable", "fairly reliable",
            "not usually reliable", "unreliable", "reliability cannot be judged" };
    private static final String[] CREDIBILITY_WORDS = { "confirmed by other sources", "probably true",
            "possibly true", "doubtful", "improbable", "truth cannot be judged" };
    private static final RawString[] RELIABILITY = new RawString[6];
    private static final RawString[] CREDIBILITY = new RawString[6];
    private static final RawString RELIABILITY_UNGRADED = badge("ungraded", "reliability not graded", "–",
            "reliability not graded");
    private static final RawString CREDIBILITY_UNGRADED = badge("ungraded", "credibility not graded", "–",
            "credibility not graded");

    static {
        for (int i = 0; i < 6; i++) {
            String letter = String.valueOf((char) ('A' + i));
            RELIABILITY[i] = badge("rel-" + letter.toLowerCase(java.util.Locale.ROOT),
                    letter + ": " + RELIABILITY_WORDS[i], letter, RELIABILITY_WORDS[i]);
            String number = String.valueOf(i + 1);
            CREDIBILITY[i] = badge("cred-" + number, number + ": " + CREDIBILITY_WORDS[i], number,
                    CREDIBILITY_WORDS[i]);
        }
    }

    private GradeBadges() {
    }

    /** A–F as a badge; anything else (null, blank, unknown) as "not graded". */
    public static RawString reliability(Object grade) {
        String g = grade == null ? "" : grade.toString();
        if (g.length() == 1 && g.charAt(0) >= 'A' && g.charAt(0) <= 'F') {
            return RELIABILITY[g.charAt(0) - 'A'];
        }
        return RELIABILITY_UNGRADED;
    }

    /** 1–6 as a badge; anything else as "not graded". */
    public static RawString credibility(Object value) {
        if (value instanceof Number n && n.intValue() >= 1 && n.intValue() <= 6 && n.doubleValue() == n.intValue()) {
            return CREDIBILITY[n.intValue() - 1];
        }
        return CREDIBILITY_UNGRADED;
    }

    private static RawString badge(String cls, String title, String shown, String words) {
        // Constant text only (no user input), so it needs no escaping.
        return new RawString("<span class=\"grade " + cls + "\" title=\"" + title + "\">" + shown
                + "<span class=\"sr-only\"> " + words + "</span></span>");
    }
}
