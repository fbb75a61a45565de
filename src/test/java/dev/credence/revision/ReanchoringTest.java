package dev.credence.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.annotation.Offsets;
import dev.credence.revision.Reanchoring.Anchor;
import dev.credence.revision.Reanchoring.Method;
import dev.credence.revision.Reanchoring.Outcome;
import dev.credence.revision.Reanchoring.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Re-anchoring spans on a corrected text: pure, on small invented articles. */
class ReanchoringTest {
    static final String ARTICLE = """
            Harbor officials in Velmora said on Monday that two cargo ships left the port without clearance.
            The Kestrel Institute told reporters that the ships carried sensors for tracking submarines.
            A spokesperson for the navy denied the report, calling it "speculation".
            Analysts believe the incident will strain talks planned for next month.""";

    /** The span on the {@code nth} (0-based) occurrence of {@code exact} in {@code text}. */
    static Anchor anchor(String text, String exact, int nth) {
        int at = -1;
        for (int i = 0; i <= nth; i++) {
            at = text.indexOf(exact, at + 1);
        }
        assertTrue(at >= 0, "fixture: '" + exact + "' occurs " + (nth + 1) + " times");
        int start = Offsets.toCodePoint(text, at);
        int end = start + Offsets.length(exact);
        Offsets.Context c = Offsets.context(text, start, end);
        return new Anchor(start, end, c.exact(), c.prefix(), c.suffix());
    }

    static Anchor anchor(String text, String exact) {
        return anchor(text, exact, 0);
    }

    /** The placement's offsets select its exact text in the new text. */
    static void assertConsistent(String newText, Placement p) {
        assertEquals(p.exact(), Offsets.slice(newText, p.start(), p.end()));
        assertEquals(Offsets.context(newText, p.start(), p.end()).prefix(), p.prefix());
        assertEquals(Offsets.context(newText, p.start(), p.end()).suffix(), p.suffix());
    }

    static Placement place(String oldText, String newText, Anchor a) {
        Placement p = Reanchoring.between(oldText, newText).place(a);
        if (p.outcome() != Outcome.orphaned) {
            assertConsistent(newText, p);
        }
        return p;
    }

    @Test
    void unchangedTextKeepsEverySpanWhereItWas() {
        Anchor a = anchor(ARTICLE, "the ships carried sensors for tracking submarines");
        Placement p = place(ARTICLE, ARTICLE, a);
        assertEquals(Outcome.kept, p.outcome());
        assertEquals(a.start(), p.start());
        assertEquals(a.end(), p.end());
        assertTrue(Reanchoring.between(ARTICLE, ARTICLE).diff().unchanged());
    }

    @Test
    void insertionBeforeShiftsTheSpan() {
        String revised = "UPDATED 14:05 — " + ARTICLE;
        Anchor a = anchor(ARTICLE, "The Kestrel Institute");
        Placement p = place(ARTICLE, revised, a);
        assertEquals(Outcome.kept, p.outcome());
        assertEquals(a.start() + Offsets.length("UPDATED 14:05 — "), p.start());
        assertEquals("The Kestrel Institute", p.exact());
    }

    @Test
    void insertionAfterLeavesTheSpanAlone() {
        String revised = ARTICLE + "\nThe port reopened on Tuesday.";
        Anchor a = anchor(ARTICLE, "talks planned for next month");
        Placement p = place(ARTICLE, revised, a);
        assertEquals(Outcome.kept, p.outcome());
        assertEquals(a.start(), p.start());
        assertEquals(a.end(), p.end());
    }

    @Test
    void aWordInsertedInsideTheSpanIsAFuzzyMoveThatTakesTheWordIn() {
        String claim = "two cargo ships left the port without clearance";
        String revised = ARTICLE.replace("two cargo ships left", "two heavy cargo ships left");
        Placement p = place(ARTICLE, revised, anchor(ARTICLE, claim));
        assertEquals(Outcome.moved, p.outcome());
        assertEquals(Method.fuzzy, p.method());
        assertEquals("two heavy cargo ships left the port without clearance", p.exact());
        assertTrue(p.similarity() >= Reanchoring.MIN_SIMILARITY && p.similarity() < 1);
    }

