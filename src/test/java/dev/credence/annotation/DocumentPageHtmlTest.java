package dev.credence.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.annotation.schema.LabelSchema;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The document page's text segments and claim items, written without a template (issue 10, item 5). */
class DocumentPageHtmlTest {
    static final String TEXT = "Harbour 🌊⚓ 港口 — “Kestrel <Labs> & Co” said 'ports' were probed.\n\nOfficials declined 👍🏽.";

    static int cp(String needle) {
        return TEXT.codePointCount(0, TEXT.indexOf(needle));
    }

    static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    @Test
    void textSegmentsKeepTheTextAndItsCodePointOffsets() {
        String claim = "“Kestrel <Labs> & Co” said 'ports' were probed.";
        String mention = "Kestrel <Labs> & Co";
        List<Segmenter.Segment> segments = Segmenter.segments(TEXT, List.of(
                Segmenter.Mark.claim(7, cp(claim), cp(claim) + len(claim)),
                Segmenter.Mark.mention(3, cp(mention), cp(mention) + len(mention)),
                Segmenter.Mark.cue(4, cp("said"), cp("said") + 4)));
        Element root = Jsoup.parseBodyFragment("<div id=t>" + DocumentPageHtml.text(segments).getValue() + "</div>")
                .getElementById("t");
        assertEquals(TEXT, root.wholeText(), "every character, escaped and back, in order");
        Elements spans = root.children();
        assertEquals(segments.size(), spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Element span = spans.get(i);
            assertTrue(span.hasClass("seg"));
            // data-s is the code-point offset of the segment's first character in the document text
            int start = Integer.parseInt(span.attr("data-s"));
            assertEquals(segments.get(i).startCp(), start);
            String before = new String(TEXT.codePoints().limit(start).toArray(), 0, start);
            assertTrue(TEXT.startsWith(before + span.wholeText()), "segment " + i + " at " + start);
        }
        Element m = root.selectFirst(".seg[data-m=3]");
        assertNotNull(m);
        assertEquals("Kestrel <Labs> & Co", m.wholeText());
        assertTrue(m.hasClass("c1") && m.hasClass("m"));
        assertEquals("7", m.attr("data-c"));
        Element u = root.selectFirst(".seg[data-u=4]");
        assertEquals("said", u.wholeText());
        assertTrue(u.hasClass("u"));
        // the unmarked ones carry no id lists
        assertEquals(TEXT.substring(0, TEXT.indexOf('“')), spans.first().wholeText());
        assertFalse(spans.first().hasAttr("data-c"));
        // the raw HTML never carries user text unescaped
        String raw = DocumentPageHtml.text(segments).getValue();
        assertFalse(raw.contains("<Labs>"));
        assertTrue(raw.contains("&lt;Labs&gt; &amp; Co"));
        assertTrue(raw.contains("&#39;ports&#39;"));
    }

    static PageClaims.Row claim(long id, String exact, boolean orphaned, List<PageClaims.Hop> hops) {
        return new PageClaims.Row(id, 10, 20, exact, orphaned, orphaned ? 2 : null, 2, "opinion", "hedged", true, hops);
    }

    @Test
    void claimItemsCarryTheirTextChainGradesAndActions() {
        List<PageClaims.Hop> hops = List.of(new PageClaims.Hop(0, "Kestrel <Labs>", "B", "asserts"),
                new PageClaims.Hop(1, "Daily \"Meridian\"", null, "leaked_via"));
        String html = DocumentPageHtml.claims(5, List.of(claim(41, "Ports 🌊 were “probed” <b>twice</b>", false, hops),
                claim(42, "x".repeat(300), true, List.of())), true, LabelSchema.defaults()).getValue();
        Element list = Jsoup.parseBodyFragment("<ol id=l>" + html + "</ol>").getElementById("l");
        Elements items = list.select("> li.claim-item");
        assertEquals(2, items.size());
        Element a = items.get(0);
        assertEquals("claim-41", a.id());
        assertEquals("41", a.attr("data-claim"));
        Element show = a.selectFirst("button.claim-show");
        assertEquals("Ports 🌊 were “probed” <b>twice</b>", show.text());
        assertEquals("claim-41-meta", show.attr("aria-describedby"));
        assertNotNull(a.getElementById("claim-41-meta"));
        // outlet first, then the originator; the default relation only for screen readers
        Elements src = a.select(".chain .src");
        assertEquals(List.of("Daily \"Meridian\"", "Kestrel <Labs>"), src.eachText());
        assertEquals("Attribution: Daily \"Meridian\" – reliability not graded leaked via ← Kestrel <Labs> B usually"
                + " reliable asserts", a.selectFirst(".chain").text());
        assertTrue(a.select(".chain .rel").get(1).hasClass("sr-only"), "asserts is the originator's default");
        assertFalse(a.select(".chain .rel").get(0).hasClass("sr-only"));
        assertEquals("from", a.selectFirst(".chain .arrow").attr("aria-label"));
        // grades by colour (class) and text
        assertTrue(a.selectFirst(".chain .grade.rel-b").text().contains("B usually reliable"));
        assertTrue(a.selectFirst(".facts .grade.cred-2").text().contains("2 probably true"));
        assertEquals(List.of("opinion", "hedged", "check-worthy"), a.select(".facts .tag").eachText());
        assertEquals("#57606a", a.selectFirst(".kind-tag svg.swatch rect").attr("fill"), "the schema's colour");
        // one edit link (works without JavaScript), one delete button, no per-claim htmx attributes
        Element edit = a.selectFirst("a[data-edit]");
        assertEquals("/documents/5/claims/41/edit", edit.attr("href"));
        assertEquals("Edit claim 41", edit.attr("aria-label"));
        assertEquals("Delete claim 41", a.selectFirst("button[data-delete]").attr("aria-label"));
        assertEquals("/claims/41", a.selectFirst("a.claim-link").attr("href"));
        assertTrue(a.select("[hx-get], [hx-post], [hx-confirm], [hx-target]").isEmpty());
        assertNull(a.selectFirst("[data-replace]"));
        // the orphan: flagged, truncated to 140 code points, with Re-place
        Element b = items.get(1);
        assertTrue(b.hasClass("orphaned"));
        assertTrue(b.selectFirst(".orphan-flag").text().contains("revision 2"));
        assertEquals(140, b.selectFirst(".claim-show").text().codePointCount(0, b.selectFirst(".claim-show").text().length()));
        assertEquals("Re-place claim 42 at the selected text", b.selectFirst("[data-replace=42]").attr("aria-label"));
        assertEquals("no attribution", b.selectFirst(".claim-meta .muted").text());
        // the raw HTML escapes user text
        assertFalse(html.contains("<b>") || html.contains("<Labs>"));
    }

    @Test
    void aSubmittedLayerListsClaimsWithoutActions() {
        String html = DocumentPageHtml.claims(5, List.of(claim(41, "Ports were probed", true, List.of())), false,
                LabelSchema.defaults()).getValue();
        Element li = Jsoup.parseBodyFragment(html).selectFirst("li");
        assertNull(li.selectFirst("[data-edit]"));
        assertNull(li.selectFirst("[data-delete]"));
        assertNull(li.selectFirst("[data-replace]"));
        assertNotNull(li.selectFirst("a.claim-link"));
    }
}
