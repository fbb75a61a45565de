package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.annotation.CueClass;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Relation;
import dev.credence.source.SourceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BratStandoffTest {
    static final BratStandoffReader.Config CONFIG = BratStandoffReader.config(BratConfig.annotationConf());

    private static String ann(ExportRows.Layer layer) {
        return BratStandoff.ann(ExportSamples.TEXT, layer, id -> "http://x/api/v1/sources/" + id);
    }

    @Test
    void configDeclaresEveryValue() {
        assertEquals(List.of("Claim", "Source_mention", "Cue"), List.copyOf(CONFIG.entities()));
        assertEquals(List.of("asserts", "reports", "cites", "quotes", "leaked_via", "cue_for"),
                List.copyOf(CONFIG.relations().keySet()));
        assertEquals(6, CONFIG.attributeValues().get("Kind").size());
        assertEquals(6, CONFIG.attributeValues().get("Cue_class").size());
        assertTrue(CONFIG.attributeArgs().get("Reliability").contains("leaked_via"));
        assertTrue(CONFIG.overlapAllowed());
    }

    @Test
    void everyTextBoundMatchesTheTextByCodePoints() {
        ExportRows.Layer reviewer = ExportSamples.document().layers().get(0);
        BratStandoffReader.Ann ann = BratStandoffReader.read(ExportSamples.TEXT, ann(reviewer), CONFIG);
        assertEquals(2, ann.ofType("Claim").size());
        BratStandoffReader.TextBound claim = ann.ofType("Claim").get(0);
        // The claim ends with the line break: brat cannot hold it in the text field, so the fragment stops before.
        assertEquals(1, claim.fragments().size());
        assertEquals(ExportSamples.start("\"Copper Kite\", a group"), claim.start());
        assertTrue(claim.text().endsWith("twice."));
        assertEquals("Lanternfish", ann.ofType("Source_mention").get(0).text());
        assertEquals("told", ann.ofType("Cue").get(0).text());
        assertEquals("event", ann.attribute(claim.id(), "Kind"));
        assertEquals("3", ann.attribute(claim.id(), "Credibility"));
        assertEquals("yes", ann.attribute(claim.id(), "Check_worthy"));
        assertEquals("speech", ann.attribute(ann.ofType("Cue").get(0).id(), "Cue_class"));
        String note = ann.note(claim.id());
        assertTrue(note.startsWith("Only the firm's word, \"for now\" · evidence: https://example.org/a,b · chain: "),
                note);
        assertTrue(note.endsWith("Harbor Ledger (reports) ← Lanternfish (asserts, C)"), note);
        assertEquals("source: Lanternfish <http://x/api/v1/sources/7>", ann.note(ann.ofType("Source_mention").get(0).id()));
    }

    @Test
    void hopsAreRelationsWithTheirReliability() {
        ExportRows.Layer reviewer = ExportSamples.document().layers().get(0);
        BratStandoffReader.Ann ann = BratStandoffReader.read(ExportSamples.TEXT, ann(reviewer), CONFIG);
        String claim = ann.ofType("Claim").get(0).id();
        String mention = ann.ofType("Source_mention").get(0).id();
        String cue = ann.ofType("Cue").get(0).id();
        BratStandoffReader.Relation hop = ann.relations().get(0);
        assertEquals("asserts", hop.type());
        assertEquals(mention, hop.arg1());
        assertEquals(claim, hop.arg2());
        assertEquals("C", ann.attribute(hop.id(), "Reliability"));
        BratStandoffReader.Relation cueLink = ann.relations().get(1);
        assertEquals("cue_for", cueLink.type());
        assertEquals(cue, cueLink.arg1());
        assertEquals(mention, cueLink.arg2());
        assertEquals(2, ann.relations().size(), "the outlet hop has no mention, so no relation (it is in the note)");
    }

    @Test
    void aSpanOverALineBreakBecomesFragments() {
        String text = ExportSamples.TEXT;
        String exact = "twice.\nThe ministry";
        ExportRows.Claim claim = new ExportRows.Claim(1, 1, ExportSamples.start(exact), ExportSamples.end(exact), exact,
                "", "", null, null, null, null, "line one\nline two\u2028three", null, List.of());
        ExportRows.Layer layer = new ExportRows.Layer(1, 1, LayerKind.gold, LayerState.submitted, null, null,
                List.of(claim), List.of(), List.of());
        String written = BratStandoff.ann(text, layer, id -> "");
        BratStandoffReader.Ann ann = BratStandoffReader.read(text, written, CONFIG);
        BratStandoffReader.TextBound t = ann.ofType("Claim").get(0);
        assertEquals(2, t.fragments().size());
        assertEquals("twice. The ministry", t.text());
        assertEquals("line one line two three", ann.note(t.id()));
        assertNull(ann.attribute(t.id(), "Kind"));
        assertFalse(written.contains("\u2028"));
    }

    @Test
    void aHopOnAnotherLayersSpansStillResolves() {
        List<ExportRows.Hop> hops = new ArrayList<>();
        ExportRows.Claim claim = new ExportRows.Claim(5, 1, ExportSamples.start("谣言"), ExportSamples.end("谣言"), "谣言",
                "", "", null, null, null, null, null, null, hops);
        hops.add(new ExportRows.Hop(5, 0, 9, "The ministry", SourceType.government_statement, null,
                new ExportRows.SpanRef(77, ExportSamples.start("The ministry"), ExportSamples.end("The ministry"),
                        "The ministry"),
                new ExportRows.CueRef(78, ExportSamples.start("said"), ExportSamples.end("said"), "said", "speech"),
                "quotes", "F"));
        ExportRows.Layer layer = new ExportRows.Layer(1, 1, LayerKind.gold, LayerState.submitted, null, null,
                List.of(claim), List.of(), List.of());
        BratStandoffReader.Ann ann = BratStandoffReader.read(ExportSamples.TEXT, BratStandoff.ann(ExportSamples.TEXT,
                layer, id -> ""), CONFIG);
        assertEquals("The ministry", ann.ofType("Source_mention").get(0).text());
        assertEquals("said", ann.ofType("Cue").get(0).text());
        assertEquals("quotes", ann.relations().get(0).type());
        assertEquals("F", ann.attribute(ann.relations().get(0).id(), "Reliability"));
    }
}
