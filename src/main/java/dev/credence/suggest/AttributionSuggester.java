package dev.credence.suggest;

import dev.credence.nlp.EnglishModels;
import dev.credence.nlp.Segmentation;
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
    private static final Set<String> ATTACHMENTS = Set.of("of", "at", "for", "from", "with", "in");
    private static final Set<String> OPEN_QUOTES = Set.of("“", "\"", "‘", "``");
    private static final Set<String> CLOSE_QUOTES = Set.of("”", "\"", "’", "''");
    private static final Set<String> FINAL = Set.of(".", "!", "?", "”", "\"", "’", "''", ":", ";", ",");
    private static final Set<String> ORG_WORDS = Set.of("ministry", "agency", "institute", "times", "post", "news",
            "council", "office", "department", "committee", "university", "group", "firm", "company", "corp",
            "inc", "bureau", "service", "army", "navy", "force", "forces", "government", "party", "center", "centre",
            "foundation", "lab", "labs", "agency's", "journal", "herald", "press", "tribune", "daily", "command",
            "administration", "parliament", "assembly", "commission", "association", "network", "security");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we");

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

    /** A sentence with its tokens, tags and chunks; {@code s}/{@code e} are code-point offsets. */
    private static final class Sent {
        String[] w;
        String[] lw;
        String[] tag;
        String[] chunk;
        int[] s;
        int[] e;
        RegistryNames.Match[] reg;
        int n;
    }

    /** Named sources seen so far in the document, for pronouns: name, whether a person, registry entry. */
    private record Antecedent(int end, String name, boolean person, boolean plural, RegistryNames.Entry entry) {
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
            Sent st = prepare(sentence);
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

    private Sent prepare(Segmentation.Sentence sentence) {
        Sent st = new Sent();
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

    // ------------------------------------------------------------------ one sentence

    private void sentence(String text, int[] cp, Sent st, List<Antecedent> antecedents, List<Suggested> out) {
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

    private static boolean infinitive(Sent st, int i) {
        return i > 0 && "to".equals(st.lw[i - 1]);
    }

    private static boolean insideAccording(Sent st, int i) {
        return false;
    }

    private Suggested verb(String text, int[] cp, Sent st, int v, CueLexicon.Verb verb, List<Antecedent> ant) {
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
            features.add("srcKind=" + named.kind);
            if (named.kind.equals("common") && !st.tag[srcTo - 1].startsWith("NN")) {
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
            hops.add(new Hop(named.name, named.entryId(), named.type(), source, cue, "asserts"));
        }
        if (objFrom >= 0 && isProper(st, objFrom, objTo)) {
            Named outlet = name(text, cp, st, objFrom, objTo, ant);
            hops.add(new Hop(outlet.name, outlet.entryId(), outlet.type(), range(st, objFrom, objTo), null, "reports"));
            features.add("audience=proper");
        }
        return new Suggested(content, cue, verb.cueClass(), source, named == null ? null : named.name,
                named == null ? null : named.entryId(), named == null ? null : named.type(), hops,
                clamp(score), features);
    }

    private void accordingTo(String text, int[] cp, Sent st, int i, List<Antecedent> ant, List<Suggested> out) {
        int from = i + 2;
        if (from >= st.n || !isNpStart(st, from)) {
            return;
        }
        int to = extendRight(st, from, npEnd(st, from));
        int docTo = to;
        Range cue = range(st, i, i + 2);
        Named named = name(text, cp, st, from, to, ant);
        List<Hop> hops = new ArrayList<>();
        hops.add(new Hop(named.name, named.entryId(), named.type(), range(st, from, docTo), cue, "asserts"));
        int after = to;
        if (after + 2 < st.n && CueLexicon.LEAK_VERBS.contains(st.lw[after]) && "by".equals(st.lw[after + 1])
                && isNpStart(st, after + 2)) {
            int oTo = extendRight(st, after + 2, npEnd(st, after + 2));
            Named outlet = name(text, cp, st, after + 2, oTo, ant);
            hops.add(new Hop(outlet.name, outlet.entryId(), outlet.type(), range(st, after + 2, oTo),
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
        out.add(new Suggested(content, cue, "citation", range(st, from, docTo), named.name, named.entryId(),
                named.type(), hops, clamp(0.9 - (content.length() < 12 ? 0.3 : 0)),
                List.of("cue=according_to", "class=citation", "src=right", "srcKind=" + named.kind,
                        "content=" + (i <= 1 ? "right" : "left"), "len=" + bucket(content.length()))));
    }

    /** "…, citing X": X becomes the originator of the sentence's attribution (or its own when there is none). */
    private void citing(String text, int[] cp, Sent st, int i, List<Antecedent> ant, List<Suggested> out) {
        if (i + 1 >= st.n || !isNpStart(st, i + 1)) {
            return;
        }
        int to = extendRight(st, i + 1, npEnd(st, i + 1));
        Named named = name(text, cp, st, i + 1, to, ant);
        Hop origin = new Hop(named.name, named.entryId(), named.type(), range(st, i + 1, to), range(st, i, i + 1),
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
            out.add(new Suggested(content, range(st, i, i + 1), "citation", range(st, i + 1, to), named.name,
                    named.entryId(), named.type(), List.of(origin), 0.7,
                    List.of("cue=citing", "class=citation", "src=right", "srcKind=" + named.kind, "content=left",
                            "len=" + bucket(content.length()))));
        }
    }

    /** "… a document seen by POLITICO …" outside "according to": the outlet becomes the last hop. */
    private static void leaks(Sent st, List<Suggested> out) {
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

    // ------------------------------------------------------------------ content

    /** Where the reported content starts to the right of {@code r}, or -1: after "that", ":", at a quotation. */
    private static int rightContentStart(Sent st, int r) {
        int i = r;
        // ", citing X," between the verb and its content
        if (i + 1 < st.n && ",".equals(st.w[i]) && "citing".equals(st.lw[i + 1])) {
            i += 2;
            while (i < st.n && !",".equals(st.w[i]) && !"that".equals(st.lw[i])) {
                i++;
            }
            if (i < st.n && ",".equals(st.w[i])) {
                i++;
            }
        }
        for (int j = i; j < Math.min(st.n, i + 9); j++) {
            if ("that".equals(st.lw[j]) && !hasVerb(st, i, j) && (j == i || adverbial(st, i))) {
                return j + 1 < st.n ? j + 1 : -1;
            }
            if (st.tag[j].startsWith("VB") || ",".equals(st.w[j]) || OPEN_QUOTES.contains(st.w[j])) {
                break;
            }
        }
        if (i < st.n && (":".equals(st.w[i]) || ",".equals(st.w[i]))) {
            i++;
        }
        if (i >= st.n || FINAL.contains(st.w[i]) && !OPEN_QUOTES.contains(st.w[i])) {
            return -1;
        }
        return i;
    }

    private static final Set<String> TIME_WORDS = Set.of("last", "this", "earlier", "yesterday", "today", "later",
            "on", "in", "at", "during", "after", "before");

    /** Words between a verb and "that" that do not make an object: "in a statement on Tuesday", "earlier this week". */
    private static boolean adverbial(Sent st, int i) {
        return st.tag[i].equals("IN") || st.tag[i].startsWith("RB") || TIME_WORDS.contains(st.lw[i]);
    }

    /** A quotation from {@code i} (inside its marks), else the rest of the sentence trimmed. */
    private static Range quoteOrTrim(Sent st, int i) {
        if (OPEN_QUOTES.contains(st.w[i])) {
            for (int j = i + 1; j < st.n; j++) {
                if (CLOSE_QUOTES.contains(st.w[j])) {
                    return trimmed(st, i + 1, j);
                }
            }
            return trimmed(st, i + 1, st.n);
        }
        return trimmed(st, i, st.n);
    }

    /**
     * The content before token {@code end} (the source or verb): from the sentence start, or from the opening
     * quotation mark, which may lie in an earlier sentence of the same paragraph.
     */
    private static Range leftContent(String text, int[] cp, Sent st, int end) {
        int to = end;
        Range r = trimmed(st, 0, to);
        if (r == null) {
            return null;
        }
        boolean closes = false;
        for (int j = to - 1; j >= 0 && j >= to - 2; j--) {
            if (CLOSE_QUOTES.contains(st.w[j])) {
                closes = true;
            }
        }
        if (closes && !OPEN_QUOTES.contains(st.w[0])) {
            // find the opening mark backwards in the paragraph
            int u = cp[st.s[0]];
            int limit = Math.max(0, u - 3000);
            for (int p = u - 1; p >= limit; p--) {
                char c = text.charAt(p);
                if (c == '\n') {
                    break;
                }
                if (c == '“') {
                    int startCp = utf16ToCp(cp, p + 1);
                    return new Range(startCp, r.end());
                }
            }
        }
        return r;
    }

    /**
     * A claim without the quotation marks around it and the punctuation after it, at character level (the 1.5
     * tokenizer leaves “ and ” glued to words); a closing mark stays when the claim opened it ("was “shallow”").
     */
    static Range tidy(String text, int[] cp, Range r) {
        int from = r.start();
        int to = r.end();
        boolean changed = true;
        while (changed && from < to) {
            changed = false;
            int first = text.codePointAt(cp[from]);
            if (Character.isWhitespace(first) || first == '“' || first == '"' || first == '‘' || first == ',') {
                from++;
                changed = true;
                continue;
            }
            int last = text.codePointAt(cp[to - 1]);
            if (Character.isWhitespace(last) || ",.;:!?".indexOf(last) >= 0) {
                to--;
                changed = true;
            } else if (last == '”' || last == '"' || last == '’') {
                String inner = text.substring(cp[from], cp[to]);
                long opens = inner.chars().filter(c -> c == '“').count();
                long closes = inner.chars().filter(c -> c == '”').count();
                if (last != '”' || closes > opens) {
                    to--;
                    changed = true;
                }
            }
        }
        return from < to ? new Range(from, to) : null;
    }

    /** Tokens [from, to) without leading quotation marks and trailing punctuation/quotation marks; null if empty. */
    private static Range trimmed(Sent st, int from, int to) {
        while (from < to && (OPEN_QUOTES.contains(st.w[from]) || ",".equals(st.w[from]))) {
            from++;
        }
        while (to > from && FINAL.contains(st.w[to - 1])) {
            to--;
        }
        if (to <= from) {
            return null;
        }
        return range(st, from, to);
    }

    private static boolean leftContentAvailable(Sent st, int v) {
        int k = v - 1;
        return k >= 2 && (",".equals(st.w[k]) || CLOSE_QUOTES.contains(st.w[k]));
    }

    private static boolean hasVerb(Sent st, int from, int to) {
        for (int i = from; i < to; i++) {
            if (st.tag[i].startsWith("VB") || st.tag[i].equals("MD")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ noun phrases

    private static boolean isNp(Sent st, int i) {
        return (st.chunk[i].endsWith("-NP") || st.tag[i].equals("PRP")) && isWord(st.w[i])
                && !st.tag[i].equals("WDT") && !st.tag[i].equals("WP") && !st.lw[i].equals("that");
    }

    private static boolean isWord(String w) {
        return w.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean isNpEnd(Sent st, int k) {
        return isNp(st, k) && (k + 1 >= st.n || !st.chunk[k + 1].equals("I-NP"));
    }

    private static boolean isNpStart(Sent st, int i) {
        return i < st.n && isNp(st, i) && (st.chunk[i].equals("B-NP") || st.tag[i].equals("PRP")
                || st.chunk[i].equals("I-NP") && (i == 0 || !isNp(st, i - 1)));
    }

    private static int npStart(Sent st, int k) {
        int i = k;
        while (i > 0 && (st.chunk[i].equals("I-NP") || st.w[i].startsWith("'") || st.w[i].startsWith("’"))
                && isNp(st, i - 1)) {
            i--;
        }
        return i;
    }

    private static int npEnd(Sent st, int i) {
        int j = i + 1;
        while (j < st.n && (st.chunk[j].equals("I-NP") || st.w[j].startsWith("'") && j + 1 < st.n
                && st.chunk[j + 1].endsWith("-NP"))) {
            j++;
        }
        return j;
    }

    /** Extends a subject leftwards over "NP of/at/for NP" and an appositive "NP, NP,". */
    private static int extendLeft(Sent st, int from) {
        while (true) {
            if (from >= 2 && ATTACHMENTS.contains(st.lw[from - 1]) && isNp(st, from - 2)) {
                from = npStart(st, from - 2);
            } else if (from >= 3 && st.tag[from - 1].equals("IN") && modifier(st, from - 2) && isNp(st, from - 3)) {
                from = npStart(st, from - 3);
            } else {
                return from;
            }
        }
    }

    /** Extends an object rightwards over "of/at/for/from/with NP" (not over "in" + a time). */
    private static int extendRight(Sent st, int from, int to) {
        while (true) {
            if (to + 1 < st.n && ATTACHMENTS.contains(st.lw[to]) && !"in".equals(st.lw[to]) && isNpStart(st, to + 1)) {
                to = npEnd(st, to + 1);
            } else if (to + 2 < st.n && modifier(st, to) && st.tag[to + 1].equals("IN") && isNpStart(st, to + 2)) {
                to = npEnd(st, to + 2);
            } else {
                return to;
            }
        }
    }

    /** ", an analyst at TeamT5" after an inverted subject. */
    private static int appositiveRight(Sent st, int to) {
        if (to + 1 < st.n && ",".equals(st.w[to]) && (st.lw[to + 1].equals("who") || st.lw[to + 1].equals("which"))) {
            return to;
        }
        if (to + 1 < st.n && ",".equals(st.w[to]) && isNpStart(st, to + 1)
                && ("DT".equals(st.tag[to + 1]) || st.tag[to + 1].startsWith("JJ") || st.tag[to + 1].startsWith("NN"))) {
            int end = extendRight(st, to + 1, npEnd(st, to + 1));
            if (end >= st.n || FINAL.contains(st.w[end])) {
                return end;
            }
        }
        return to;
    }

    /** "familiar (with)", "released (by)", "involved (in)": a modifier that takes a prepositional object. */
    private static boolean modifier(Sent st, int i) {
        return (st.tag[i].equals("JJ") || st.tag[i].equals("VBN")) && CueLexicon.verb(st.w[i]) == null
                && !CueLexicon.LEAK_VERBS.contains(st.lw[i]);
    }

    /**
     * The subject before a parenthetical that ends at the comma {@code k}: "Jonas Brandt, its chief executive," (an
     * appositive, kept in the source) or "A port official, who spoke …," / "The assessment, dated in June," (a
     * clause, left out). Returns [from, to) or null.
     */
    private static int[] parenthetical(Sent st, int k) {
        for (int c = k - 2; c >= 1 && c >= k - 16; c--) {
            if (!",".equals(st.w[c])) {
                continue;
            }
            if (!isNpEnd(st, c - 1)) {
                return null;
            }
            int subjectFrom = extendLeft(st, npStart(st, c - 1));
            if (subjectFrom > 0 && !(subjectFrom == 1 && st.tag[0].equals("CC"))) {
                return null;
            }
            String first = st.lw[c + 1];
            String tag = st.tag[c + 1];
            if (first.equals("who") || first.equals("which") || tag.equals("VBN") || tag.equals("VBG")) {
                return new int[] { subjectFrom, c };
            }
            if (isNpStart(st, c + 1) && isNpEnd(st, k - 1) && extendLeft(st, npStart(st, k - 1)) == c + 1) {
                return new int[] { subjectFrom, k };
            }
            return null;
        }
        return null;
    }

    private static boolean isProper(Sent st, int from, int to) {
        for (int i = from; i < to; i++) {
            if (st.tag[i].startsWith("NNP") || st.reg[i] != null) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ names

    private record Named(String name, String kind, RegistryNames.Entry entry) {
        Long entryId() {
            return entry == null ? null : entry.id();
        }

        String type() {
            return entry == null ? null : entry.type();
        }
    }

    /** The name a source span stands for: a registry entry in it, a proper name, a resolved pronoun, its text. */
    private Named name(String text, int[] cp, Sent st, int from, int to, List<Antecedent> ant) {
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

    private static int[] properRun(Sent st, int from, int to, boolean first) {
        int[] best = null;
        int i = from;
        while (i < to) {
            if (st.tag[i].startsWith("NNP")) {
                int j = i;
                while (j < to && (st.tag[j].startsWith("NNP") || st.w[j].equals("-"))) {
                    j++;
                }
                best = new int[] { i, j };
                if (first) {
                    return best;
                }
                i = j;
            } else {
                i++;
            }
        }
        return best;
    }

    private static String join(Sent st, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from && st.s[i] > st.e[i - 1]) {
                sb.append(' ');
            }
            sb.append(st.w[i]);
        }
        return sb.toString().replaceAll(" ?'s$", "");
    }

    /** Adds this sentence's named phrases as antecedents for later pronouns. */
    private static void remember(Sent st, List<Antecedent> ant) {
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

    // ------------------------------------------------------------------ helpers

    private static Range range(Sent st, int from, int to) {
        return new Range(st.s[from], st.e[to - 1]);
    }

    private static double clamp(double d) {
        return Math.max(0, Math.min(1, d));
    }

    static String bucket(int length) {
        return length < 20 ? "short" : length < 80 ? "medium" : "long";
    }

    /** UTF-16 index of each code point (plus one past the end). */
    private static int[] codePointIndex(String text) {
        int n = text.codePointCount(0, text.length());
        int[] idx = new int[n + 1];
        int u = 0;
        for (int c = 0; c < n; c++) {
            idx[c] = u;
            u += Character.charCount(text.codePointAt(u));
        }
        idx[n] = text.length();
        return idx;
    }

    private static int utf16ToCp(int[] cp, int utf16) {
        int i = java.util.Arrays.binarySearch(cp, utf16);
        return i >= 0 ? i : -i - 2;
    }
}
