package dev.credence.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.web.TextPolicy;
import jakarta.ws.rs.ClientErrorException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based: whatever bytes or text arrive, the normalizer and every article reader either
 * return articles that pass the text policy or refuse with a 4xx (ClientErrorException) — never
 * another exception, which would be a 500.
 */
class ImporterPropertiesTest {
    /** Text in the shape of scraped articles: emoji, CJK, curly quotes, CR/CRLF, NUL, lone surrogates. */
    @Provide
    Arbitrary<String> articleText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("“quoted”", "it’s", "🛳", "👍🏽", "台湾", "\r\n", "\r", "\n\n", "\u0000", "\ud800",
                        "\udfff", "\uFEFF", "e\u0301", "STORY CONTINUES BELOW THIS AD", "<p>", "</p>", "{\"text\":",
                        "\"", "\\", "\t"));
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(400),
                articleText().map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 500)
    void normalizeIsIdempotentAndLeavesOnlyLineFeeds(@ForAll("articleText") String raw) {
        String once = TextNormalizer.normalize(raw);
        assertEquals(once, TextNormalizer.normalize(once));
        assertTrue(once.indexOf('\r') < 0);
        assertEquals(once.codePointCount(0, once.length()), TextNormalizer.codePointLength(once));
    }

    @Property(tries = 500)
    void everyFileReaderRefusesCleanlyOrReturnsAcceptableArticles(@ForAll("anyBytes") byte[] content,
            @ForAll("extension") String ext) {
        try {
            List<ArticleInput> articles = ArticleFileReader.read("upload" + ext, content);
            for (ArticleInput a : articles) {
                Document d = ArticleValidator.toDocument(a);
                assertNull(TextPolicy.problem(d.text));
                assertNull(TextPolicy.problem(d.title));
                assertEquals(d.text.codePointCount(0, d.text.length()), d.lengthCp);
            }
        } catch (ClientErrorException refused) {
            int status = refused.getResponse().getStatus();
            assertTrue(status >= 400 && status < 500, "status " + status);
        }
    }

    @Provide
    Arbitrary<String> extension() {
        return Arbitraries.of(".txt", ".md", ".html", ".jsonl", ".ndjson", ".pdf", "");
    }

    @Property(tries = 500)
    void jsonLinesRefuseCleanly(@ForAll("jsonLines") String body) {
        try {
            for (ArticleInput a : JsonlArticleReader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                    "body")) {
                ArticleValidator.toDocument(a);
            }
        } catch (ClientErrorException refused) {
            int status = refused.getResponse().getStatus();
            assertTrue(status >= 400 && status < 500, "status " + status);
        }
    }

    /** Mostly well-formed lines with hostile values, duplicate keys, wrong types and trailing data. */
    @Provide
    Arbitrary<String> jsonLines() {
        Arbitrary<String> value = Arbitraries.oneOf(articleText().map(ImporterPropertiesTest::quote),
                Arbitraries.of("1", "1.5", "null", "true", "[]", "{}", "\"2024-05-16\""));
        Arbitrary<String> line = Combinators.combine(Arbitraries.of("title", "text", "url", "publisher",
                "publishedAt", "other").list().ofMaxSize(6), value.list().ofSize(6), Arbitraries.of("", " x", "{}", ","))
                .as((keys, values, tail) -> {
                    StringBuilder b = new StringBuilder("{");
                    for (int i = 0; i < keys.size(); i++) {
                        b.append(i == 0 ? "" : ",").append('"').append(keys.get(i)).append("\":").append(values.get(i));
                    }
                    return b.append('}').append(tail).toString();
                });
        return line.list().ofMaxSize(5).map(l -> String.join("\n", l));
    }

    @Property(tries = 300)
    void htmlExtractionNeverFails(@ForAll("articleText") String html) {
        ArticleInput a = HtmlArticleExtractor.extract("<html><head><title>" + html + "</title></head><body><article><p>"
                + html + "</p></article></body></html>", "page.html");
        try {
            ArticleValidator.toDocument(a);
        } catch (ClientErrorException refused) {
            assertTrue(refused.getResponse().getStatus() < 500);
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
