package dev.credence.suggest;

import static dev.credence.suggest.CitationRules.accordingTo;
import static dev.credence.suggest.CitationRules.citing;
import static dev.credence.suggest.CitationRules.leaks;
import static dev.credence.suggest.NounPhrases.appositiveRight;
import static dev.credence.suggest.NounPhrases.extendLeft;
import static dev.credence.suggest.NounPhrases.extendRight;
import static dev.credence.suggest.NounPhrases.isNpEnd;
import static dev.credence.suggest.NounPhrases.isNpStart;
import static dev.credence.suggest.NounPhrases.isProper;
import static dev.credence.suggest.NounPhrases.npEnd;
import static dev.credence.suggest.NounPhrases.npStart;
import static dev.credence.suggest.NounPhrases.parenthetical;
import static dev.credence.suggest.ReportedContent.codePointIndex;
import static dev.credence.suggest.ReportedContent.leftContent;
import static dev.credence.suggest.ReportedContent.leftContentAvailable;
import static dev.credence.suggest.ReportedContent.quoteOrTrim;
import static dev.credence.suggest.ReportedContent.rightContentStart;
import static dev.credence.suggest.ReportedContent.tidy;
import static dev.credence.suggest.ReportedContent.trimmed;
import static dev.credence.suggest.SourceSpanNames.name;
import static dev.credence.suggest.SourceSpanNames.remember;
import static dev.credence.suggest.TaggedSentence.CLOSE_QUOTES;
import static dev.credence.suggest.TaggedSentence.OPEN_QUOTES;
import static dev.credence.suggest.TaggedSentence.hasVerb;
import static dev.credence.suggest.TaggedSentence.range;

import dev.credence.nlp.EnglishModels;
import dev.credence.nlp.Segmentation;
import dev.credence.suggest.SourceSpanNames.Antecedent;
import dev.credence.suggest.SourceSpanNames.Named;
import dev.credence.suggest.Suggested.Hop;
import dev.credence.suggest.Suggested.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.chunker.ChunkerME;
import opennlp.tools.postag.POSTaggerME;

/**
 * The rule-based attribution suggester: OpenNLP sentences, tokens, Penn POS tags and chunks, then rules over them.
 * Cues are reporting verbs (every inflection, {@link CueLexicon}), "according to", "citing", "told X", "a document
 * seen by X" and evidential adverbs; the source is the subject noun phrase (with "of/at/for/from" attachments and
 * an appositive), or the inverted subject ("…, said X"); the claim is the reported content after the cue ("that …",
 * ": …", a quotation) or before it ("…, the ministry said"), a quotation reaching back across sentences. Registry
 * names and aliases are matched over the whole text with a token trie ({@link RegistryNames}); pronouns are
 * resolved to the nearest earlier named source that fits (he/she a person, it an organisation, they either).
 *
 * <p>Not thread-safe (OpenNLP's ME classes): one per run. Every candidate is returned with its rule score;
 * {@link #RULE_THRESHOLD} is the rule-based cut, a learned model may rescore instead.
 */
