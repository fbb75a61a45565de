package dev.credence.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.web.UnprocessableException;
import jakarta.ws.rs.ClientErrorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** File formats by extension, and the field rules every article passes through. */
class ArticleFileReaderTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ArticleFileReaderTest.class.getResourceAsStream("/articles/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void textFileTitleIsFirstLineAndTextIsTheWholeFileNormalized() throws IOException {
        ArticleInput a = ArticleFileReader.read("lantern-brief.txt", resource("lantern-brief.txt")).get(0);
        assertEquals("Lantern brief: satellite images show new runway", a.title());
        assertTrue(a.text().startsWith("Lantern brief: satellite images show new runway\n\nAnalysts"));
        assertTrue(a.text().indexOf('\r') < 0);
        assertTrue(a.text().endsWith("state broadcaster."));
    }

    @Test
    void markdownTitleLosesItsHashes() throws IOException {
        ArticleInput a = ArticleFileReader.read("C:\\Users\\me\\ridgeline.md", resource("ridgeline.md")).get(0);
        assertEquals("Ridgeline Weekly: a leaked memo, two readings", a.title());
        assertEquals("ridgeline.md", a.file());
        assertTrue(a.text().contains("# Ridgeline Weekly"), "the text is the whole file");
    }

    @Test
    void unsupportedEmptyTooLargeAndBinaryFilesAreRejectedByName() {
        assertTrue(assertThrows(UnprocessableException.class,
                () -> ArticleFileReader.read("scan.pdf", new byte[] { 1 })).getMessage().startsWith("scan.pdf: unsupported file type"));
        assertEquals("empty.txt: empty file",
                assertThrows(UnprocessableException.class, () -> ArticleFileReader.read("empty.txt", new byte[0])).getMessage());
        assertEquals("blank.md: empty file", assertThrows(UnprocessableException.class,
                () -> ArticleFileReader.read("blank.md", " \n\n ".getBytes(StandardCharsets.UTF_8))).getMessage());
        ClientErrorException big = assertThrows(ClientErrorException.class, () -> ArticleFileReader.requireSize("big.txt", 11, 10));
        assertEquals(413, big.getResponse().getStatus());
        assertTrue(big.getMessage().startsWith("big.txt: 11 bytes"));
        assertTrue(assertThrows(UnprocessableException.class,
                () -> ArticleFileReader.read("latin1.txt", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)))
                .getMessage().contains("not valid UTF-8"));
    }

    @Test
    void jsonlFileGivesOneArticlePerLine() throws IOException {
        List<ArticleInput> articles = ArticleFileReader.read("wire-batch.jsonl", resource("wire-batch.jsonl"));
        assertEquals(2, articles.size());
    }

    @Test
    void validatorNormalizesAndMeasures() {
        Document d = ArticleValidator.toDocument(ArticleInput.of("  A  title\n", " https://x.example/a ", "",
                "2024-05-16T23:30:00-05:00", "\uFEFFCafe\u0301\r\n\uD83D\uDE80 \n"));
        assertEquals("A title", d.title);
        assertEquals("https://x.example/a", d.url);
        assertNull(d.publisher);
        assertEquals(LocalDate.of(2024, 5, 16), d.publishedAt);
        assertEquals("Caf\u00e9\n\uD83D\uDE80", d.text);
        assertEquals(6, d.lengthCp);
        assertEquals(TextNormalizer.sha256("Caf\u00e9\n\uD83D\uDE80"), d.textSha256);
    }

    @Test
    void validatorRejectsBadFieldsNamingTheOrigin() {
        ArticleInput badUrl = new ArticleInput("t", "ftp://x.example", null, null, "text", "a.jsonl", 3);
        assertTrue(assertThrows(UnprocessableException.class, () -> ArticleValidator.toDocument(badUrl))
                .getMessage().startsWith("a.jsonl line 3: url: must be an http:// or https:// address"));
        ArticleInput badDate = ArticleInput.of("t", null, null, "16/05/2024", "text");
        assertTrue(assertThrows(UnprocessableException.class, () -> ArticleValidator.toDocument(badDate))
                .getMessage().startsWith("publishedAt:"));
        assertTrue(assertThrows(UnprocessableException.class,
                () -> ArticleValidator.toDocument(ArticleInput.of(" ", null, null, null, "text"))).getMessage()
                .startsWith("title: required"));
        assertTrue(assertThrows(UnprocessableException.class,
                () -> ArticleValidator.toDocument(ArticleInput.of("x".repeat(501), null, null, null, "text"))).getMessage()
                .startsWith("title: at most 500"));
        ClientErrorException tooLong = assertThrows(ClientErrorException.class,
                () -> ArticleValidator.toDocument(ArticleInput.of("t", null, null, null, "x".repeat(Document.MAX_TEXT + 1))));
        assertEquals(413, tooLong.getResponse().getStatus());
    }
}
