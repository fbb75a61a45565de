package dev.credence.source;

import java.util.Locale;

/**
 * Source reliability on the NATO Admiralty code (STANAG 2511), A–F, with the words DESIGN.md gives it: the one
 * place those words are written. Grade forms, badges and exports read them from here.
 */
public enum Reliability {
    A("completely reliable"),
    B("usually reliable"),
    C("fairly reliable"),
    D("not usually reliable"),
    E("unreliable"),
    F("reliability cannot be judged");

    private final String words;

    Reliability(String words) {
        this.words = words;
    }

    /** The letter, "A" … "F" (as stored). */
    public String grade() {
        return name();
    }

    /** "completely reliable" … "reliability cannot be judged". */
    public String words() {
        return words;
    }

    /** The words as a sentence starts them: "Completely reliable". */
    public String sentence() {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The colour class of the grade chip: "rel-a" … "rel-f". */
    public String css() {
        return "rel-" + name().toLowerCase(Locale.ROOT);
    }

    /** The grade for "A" … "F" exactly; null for anything else (null, blank, lower case, "G"). */
    public static Reliability of(String grade) {
        if (grade == null || grade.length() != 1 || grade.charAt(0) < 'A' || grade.charAt(0) > 'F') {
            return null;
        }
        return values()[grade.charAt(0) - 'A'];
    }

    /** "Completely reliable" for A … "Reliability cannot be judged" for F; null for anything else. */
    public static String sentenceOf(String grade) {
        Reliability r = of(grade);
        return r == null ? null : r.sentence();
    }
}
