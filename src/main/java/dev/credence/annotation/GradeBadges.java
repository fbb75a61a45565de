package dev.credence.annotation;

import dev.credence.source.Reliability;
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
    private static final RawString[] RELIABILITY = new RawString[6];
    private static final RawString[] CREDIBILITY = new RawString[6];
    private static final RawString RELIABILITY_UNGRADED = badge("ungraded", "reliability not graded", "–",
            "reliability not graded");
    private static final RawString CREDIBILITY_UNGRADED = badge("ungraded", "credibility not graded", "–",
            "credibility not graded");

    static {
        for (Reliability r : Reliability.values()) {
            RELIABILITY[r.ordinal()] = badge(r.css(), r.grade() + ": " + r.words(), r.grade(), r.words());
        }
        for (Credibility c : Credibility.values()) {
            String number = String.valueOf(c.value());
            CREDIBILITY[c.ordinal()] = badge("cred-" + number, number + ": " + c.words(), number, c.words());
        }
    }

    private GradeBadges() {
    }

    /** A–F as a badge; anything else (null, blank, unknown) as "not graded". */
    public static RawString reliability(Object grade) {
        String g = grade == null ? "" : grade.toString();
        Reliability r = Reliability.of(g);
        return r == null ? RELIABILITY_UNGRADED : RELIABILITY[r.ordinal()];
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
