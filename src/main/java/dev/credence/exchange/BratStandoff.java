package dev.credence.exchange;

import dev.credence.annotation.AttributionChain;
import dev.credence.annotation.Offsets;
import dev.credence.nlp.Segmentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * One layer of one document as a brat standoff {@code .ann} file (brat's reader: nlplab/brat
 * server/src/annotation.py; types declared by {@link BratConfig}):
 * <ul>
 * <li>{@code T} text-bound: {@code Claim}, {@code Source_mention}, {@code Cue};</li>
 * <li>{@code R} relations: one per attribution hop that has a mention, typed by the hop's relation
 *     ({@code asserts}, {@code reports}, ...; Arg1 the mention, Arg2 the claim), and {@code cue_for} from a
 *     hop's cue to its mention (or to the claim when the hop names no mention);</li>
 * <li>{@code A} attributes: the claim's {@code Kind}, {@code Stance}, {@code Check_worthy}, {@code Credibility},
 *     the hop's {@code Reliability} (on its relation), the cue's {@code Cue_class};</li>
 * <li>{@code #} {@code AnnotatorNotes}: the claim's rationale, evidence URL and chain; the registry source
 *     a mention names.</li>
 * </ul>
 * brat's offsets are Python string indices into the .txt read as UTF-8, i.e. code points: Credence's offsets
 * as they are. A span that runs over a line break is written as fragments split there ({@code T1 Claim 3 9;10 20}),
 * because the .ann is read line by line and the text field cannot hold a line break; brat joins the
 * fragments' texts with one space, and so does this writer.
 */
public final class BratStandoff {
    private final Offsets.CodePointIndex text;
    private final LongFunction<String> sourceIri;
    private final StringBuilder textBound = new StringBuilder();
    private final StringBuilder relations = new StringBuilder();
    private final StringBuilder attributes = new StringBuilder();
    private final StringBuilder notes = new StringBuilder();
    private int t;
    private int r;
    private int a;
    private int n;

    private BratStandoff(String text, LongFunction<String> sourceIri) {
        this.text = Offsets.CodePointIndex.of(text);
        this.sourceIri = sourceIri;
    }

    /**
     * The .ann content of {@code layer} over {@code text}; {@code sourceIri} gives a registry source's IRI for
     * the mention notes.
     */
    public static String ann(String text, ExportRows.Layer layer, LongFunction<String> sourceIri) {
        return new BratStandoff(text, sourceIri).write(layer);
    }

    private String write(ExportRows.Layer layer) {
        Map<Long, String> claimIds = new HashMap<>();
        Map<Long, String> mentionIds = new HashMap<>();
        Map<Long, String> cueIds = new HashMap<>();
        for (ExportRows.Claim c : layer.claims()) {
            String id = textBound(BratConfig.CLAIM, c.start(), c.end());
            claimIds.put(c.id(), id);
            if (c.kind() != null) {
                attribute(BratConfig.KIND, id, c.kind());
            }
            if (c.stance() != null) {
                attribute(BratConfig.STANCE, id, c.stance());
            }
            if (c.checkWorthy() != null) {
                attribute(BratConfig.CHECK_WORTHY, id, c.checkWorthy() ? "yes" : "no");
            }
            if (c.credibility() != null && c.credibility() >= 1 && c.credibility() <= 6) {
                attribute(BratConfig.CREDIBILITY, id, c.credibility().toString());
            }
            note(id, claimNote(c));
        }
        for (ExportRows.Mention m : layer.mentions()) {
            String id = textBound(BratConfig.SOURCE_MENTION, m.start(), m.end());
            mentionIds.put(m.id(), id);
            if (m.sourceId() != null) {
                note(id, "source: " + m.sourceName() + " <" + sourceIri.apply(m.sourceId()) + ">");
            }
        }
        for (ExportRows.Cue c : layer.cues()) {
            String id = textBound(BratConfig.CUE, c.start(), c.end());
            cueIds.put(c.id(), id);
            if (c.cueClass() != null) {
                attribute(BratConfig.CUE_CLASS, id, c.cueClass());
            }
        }
        Set<String> written = new HashSet<>();
        for (ExportRows.Claim c : layer.claims()) {
            String claim = claimIds.get(c.id());
            for (ExportRows.Hop h : c.hops()) {
                String mention = null;
                if (h.mention() != null) {
                    // A hop may point at a span of another layer (the schema allows it): give it a T here.
                    mention = mentionIds.computeIfAbsent(h.mention().id(),
                            k -> textBound(BratConfig.SOURCE_MENTION, h.mention().start(), h.mention().end()));
                    if (h.relation() != null && written.add(h.relation() + " " + mention + " " + claim)) {
                        String rel = relation(h.relation(), mention, claim);
                        if (h.reliability() != null && h.reliability().matches("[A-F]")) {
                            attribute(BratConfig.RELIABILITY, rel, h.reliability());
                        }
                    }
                }
                if (h.cue() != null) {
                    String cue = cueIds.computeIfAbsent(h.cue().id(), k -> {
                        String id = textBound(BratConfig.CUE, h.cue().start(), h.cue().end());
                        if (h.cue().cueClass() != null) {
                            attribute(BratConfig.CUE_CLASS, id, h.cue().cueClass());
                        }
                        return id;
                    });
                    String target = mention != null ? mention : claim;
                    if (written.add(BratConfig.CUE_FOR + " " + cue + " " + target)) {
                        relation(BratConfig.CUE_FOR, cue, target);
                    }
                }
            }
        }
        return textBound.append(relations).append(attributes).append(notes).toString();
    }

    private static String claimNote(ExportRows.Claim c) {
        List<String> parts = new ArrayList<>(3);
        if (c.rationale() != null && !c.rationale().isBlank()) {
            parts.add(c.rationale().strip());
        }
        if (c.evidenceUrl() != null && !c.evidenceUrl().isBlank()) {
            parts.add("evidence: " + c.evidenceUrl().strip());
        }
        if (!c.hops().isEmpty()) {
            parts.add("chain: " + chain(c.hops()));
        }
        for (ExportRows.Link l : c.links()) {
            // brat relations stay inside one document; a link to another article is a note on the claim.
            parts.add(l.relation() + " (" + l.origin() + " origin) claim " + l.targetClaimId() + " in document "
                    + l.targetDocumentId());
        }
        return String.join(" · ", parts);
    }

    /**
     * The chain as the reader sees it, outlet first, each source with its relation and reliability:
     * "Harbor Ledger (reports) ← Lanternfish (asserts, C)". It keeps the hops that name no mention,
     * which have no R line.
     */
    static String chain(List<ExportRows.Hop> hops) {
        return AttributionChain.of(hops, h -> h.sourceName() + " (" + (h.relation() == null ? "?" : h.relation())
                + (h.reliability() != null ? ", " + h.reliability() : "") + ")");
    }

    /** Writes a T line and returns its id. */
    private String textBound(String type, int start, int end) {
        String id = "T" + (++t);
        List<int[]> fragments = fragments(start, end);
        textBound.append(id).append('\t').append(type).append(' ');
        StringBuilder covered = new StringBuilder();
        for (int i = 0; i < fragments.size(); i++) {
            int[] f = fragments.get(i);
            if (i > 0) {
                textBound.append(';');
                covered.append(' ');
            }
            textBound.append(f[0]).append(' ').append(f[1]);
            covered.append(text.slice(f[0], f[1]));
        }
        textBound.append('\t').append(covered).append('\n');
        return id;
    }

    /**
     * [start, end) cut at every line break into the non-empty runs between them. A span of line breaks only
     * keeps a zero-width fragment at its start, so that brat still has a T to refer to.
     */
    List<int[]> fragments(int start, int end) {
        List<int[]> out = new ArrayList<>(1);
        String s = text.text();
        int from = start;
        int u = text.toUtf16(start);
        for (int cp = start; cp < end; cp++) {
            char c = s.charAt(u);
            if (Segmentation.isLineBreak(c)) {
                if (cp > from) {
                    out.add(new int[] { from, cp });
                }
                from = cp + 1;
            }
            u += Character.charCount(s.codePointAt(u));
        }
        if (end > from) {
            out.add(new int[] { from, end });
        }
        if (out.isEmpty()) {
            out.add(new int[] { start, start });
        }
        return out;
    }

    private String relation(String type, String arg1, String arg2) {
        String id = "R" + (++r);
        relations.append(id).append('\t').append(type).append(" Arg1:").append(arg1).append(" Arg2:").append(arg2)
                .append('\t').append('\n');
        return id;
    }

    private void attribute(String type, String target, String value) {
        attributes.append('A').append(++a).append('\t').append(type).append(' ').append(target).append(' ')
                .append(value).append('\n');
    }

    private void note(String target, String note) {
        String line = oneLine(note);
        if (line.isEmpty()) {
            return;
        }
        notes.append('#').append(++n).append('\t').append(BratConfig.NOTES).append(' ').append(target).append('\t')
                .append(line).append('\n');
    }

    /** A note on one .ann line: line breaks (as Python's str.splitlines sees them) become spaces. */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Segmentation.isLineBreak(c) ? ' ' : c);
        }
        return sb.toString().strip();
    }
}
