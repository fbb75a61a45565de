package dev.credence.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.web.UnprocessableException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlArticleReaderTest {

    static List<ArticleInput> read(String content) {
        return JsonlArticleReader.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "batch.jsonl");
    }

    @Test
    void readsOneArticlePerLineSkippingBlankLines() throws IOException {
        List<ArticleInput> articles;
        try (InputStream in = getClass().getResourceAsStream("/articles/wire-batch.jsonl")) {
            articles = JsonlArticleReader.read(in, "wire-batch.jsonl");
        }
        assertEquals(2, articles.size());
        assertEquals("Wire: grain talks stall", articles.get(0).title());
        assertEquals("https://wire.example/grain", articles.get(0).url());
        assertEquals("wire-batch.jsonl line 1", articles.get(0).origin());
        assertEquals(3, articles.get(1).line(), "line numbers count the blank line");
        assertNull(articles.get(1).url());
        assertTrue(articles.get(1).text().startsWith("Cafe\u0301"), "the reader gives raw text; normalizing comes later");
    }

    @Test
    void malformedJsonIs400NamingTheLine() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> read("{\"title\":\"a\",\"text\":\"ok\"}\n{\"title\":\"b\",\"text\":\"oops}\n"));
        assertTrue(e.getMessage().startsWith("batch.jsonl line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    }

    @Test
    void trailingGarbageAndNonObjectsAre400() {
        assertTrue(assertThrows(BadRequestException.class, () -> read("{\"text\":\"a\"} x"))
                .getMessage().startsWith("batch.jsonl line 1"));
        assertTrue(assertThrows(BadRequestException.class, () -> read("{\"text\":\"a\"}\n[1,2]"))
                .getMessage().startsWith("batch.jsonl line 2: each line must be a JSON object"));
    }

    @Test
    void missingOrBlankTextIs422NamingTheLine() {
        UnprocessableException missing = assertThrows(UnprocessableException.class,
                () -> read("{\"title\":\"a\",\"text\":\"ok\"}\n\n\n{\"title\":\"no text\"}"));
        assertEquals("batch.jsonl line 4: text: missing or blank", missing.getMessage());
        UnprocessableException blank = assertThrows(UnprocessableException.class, () -> read("{\"title\":\"a\",\"text\":\"  \\n \"}"));
        assertEquals("batch.jsonl line 1: text: missing or blank", blank.getMessage());
    }

    @Test
    void nonStringFieldIs422() {
        assertEquals("batch.jsonl line 1: publishedAt must be a string", assertThrows(UnprocessableException.class,
                () -> read("{\"title\":\"a\",\"text\":\"b\",\"publishedAt\":20240516}")).getMessage());
    }

    @Test
    void emptyFileAndInvalidUtf8Are422() {
        assertEquals("batch.jsonl: empty file, no article in it",
                assertThrows(UnprocessableException.class, () -> read("\n  \n")).getMessage());
        byte[] latin1 = "{\"title\":\"caf\u00e9\",\"text\":\"x\"}".getBytes(StandardCharsets.ISO_8859_1);
        ClientErrorException e = assertThrows(UnprocessableException.class,
                () -> JsonlArticleReader.read(new ByteArrayInputStream(latin1), "old.jsonl"));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }
}