    @Test
    void aLongInsertionInsideAShortSpanOrphansIt() {
        String revised = ARTICLE.replace("Harbor officials", "Harbor and customs officials of the northern district");
        Placement p = place(ARTICLE, revised, anchor(ARTICLE, "Harbor officials"));
        assertEquals(Outcome.orphaned, p.outcome());
        assertEquals("Harbor officials", p.exact(), "an orphan keeps its last text");
    }

    @Test
    void deletionBeforeShiftsTheSpanBack() {
        String revised = ARTICLE.replace(" on Monday", "");
        Anchor a = anchor(ARTICLE, "The Kestrel Institute");
        Placement p = place(ARTICLE, revised, a);
        assertEquals(Outcome.kept, p.outcome());
        assertEquals(a.start() - Offsets.length(" on Monday"), p.start());
    }

    @Test
    void deletingPartOfALongSpanMovesItFuzzily() {
        String claim = "A spokesperson for the navy denied the report, calling it \"speculation\".";
        String revised = ARTICLE.replace("the report, calling", "the report calling");
        Placement p = place(ARTICLE, revised, anchor(ARTICLE, claim));
        assertEquals(Outcome.moved, p.outcome());
        assertEquals(Method.fuzzy, p.method());
        assertEquals("A spokesperson for the navy denied the report calling it \"speculation\".", p.exact());
    }

    @Test
    void aChangedWordInAClaimIsFuzzyButInAShortMentionOrphans() {
        String revised = ARTICLE.replace("Kestrel Institute", "Kestrel Foundation");
        Placement claim = place(ARTICLE, revised,
                anchor(ARTICLE, "The Kestrel Institute told reporters that the ships carried sensors for tracking submarines."));
        assertEquals(Outcome.moved, claim.outcome());
        assertEquals(Method.fuzzy, claim.method());
        assertTrue(claim.exact().startsWith("The Kestrel Foundation told"));

        Placement mention = place(ARTICLE, revised, anchor(ARTICLE, "Kestrel Institute"));
        assertEquals(Outcome.orphaned, mention.outcome());
        assertEquals(Method.none, mention.method());
    }

    @Test
    void aRemovedParagraphOrphansItsSpansAndShiftsTheRest() {
        String removed = "A spokesperson for the navy denied the report, calling it \"speculation\".\n";
        String revised = ARTICLE.replace(removed, "");
        Placement gone = place(ARTICLE, revised, anchor(ARTICLE, "denied the report"));
        assertEquals(Outcome.orphaned, gone.outcome());
        Anchor after = anchor(ARTICLE, "Analysts believe");
        Placement p = place(ARTICLE, revised, after);
        assertEquals(Outcome.kept, p.outcome());
        assertEquals(after.start() - Offsets.length(removed), p.start());
    }

    @Test
    void aSentenceFoundTwiceGoesToTheOccurrenceWithItsContext() {
        String old = """
                Coverage from the capital.
                In Velmora, the minister said: the drills are routine. Fishing boats stayed home.
                In Dunmoor, the admiral said: the drills are routine. Ferries ran late.
                End of the report.""";
        // The two paragraphs swap places: one of them is deleted and inserted again by the diff.
        String revised = """
                Coverage from the capital.
                In Dunmoor, the admiral said: the drills are routine. Ferries ran late.
                In Velmora, the minister said: the drills are routine. Fishing boats stayed home.
                End of the report.""";
        Anchor minister = anchor(old, "the drills are routine.", 0);
        Anchor admiral = anchor(old, "the drills are routine.", 1);
        Placement pm = place(old, revised, minister);
        Placement pa = place(old, revised, admiral);
        int inVelmora = Offsets.toCodePoint(revised, revised.indexOf("the drills", revised.indexOf("Velmora")));
        int inDunmoor = Offsets.toCodePoint(revised, revised.indexOf("the drills", revised.indexOf("Dunmoor")));
        assertEquals(inVelmora, pm.start());
        assertEquals(inDunmoor, pa.start());
        assertTrue(List.of(Outcome.kept, Outcome.moved).contains(pm.outcome()));
        assertTrue(List.of(Outcome.kept, Outcome.moved).contains(pa.outcome()));
        assertTrue(pm.outcome() == Outcome.moved || pa.outcome() == Outcome.moved, "one went through the quote search");
    }

