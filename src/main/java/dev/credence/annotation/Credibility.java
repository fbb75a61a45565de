package dev.credence.annotation;

/**
 * Information credibility on the NATO Admiralty code (STANAG 2511), 1–6, with the words DESIGN.md gives it: the
 * one place those words are written. Badges and exports read them from here. Grade 1 needs an independent
 * corroboration (corroboration.ClaimLink).
 */
public enum Credibility {
    CONFIRMED(1, "confirmed by other sources"),
    PROBABLY_TRUE(2, "probably true"),
    POSSIBLY_TRUE(3, "possibly true"),
    DOUBTFUL(4, "doubtful"),
    IMPROBABLE(5, "improbable"),
    CANNOT_BE_JUDGED(6, "truth cannot be judged");

    private final int value;
    private final String words;

    Credibility(int value, String words) {
        this.value = value;
        this.words = words;
    }

    /** 1 … 6 (as stored). */
    public int value() {
        return value;
    }

    /** "confirmed by other sources" … "truth cannot be judged". */
    public String words() {
        return words;
    }

    /** The words as a sentence starts them: "Confirmed by other sources". */
    public String sentence() {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The grade for 1 … 6; null for anything else. */
    public static Credibility of(Integer value) {
        return value == null || value < 1 || value > 6 ? null : values()[value - 1];
    }

    /** "Confirmed by other sources" for 1 … "Truth cannot be judged" for 6; null outside 1–6. */
    public static String sentenceOf(Integer value) {
        Credibility c = of(value);
        return c == null ? null : c.sentence();
    }
}
