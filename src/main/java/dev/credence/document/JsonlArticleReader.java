package dev.credence.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.credence.web.JsonConfig;
import dev.credence.web.TextPolicy;
import dev.credence.web.UnprocessableException;
import jakarta.ws.rs.BadRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines: one {@code {"title","url","publisher","publishedAt","text"}} object per
 * line; blank lines are skipped, other fields ignored. Reads line by line so that
 * every error names its line. Malformed JSON is a 400, a wrong or missing field a 422.
 */
public final class JsonlArticleReader {
    /** The app's one JSON configuration (duplicate keys, trailing data refused): {@link JsonConfig}. */
    private static final ObjectReader JSON = JsonConfig.MAPPER.reader();
    static final List<String> FIELDS = List.of("title", "url", "publisher", "publishedAt", "text");

    private JsonlArticleReader() {
    }

    /** @param file the name errors use ("articles.jsonl", or "body" for an API request) */
    public static List<ArticleInput> read(InputStream in, String file) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<ArticleInput> articles = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    articles.add(parseLine(line, file, lineNo));
                }
            }
        } catch (CharacterCodingException e) {
            throw new UnprocessableException(file + " line " + (lineNo + 1) + ": not valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (articles.isEmpty()) {
            throw new UnprocessableException(file + ": empty file, no article in it");
        }
        return articles;
    }

    static ArticleInput parseLine(String line, String file, int lineNo) {
        String where = file + " line " + lineNo;
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            String column = e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr();
            throw new BadRequestException(where + column + ": malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException(where + ": each line must be a JSON object {\"title\",\"text\",...}");
        }
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = node.get(FIELDS.get(i));
            if (value != null && !value.isNull() && !value.isTextual()) {
                throw new UnprocessableException(where + ": " + FIELDS.get(i) + " must be a string");
            }
            values[i] = value == null || value.isNull() ? null
                    : TextPolicy.check(where + ": " + FIELDS.get(i), value.textValue());
        }
        if (values[4] == null || values[4].isBlank()) {
            throw new UnprocessableException(where + ": text: missing or blank");
        }
        return new ArticleInput(values[0], values[1], values[2], values[3], values[4], file, lineNo);
    }
}