    @Test
    void aDuplicatedSentenceKeepsTheSpanOnOneCopy() {
        String sentence = "The Kestrel Institute told reporters that the ships carried sensors for tracking submarines.\n";
        String revised = ARTICLE.replace(sentence, sentence + sentence);
        Anchor a = anchor(ARTICLE, "the ships carried sensors");
        Placement p = place(ARTICLE, revised, a);
        assertEquals(Outcome.kept, p.outcome());
        assertEquals("the ships carried sensors", p.exact());
    }

    @Test
    void emojiAndCjkBeforeSpansCountAsOneCodePointEach() {
        String old = "谣言 spread fast. The ministry denied it.";
        String revised = "🐉🇹🇼 谣言 spread fast. The ministry firmly denied it.";
        Anchor a = anchor(old, "The ministry");
        Placement p = place(old, revised, a);
        assertEquals(Outcome.kept, p.outcome());
        assertEquals(a.start() + 4, p.start(), "🐉 is one code point, 🇹🇼 two, and a space one");
        Placement rumor = place(old, revised, anchor(old, "谣言"));
        assertEquals(Outcome.kept, rumor.outcome());
        assertEquals(4, rumor.start());
        Placement denied = place(old, revised, anchor(old, "denied it."));
        assertEquals(Outcome.kept, denied.outcome());
    }

    @Test
    void cjkWithoutSpacesDiffsCharacterByCharacter() {
        String old = "据报道，海军否认了这一谣言。分析人士认为会谈将推迟。";
        String revised = "据新华社报道，海军否认了这一谣言。分析人士认为会谈将推迟。";
        Placement p = place(old, revised, anchor(old, "海军否认了这一谣言"));
        assertEquals(Outcome.kept, p.outcome());
        assertEquals(Offsets.toCodePoint(revised, revised.indexOf("海军")), p.start());
    }

    @Test
    void spansWithEmojiInsideAndCombiningAccentsStayWhole() {
        String old = "Café owners 🐉 protested. Officials said nothing.";
        String revised = "Update: Café owners 🐉 protested loudly. Officials said nothing.";
        Placement p = place(old, revised, anchor(old, "Café owners 🐉 protested"));
        assertEquals(Outcome.kept, p.outcome());
        assertEquals("Café owners 🐉 protested", p.exact());
    }

    @Test
    void similarityIsDiceOverCodePoints() {
        assertEquals(1.0, Reanchoring.similarity("abc", "abc"));
        assertEquals(0.0, Reanchoring.similarity("abc", "xyz"));
        assertEquals(0.8, Reanchoring.similarity("abcde", "abcxy") + 0.2, 1e-9);
        assertEquals(2.0 * 2 / 5, Reanchoring.similarity("🐉谣言", "🐉言"), 1e-9);
    }

    @Test
    void thePreviewPiecesRebuildBothTexts() {
        String revised = ARTICLE.replace(" on Monday", "").replace("Analysts", "🐉 Analysts") + "\nMore later.";
        TextDiff d = Reanchoring.between(ARTICLE, revised).diff();
        StringBuilder oldBack = new StringBuilder();
        StringBuilder newBack = new StringBuilder();
        for (TextDiff.Piece piece : d.pieces()) {
            if (piece.kind() != TextDiff.Kind.inserted) {
                oldBack.append(piece.text());
            }
            if (piece.kind() != TextDiff.Kind.deleted) {
                newBack.append(piece.text());
            }
        }
        assertEquals(ARTICLE, oldBack.toString());
        assertEquals(revised, newBack.toString());
        assertTrue(d.pieces().stream().anyMatch(x -> x.kind() == TextDiff.Kind.deleted && x.text().strip().equals("on Monday")));
    }
}
