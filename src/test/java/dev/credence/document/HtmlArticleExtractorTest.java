package dev.credence.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class HtmlArticleExtractorTest {

    static ArticleInput harborSignal() throws IOException {
        try (InputStream in = HtmlArticleExtractorTest.class.getResourceAsStream("/articles/harbor-signal.html")) {
            return HtmlArticleExtractor.extract(in, "harbor-signal.html");
        }
    }

    @Test
    void metadataComesFromTheHead() throws IOException {
        ArticleInput a = harborSignal();
        assertEquals("Port operator hit by intrusion, analysts say", a.title());
        assertEquals("https://harborsignal.example/news/port-intrusion", a.url());
        assertEquals("The Harbor Signal", a.publisher());
        assertEquals("2025-03-04", a.publishedAt());
        assertEquals("harbor-signal.html", a.origin());
    }

    @Test
    void articleParagraphsAreKeptInOrderSeparatedByBlankLines() throws IOException {
        String text = harborSignal().text();
        String[] paragraphs = text.split("\n\n");
        assertEquals("Port operator hit by intrusion, analysts say", paragraphs[0]);
        assertTrue(paragraphs[1].startsWith("By Mara Velden"), paragraphs[1]);
        assertEquals("A state-linked hacking group broke into the logistics network of Ostrava Ports last autumn, "
                + "researchers at the fictional security firm Kestrel Labs told The Harbor Signal.", paragraphs[2]);
        assertTrue(text.contains("calls \u201cGrey Heron\u201d, had been"));
        assertTrue(text.contains("\u201cspeculative\u201d.\nOfficials are reviewing it."), "<br> is a line break");
        assertTrue(text.endsWith("Military experts believe the intrusion fits a wider pattern of probing by the same group."));
    }

    @Test
    void noiseIsDropped() throws IOException {
        String text = harborSignal().text();
        for (String noise : new String[] { "tracking", "font-family", "World", "cookies", "Buy a boat",
                "STORY CONTINUES", "Other port stories", "Great article", "comments", "Share on social", "Tags:",
                "\u00a9", "Subscribe", "Email" }) {
            assertFalse(text.contains(noise), () -> "should not contain '" + noise + "':\n" + text);
        }
    }

    @Test
    void withoutMetadataTitleComesFromH1ThenTitleAndBadLinksAreIgnored() {
        ArticleInput a = HtmlArticleExtractor.extract("""
                <html><head><title>Page title | Site</title><link rel="canonical" href="/relative/path">
                <meta property="article:published_time" content="last Tuesday"></head>
                <body><div id="content"><h1>Headline in the body</h1><p>Body text.</p></div></body></html>""", "p.html");
        assertEquals("Headline in the body", a.title());
        assertNull(a.url());
        assertNull(a.publishedAt());
        assertEquals("Headline in the body\n\nBody text.", a.text());

        ArticleInput b = HtmlArticleExtractor.extract("<title>Only a title</title><p>Text, <time datetime=\"2024-05-16T22:10:00-04:00\">late</time>.</p>", "q.htm");
        assertEquals("Only a title", b.title());
        assertEquals("2024-05-16", b.publishedAt());
        assertEquals("Text, late.", b.text());
    }

    @Test
    void preformattedTextKeepsItsLines() {
        ArticleInput a = HtmlArticleExtractor.extract("<h1>T</h1><pre>line 1\n  line 2</pre><p>after</p>", "pre.html");
        assertEquals("T\n\nline 1\n  line 2\n\nafter", a.text());
    }
}
