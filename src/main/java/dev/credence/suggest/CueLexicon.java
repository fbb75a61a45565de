package dev.credence.suggest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words that signal attribution, by cue class (DESIGN.md): reporting verbs in every inflection (generated
 * from the lemma, with the irregular forms listed), the evidential adverbs and the document nouns of leaks.
 */
final class CueLexicon {
    /** A verb form: its lemma and cue class. */
    record Verb(String lemma, String cueClass, double weight) {
    }

    private static final Map<String, Verb> FORMS = new HashMap<>();

    static final Set<String> ADVERBS = Set.of("reportedly", "allegedly", "purportedly", "supposedly", "ostensibly");

    /** Nouns that make a source a document ("a classified document seen by …"). */
    static final Set<String> DOCUMENT_NOUNS = Set.of("document", "documents", "report", "memo", "memorandum", "cable",
            "cables", "assessment", "letter", "dossier", "papers", "presentation", "files", "briefing", "email",
            "emails", "draft", "transcript");

    /** Verbs after a document noun that hand it to the outlet ("seen by", "obtained by"). */
    static final Set<String> LEAK_VERBS = Set.of("seen", "obtained", "reviewed", "viewed", "leaked");

    /** Verbs whose object is the audience ("told POLITICO", "warned lawmakers"). */
    static final Set<String> AUDIENCE_VERBS = Set.of("tell", "warn", "inform", "brief", "assure", "remind", "advise");

    static {
        speech(0.9, "say", "tell", "add", "state", "announce", "confirm", "insist", "argue", "explain", "write", "note",
                "declare", "stress", "emphasise", "emphasize", "tweet", "post", "respond", "reply", "testify", "admit",
                "acknowledge", "concede", "assert", "maintain", "contend", "caution", "urge", "describe", "reveal",
                "disclose", "remark", "comment", "observe", "recall", "quip", "complain", "vow", "pledge", "promise",
                "inform", "brief", "assure", "remind", "advise");
        irregular("say", "said");
        irregular("tell", "told");
        irregular("write", "wrote", "written");
        forms("warn", "speech", 0.9);
        forms("deny", "speech", 0.85);
        forms("report", "reporting", 0.85);
        forms("claim", "hedge", 0.8);
        forms("allege", "hedge", 0.8);
        forms("accuse", "hedge", 0.7);
        forms("suggest", "hedge", 0.6);
        forms("believe", "belief", 0.75);
        forms("think", "belief", 0.6);
        irregular("think", "thought");
        forms("predict", "belief", 0.75);
        forms("estimate", "belief", 0.7);
        forms("expect", "belief", 0.55);
        forms("fear", "belief", 0.6);
        forms("suspect", "belief", 0.65);
        forms("assess", "belief", 0.7);
        forms("conclude", "belief", 0.7);
        forms("forecast", "belief", 0.7);
        forms("doubt", "belief", 0.6);
        forms("find", "belief", 0.5);
        irregular("find", "found");
        forms("show", "reporting", 0.45);
        irregular("show", "shown");
        forms("indicate", "reporting", 0.5);
        forms("cite", "citation", 0.7);
    }

    private CueLexicon() {
    }

    /** The verb of this (lower-case) word form, or null. */
    static Verb verb(String word) {
        return FORMS.get(word.toLowerCase(Locale.ROOT));
    }

    private static void speech(double weight, String... lemmas) {
        for (String l : lemmas) {
            forms(l, "speech", weight);
        }
    }

    private static void forms(String lemma, String cueClass, double weight) {
        Verb v = new Verb(lemma, cueClass, weight);
        for (String f : inflections(lemma)) {
            FORMS.putIfAbsent(f, v);
        }
    }

    private static void irregular(String lemma, String... forms) {
        Verb v = FORMS.get(lemma);
        for (String f : forms) {
            FORMS.put(f, v);
        }
    }

    /** Regular English inflections: lemma, -s, -ed, -ing (with the usual spelling changes). */
    static List<String> inflections(String lemma) {
        String third;
        String past;
        String ing;
        if (lemma.endsWith("y") && !isVowel(lemma.charAt(lemma.length() - 2))) {
            String stem = lemma.substring(0, lemma.length() - 1);
            third = stem + "ies";
            past = stem + "ied";
            ing = lemma + "ing";
        } else if (lemma.endsWith("e")) {
            third = lemma + "s";
            past = lemma + "d";
            ing = lemma.substring(0, lemma.length() - 1) + "ing";
        } else if (lemma.endsWith("s") || lemma.endsWith("sh") || lemma.endsWith("ch") || lemma.endsWith("x")) {
            third = lemma + "es";
            past = lemma + "ed";
            ing = lemma + "ing";
        } else {
            third = lemma + "s";
            past = lemma + "ed";
            ing = lemma + "ing";
        }
        return List.of(lemma, third, past, ing);
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
