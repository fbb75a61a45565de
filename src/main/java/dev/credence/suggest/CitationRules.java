package dev.credence.suggest;

import static dev.credence.suggest.AttributionSuggester.bucket;
import static dev.credence.suggest.AttributionSuggester.clamp;
import static dev.credence.suggest.NounPhrases.extendRight;
import static dev.credence.suggest.NounPhrases.isNpStart;
import static dev.credence.suggest.NounPhrases.npEnd;
import static dev.credence.suggest.ReportedContent.leftContent;
import static dev.credence.suggest.ReportedContent.trimmed;
import static dev.credence.suggest.SourceSpanNames.name;
import static dev.credence.suggest.TaggedSentence.range;

import dev.credence.suggest.SourceSpanNames.Antecedent;
import dev.credence.suggest.SourceSpanNames.Named;
import dev.credence.suggest.Suggested.Hop;
import dev.credence.suggest.Suggested.Range;
import java.util.ArrayList;
import java.util.List;

/** The cues that are not reporting verbs: "according to X", "…, citing X" and "a document seen by X". */
final class CitationRules {
    private CitationRules() {
    }

    static void accordingTo(String text, int[] cp, TaggedSentence st, int i, List<Antecedent> ant, List<Suggested> out) {
        int from = i + 2;
        if (from >= st.n || !isNpStart(st, from)) {
            return;
        }
        int to = extendRight(st, from, npEnd(st, from));
        int docTo = to;
        Range cue = range(st, i, i + 2);
        Named named = name(text, cp, st, from, to, ant);
        List<Hop> hops = new ArrayList<>();
        hops.add(new Hop(named.name(), named.entryId(), named.type(), range(st, from, docTo), cue, "asserts"));
        int after = to;
        if (after + 2 < st.n && CueLexicon.LEAK_VERBS.contains(st.lw[after]) && "by".equals(st.lw[after + 1])
                && isNpStart(st, after + 2)) {
            int oTo = extendRight(st, after + 2, npEnd(st, after + 2));
            Named outlet = name(text, cp, st, after + 2, oTo, ant);
            hops.add(new Hop(outlet.name(), outlet.entryId(), outlet.type(), range(st, after + 2, oTo),
                    range(st, after, after + 2), "leaked_via"));
            after = oTo;
        }
        Range content;
        if (i <= 1) {
            int c = after;
            if (c < st.n && ",".equals(st.w[c])) {
                c++;
            }
            content = trimmed(st, c, st.n);
        } else {
            content = leftContent(text, cp, st, i);
        }
        if (content == null) {
            return;
        }
        out.add(new Suggested(content, cue, "citation", range(st, from, docTo), named.name(), named.entryId(),
                named.type(), hops, clamp(0.9 - (content.length() < 12 ? 0.3 : 0)),
                List.of("cue=according_to", "class=citation", "src=right", "srcKind=" + named.kind(),
                        "content=" + (i <= 1 ? "right" : "left"), "len=" + bucket(content.length()))));
    }

    /** "…, citing X": X becomes the originator of the sentence's attribution (or its own when there is none). */
    static void citing(String text, int[] cp, TaggedSentence st, int i, List<Antecedent> ant, List<Suggested> out) {
        if (i + 1 >= st.n || !isNpStart(st, i + 1)) {
            return;
        }
        int to = extendRight(st, i + 1, npEnd(st, i + 1));
        Named named = name(text, cp, st, i + 1, to, ant);
        Hop origin = new Hop(named.name(), named.entryId(), named.type(), range(st, i + 1, to), range(st, i, i + 1),
                "asserts");
        int sentStart = st.s[0];
        int sentEnd = st.e[st.n - 1];
        for (int k = out.size() - 1; k >= 0; k--) {
            Suggested sg = out.get(k);
            if (sg.cue() != null && sg.cue().start() >= sentStart && sg.cue().end() <= sentEnd && !sg.hops().isEmpty()) {
                List<Hop> hops = new ArrayList<>();
                hops.add(origin);
                for (Hop h : sg.hops()) {
                    hops.add(new Hop(h.name(), h.registrySourceId(), h.sourceType(), h.mention(), h.cue(),
                            hops.size() == 1 ? "cites" : h.relation()));
                }
                List<String> f = new ArrayList<>(sg.features());
                f.add("citing");
                out.set(k, new Suggested(sg.claim(), sg.cue(), sg.cueClass(), sg.source(), sg.sourceName(),
                        sg.registrySourceId(), sg.sourceType(), hops, clamp(sg.score() + 0.05), f));
                return;
            }
        }
        Range content = i > 1 ? leftContent(text, cp, st, i) : trimmed(st, to < st.n && ",".equals(st.w[to]) ? to + 1 : to, st.n);
        if (content != null) {
            out.add(new Suggested(content, range(st, i, i + 1), "citation", range(st, i + 1, to), named.name(),
                    named.entryId(), named.type(), List.of(origin), 0.7,
                    List.of("cue=citing", "class=citation", "src=right", "srcKind=" + named.kind(), "content=left",
                            "len=" + bucket(content.length()))));
        }
    }

    /** "… a document seen by POLITICO …" outside "according to": the outlet becomes the last hop. */
    static void leaks(TaggedSentence st, List<Suggested> out) {
        for (int i = 1; i + 2 < st.n; i++) {
            if (CueLexicon.LEAK_VERBS.contains(st.lw[i]) && "by".equals(st.lw[i + 1])
                    && CueLexicon.DOCUMENT_NOUNS.contains(st.lw[i - 1]) && isNpStart(st, i + 2)) {
                int oTo = npEnd(st, i + 2);
                Range mention = range(st, i + 2, oTo);
                boolean used = out.stream().flatMap(s -> s.hops().stream())
                        .anyMatch(h -> h.mention() != null && h.mention().equals(mention));
                if (used) {
                    continue;
                }
                for (int k = out.size() - 1; k >= 0; k--) {
                    Suggested sg = out.get(k);
                    if (sg.cue() != null && sg.cue().start() >= st.s[0] && sg.cue().end() <= st.e[st.n - 1]
                            && !sg.hops().isEmpty()) {
                        List<Hop> hops = new ArrayList<>(sg.hops());
                        String name = String.join(" ", java.util.Arrays.copyOfRange(st.w, i + 2, oTo))
                                .replaceFirst("^(?i)the ", "");
                        hops.add(new Hop(name, null, null, mention, range(st, i, i + 2), "leaked_via"));
                        List<String> f = new ArrayList<>(sg.features());
                        f.add("leak");
                        out.set(k, new Suggested(sg.claim(), sg.cue(), sg.cueClass(), sg.source(), sg.sourceName(),
                                sg.registrySourceId(), sg.sourceType(), hops, sg.score(), f));
                        break;
                    }
                }
            }
        }
    }
}
