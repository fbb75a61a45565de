package dev.credence.suggest;

import static dev.credence.suggest.NounPhrases.isNpEnd;
import static dev.credence.suggest.NounPhrases.npEnd;
import static dev.credence.suggest.NounPhrases.npStart;
import static dev.credence.suggest.NounPhrases.properRun;
import static dev.credence.suggest.TaggedSentence.join;

import java.util.List;
import java.util.Set;

/** The name a source span stands for (registry entry, proper name, resolved pronoun) and the antecedents for pronouns. */
final class SourceSpanNames {
    private SourceSpanNames() {
    }

    static final Set<String> ORG_WORDS = Set.of("ministry", "agency", "institute", "times", "post", "news",
            "council", "office", "department", "committee", "university", "group", "firm", "company", "corp",
            "inc", "bureau", "service", "army", "navy", "force", "forces", "government", "party", "center", "centre",
            "foundation", "lab", "labs", "agency's", "journal", "herald", "press", "tribune", "daily", "command",
            "administration", "parliament", "assembly", "commission", "association", "network", "security");

    static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we");

    /** Named sources seen so far in the document, for pronouns: name, whether a person, registry entry. */
    record Antecedent(int end, String name, boolean person, boolean plural, RegistryNames.Entry entry) {
    }

    record Named(String name, String kind, RegistryNames.Entry entry) {
        Long entryId() {
            return entry == null ? null : entry.id();
        }

        String type() {
            return entry == null ? null : entry.type();
        }
    }

    /** The name a source span stands for: a registry entry in it, a proper name, a resolved pronoun, its text. */
    static Named name(String text, int[] cp, TaggedSentence st, int from, int to, List<Antecedent> ant) {
        for (int i = from; i < to; i++) {
            if (st.reg[i] != null) {
                return new Named(st.reg[i].entry().name(), "registry", st.reg[i].entry());
            }
        }
        if (to - from == 1 && PRONOUNS.contains(st.lw[from])) {
            String p = st.lw[from];
            for (int k = ant.size() - 1; k >= 0; k--) {
                Antecedent a = ant.get(k);
                boolean fits = switch (p) {
                    case "he", "she" -> a.person();
                    case "it" -> !a.person() && !a.plural();
                    default -> !a.person() || a.plural();
                };
                if (fits) {
                    return new Named(a.name(), "pronoun", a.entry());
                }
            }
            return new Named(st.w[from], "pronoun", null);
        }
        // the first run of proper nouns in the head phrase, else the last one in the whole span
        int headEnd = npEnd(st, from);
        int[] run = properRun(st, from, Math.min(headEnd, to), false);
        if (run == null) {
            run = properRun(st, from, to, false);
        }
        if (run != null) {
            return new Named(join(st, run[0], run[1]), "proper", null);
        }
        int f = from;
        while (f < to - 1 && (st.tag[f].equals("DT") || st.tag[f].equals("PRP$"))) {
            f++;
        }
        return new Named(join(st, f, to), "common", null);
    }

    /** Adds this sentence's named phrases as antecedents for later pronouns. */
    static void remember(TaggedSentence st, List<Antecedent> ant) {
        int i = 0;
        while (i < st.n) {
            if (st.reg[i] != null) {
                RegistryNames.Match m = st.reg[i];
                String type = m.entry().type();
                boolean person = type != null && (type.equals("government_official") || type.equals("academic_expert")
                        || type.equals("author"));
                ant.add(new Antecedent(st.e[m.to() - 1], m.entry().name(), person, false, m.entry()));
                i = m.to();
                continue;
            }
            if (st.tag[i].startsWith("NNP")) {
                int j = i;
                boolean org = false;
                while (j < st.n && st.tag[j].startsWith("NNP") && st.reg[j] == null) {
                    org |= ORG_WORDS.contains(st.lw[j]);
                    j++;
                }
                boolean person = !org && j - i >= 2 && j - i <= 3;
                ant.add(new Antecedent(st.e[j - 1], join(st, i, j), person, false, null));
                i = j;
                continue;
            }
            if (st.tag[i].equals("NNS") && st.chunk[i].endsWith("-NP") && isNpEnd(st, i) && i + 1 < st.n
                    && CueLexicon.verb(st.w[i + 1]) != null) {
                ant.add(new Antecedent(st.e[i], join(st, npStart(st, i), i + 1), false, true, null));
            }
            i++;
        }
    }
}
