package dev.credence.annotation;

/**
 * The NATO Admiralty code (STANAG 2511) wording of the two grading scales, as DESIGN.md gives it:
 * source reliability A–F and information credibility 1–6. Exports write these words next to the
 * grades so a reader needs no look-up table.
 */
public final class Admiralty {
    private static final String[] CREDIBILITY = { "Confirmed by other sources", "Probably true", "Possibly true",
            "Doubtful", "Improbable", "Truth cannot be judged" };
    private static final String[] RELIABILITY = { "Completely reliable", "Usually reliable", "Fairly reliable",
            "Not usually reliable", "Unreliable", "Reliability cannot be judged" };

    private Admiralty() {
    }

    /** "Confirmed by other sources" for 1 … "Truth cannot be judged" for 6; null outside 1–6. */
    public static String credibility(Integer grade) {
        return grade == null || grade < 1 || grade > 6 ? null : CREDIBILITY[grade - 1];
    }

    /** "Completely reliable" for A … "Reliability cannot be judged" for F; null for anything else. */
    public static String reliability(String grade) {
        if (grade == null || grade.length() != 1 || grade.charAt(0) < 'A' || grade.charAt(0) > 'F') {
            return null;
        }
        return RELIABILITY[grade.charAt(0) - 'A'];
    }
}