public final class AttributionSuggester {
    public static final double RULE_THRESHOLD = 0.5;

    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "was", "were", "is", "are", "be",
            "been", "did", "does", "do", "will", "would", "could", "can", "may", "might", "should", "also", "previously",
            "later", "repeatedly", "publicly", "privately", "once", "again", "earlier", "recently", "separately",
            "firmly", "flatly", "strongly", "openly", "reportedly", "allegedly", "not", "n't", "never", "already");

    private final Segmentation segmentation;
    private final POSTaggerME tagger;
    private final ChunkerME chunker;
    private RegistryNames registry;

    public AttributionSuggester(EnglishModels models, RegistryNames registry) {
        this.segmentation = models.segmentation();
        this.tagger = models.posTagger();
        this.chunker = models.chunker();
        this.registry = registry;
    }

    /** The registry's names tokenised as the text is, in one trie. */
    public RegistryNames registryOf(List<RegistryNames.Entry> entries, java.util.function.Function<RegistryNames.Entry, List<String>> names) {
        RegistryNames trie = new RegistryNames();
        for (RegistryNames.Entry e : entries) {
            for (String name : names.apply(e)) {
                List<String> tokens = new ArrayList<>();
                for (Segmentation.Sentence s : segmentation.sentences(name)) {
                    for (Segmentation.Token t : s.tokens()) {
                        tokens.add(t.text());
                    }
                }
                trie.add(tokens, e);
            }
        }
        return trie;
    }

    /** Every candidate in text order, with its rule score (keep those at or above {@link #RULE_THRESHOLD}). */
    public List<Suggested> candidates(String text) {
        List<Suggested> out = new ArrayList<>();
        List<Antecedent> antecedents = new ArrayList<>();
        int[] cpToUtf16 = codePointIndex(text);
        for (Segmentation.Sentence sentence : segmentation.sentences(text)) {
            TaggedSentence st = prepare(sentence);
            List<Suggested> found = new ArrayList<>();
            sentence(text, cpToUtf16, st, antecedents, found);
            for (Suggested sg : found) {
                Range claim = tidy(text, cpToUtf16, sg.claim());
                if (claim != null) {
                    out.add(new Suggested(claim, sg.cue(), sg.cueClass(), sg.source(), sg.sourceName(),
                            sg.registrySourceId(), sg.sourceType(), sg.hops(), sg.score(), sg.features()));
                }
            }
            remember(st, antecedents);
        }
        return out;
    }

    public AttributionSuggester withRegistry(RegistryNames names) {
        this.registry = names;
        return this;
    }

    /** The candidates the rules keep. */
    public List<Suggested> suggest(String text) {
        return candidates(text).stream().filter(s -> s.score() >= RULE_THRESHOLD).toList();
    }

    private TaggedSentence prepare(Segmentation.Sentence sentence) {
        TaggedSentence st = new TaggedSentence();
        List<Segmentation.Token> tokens = sentence.tokens();
        st.n = tokens.size();
        st.w = new String[st.n];
        st.lw = new String[st.n];
        st.s = new int[st.n];
        st.e = new int[st.n];
        for (int i = 0; i < st.n; i++) {
            Segmentation.Token t = tokens.get(i);
            st.w[i] = t.text();
            st.lw[i] = t.text().toLowerCase(Locale.ROOT);
            st.s[i] = t.start();
            st.e[i] = t.end();
        }
        st.tag = tagger.tag(st.w);
        st.chunk = chunker.chunk(st.w, st.tag);
        st.reg = new RegistryNames.Match[st.n];
        if (registry != null && registry.size() > 0) {
            for (RegistryNames.Match m : registry.match(List.of(st.w))) {
                for (int i = m.from(); i < m.to(); i++) {
                    st.reg[i] = m;
                }
            }
        }
        return st;
    }

    private void sentence(String text, int[] cp, TaggedSentence st, List<Antecedent> antecedents, List<Suggested> out) {
        int verbs = 0;
        for (int i = 0; i < st.n; i++) {
            if ("according".equals(st.lw[i]) && i + 1 < st.n && "to".equals(st.lw[i + 1])) {
                accordingTo(text, cp, st, i, antecedents, out);
                i++;
                continue;
            }
            CueLexicon.Verb verb = CueLexicon.verb(st.w[i]);
            if (verb != null && st.tag[i].startsWith("VB") && !"citing".equals(st.lw[i]) && !infinitive(st, i)
                    && !insideAccording(st, i)) {
                Suggested sg = verb(text, cp, st, i, verb, antecedents);
                if (sg != null) {
                    out.add(sg);
                    verbs++;
                }
            }
        }
        for (int i = 0; i < st.n; i++) {
            if ("citing".equals(st.lw[i])) {
                citing(text, cp, st, i, antecedents, out);
            }
        }
        leaks(st, out);
        if (verbs == 0 && out.isEmpty()) {
            for (int i = 0; i < st.n; i++) {
                if (CueLexicon.ADVERBS.contains(st.lw[i])) {
                    Range content = trimmed(st, 0, st.n);
                    if (content != null) {
                        out.add(new Suggested(content, range(st, i, i + 1), "hedge", null, null, null, null,
                                List.of(), 0.55, List.of("cue=" + st.lw[i], "class=hedge", "src=none", "content=all",
                                        "len=" + bucket(content.length()))));
                    }
                    break;
                }
            }
        }
    }

    private static boolean infinitive(TaggedSentence st, int i) {
        return i > 0 && "to".equals(st.lw[i - 1]);
    }

    private static boolean insideAccording(TaggedSentence st, int i) {
        return false;
    }

    private Suggested verb(String text, int[] cp, TaggedSentence st, int v, CueLexicon.Verb verb, List<Antecedent> ant) {
        List<String> features = new ArrayList<>();
        features.add("cue=" + verb.lemma());
        features.add("class=" + verb.cueClass());
        features.add("tag=" + st.tag[v]);
        // Source on the left: skip auxiliaries and adverbs back to a noun phrase.
        int k = v - 1;
        while (k >= 0 && (AUXILIARIES.contains(st.lw[k]) || st.tag[k].equals("MD") || st.tag[k].equals("RB"))) {
            k--;
        }
        if (st.tag[v].equals("VBN") || st.tag[v].equals("VBD")) {
            for (int j = k + 1; j < v; j++) {
                if (st.lw[j].matches("was|were|been|being|is|are|be")) {
                    return null; // a passive: "had been warned" reports nothing
                }
            }
        }
        int srcFrom = -1;
        int srcTo = -1;
        boolean leftSource = false;
        if (k >= 0 && isNpEnd(st, k)) {
            srcTo = k + 1;
            srcFrom = extendLeft(st, npStart(st, k));
            leftSource = true;
        } else if (k >= 3 && ",".equals(st.w[k])) {
            int[] parenthetical = parenthetical(st, k);
            if (parenthetical != null) {
                srcFrom = parenthetical[0];
                srcTo = parenthetical[1];
                leftSource = true;
            }
        }
        if (srcFrom < 0 && st.tag[v].equals("VBG") && v >= 2 && ",".equals(st.w[v - 1])) {
            // "X disagreed, saying …": the subject of the sentence
            int f = 0;
            while (f < v && !isNpStart(st, f)) {
                f++;
            }
            if (f < v - 1) {
                srcFrom = f;
                srcTo = extendRight(st, f, npEnd(st, f));
                leftSource = true;
                features.add("participle");
            }
        }
        // Content to the right (after an audience object, "that", ":" or a quotation), or to the left.
        int r = v + 1;
        int objFrom = -1;
        int objTo = -1;
        if (CueLexicon.AUDIENCE_VERBS.contains(verb.lemma()) && r < st.n && isNpStart(st, r)) {
            objFrom = r;
            objTo = npEnd(st, r);
            r = objTo;
        }
        if (!leftSource && r < st.n && isNpStart(st, r) && leftContentAvailable(st, v)) {
            // "…, said Lin Wei-chen, an analyst at …": the subject follows the verb.
            srcFrom = r;
            srcTo = extendRight(st, r, npEnd(st, r));
            srcTo = appositiveRight(st, srcTo);
            r = srcTo;
        }
        Range content = null;
        String contentKind;
        int leftEnd = leftSource ? srcFrom : v;
        boolean clauseBefore = leftEnd > 0 && (",".equals(st.w[leftEnd - 1]) || CLOSE_QUOTES.contains(st.w[leftEnd - 1]))
                && leftEnd > 2;
        int rc = rightContentStart(st, r);
        boolean rightClause = rc >= 0 && hasVerb(st, rc, st.n);
        if (clauseBefore && !rightClause) {
            content = leftContent(text, cp, st, leftEnd);
            contentKind = "left";
        } else if (rc >= 0) {
            content = quoteOrTrim(st, rc);
            contentKind = rc < st.n && OPEN_QUOTES.contains(st.w[rc]) ? "quote" : (rc > r ? "that" : "right");
        } else {
            contentKind = "none";
        }
        if (content == null || content.length() == 0) {
            return null;
        }
        features.add("content=" + contentKind);
        features.add("len=" + bucket(content.length()));
        Range source = srcFrom >= 0 ? range(st, srcFrom, srcTo) : null;
        features.add("src=" + (source == null ? "none" : leftSource ? "left" : "right"));
        double score = verb.weight();
        Named named = source == null ? null : name(text, cp, st, srcFrom, srcTo, ant);
        if (named == null) {
            score -= 0.45;
            features.add("srcKind=none");
        } else {
            features.add("srcKind=" + named.kind());
            if (named.kind().equals("common") && !st.tag[srcTo - 1].startsWith("NN")) {
                score -= 0.2;
            }
        }
        if (content.length() < 12) {
            score -= 0.3;
        }
        if (contentKind.equals("right") && verb.cueClass().equals("belief")) {
            score -= 0.05;
        }
        if (st.tag[v].equals("VBG") && !features.contains("participle")) {
            score -= 0.25;
            features.add("gerund");
        }
        List<Hop> hops = new ArrayList<>();
        Range cue = range(st, v, v + 1);
        if (named != null) {
            hops.add(new Hop(named.name(), named.entryId(), named.type(), source, cue, "asserts"));
        }
        if (objFrom >= 0 && isProper(st, objFrom, objTo)) {
            Named outlet = name(text, cp, st, objFrom, objTo, ant);
            hops.add(new Hop(outlet.name(), outlet.entryId(), outlet.type(), range(st, objFrom, objTo), null, "reports"));
            features.add("audience=proper");
        }
        return new Suggested(content, cue, verb.cueClass(), source, named == null ? null : named.name(),
                named == null ? null : named.entryId(), named == null ? null : named.type(), hops,
                clamp(score), features);
    }

    static double clamp(double d) {
        return Math.max(0, Math.min(1, d));
    }

    static String bucket(int length) {
        return length < 20 ? "short" : length < 80 ? "medium" : "long";
    }
}
