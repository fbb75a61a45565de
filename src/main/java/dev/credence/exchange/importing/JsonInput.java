package dev.credence.exchange.importing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.document.ArticleInput;
import dev.credence.web.JsonConfig;
import dev.credence.web.UnprocessableException;
import jakarta.ws.rs.BadRequestException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Reading JSON Lines and JSON arrays with the app's strict parser ({@link JsonConfig}: duplicate keys and
 * data after a value refused), one record at a time, so every error names its line or task and no more
 * than one record's tree is held at once besides what the import keeps.
 */
final class JsonInput {
    /** One element of a stream: what follows it is the stream's business, checked by the caller. */
    private static final com.fasterxml.jackson.databind.ObjectReader ELEMENT = JsonConfig.MAPPER.reader()
            .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonInput() {
    }

    /** Calls {@code each} with every non-blank line's object and its 1-based line number. */
    static void lines(byte[] content, String file, BiConsumer<JsonNode, Integer> each) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String where = file + " line " + lineNo;
                JsonNode node = parseOne(line, where);
                if (!node.isObject()) {
                    throw new BadRequestException(where + ": each line must be a JSON object");
                }
                each.accept(node, lineNo);
            }
        } catch (CharacterCodingException e) {
            throw new UnprocessableException(file + " line " + (lineNo + 1) + ": not valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parseOne(String line, String where) {
        try (JsonParser p = JsonConfig.MAPPER.createParser(line)) {
            JsonNode node = ELEMENT.readTree(p);
            if (p.nextToken() != null) {
                throw new BadRequestException(where + ", column " + p.currentLocation().getColumnNr()
                        + ": malformed JSON: data after the object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(where, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JSON array of objects (or one object), streamed: {@code each} gets each element and its 0-based index.
     * Label Studio accepts a single task object too.
     */
    static void array(byte[] content, String file, BiConsumer<JsonNode, Integer> each) {
        int index = 0;
        try (JsonParser p = JsonConfig.MAPPER.createParser(strippedBom(content))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new UnprocessableException(file + ": empty file");
            }
            if (first == JsonToken.START_OBJECT) {
                each.accept(ELEMENT.readTree(p), 0);
            } else if (first == JsonToken.START_ARRAY) {
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new BadRequestException(file + ": malformed JSON: the array is not closed");
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw new BadRequestException(file + " task " + index + ": each task must be a JSON object");
                    }
                    JsonNode task;
                    try {
                        task = ELEMENT.readTree(p);
                    } catch (JsonProcessingException e) {
                        throw malformed(file + " task " + index, e);
                    }
                    each.accept(task, index++);
                }
            } else {
                throw new BadRequestException(file + ": expected a JSON array of tasks");
            }
            if (p.nextToken() != null) {
                throw new BadRequestException(file + ", line " + p.currentLocation().getLineNr()
                        + ": malformed JSON: data after the end of the array");
            }
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] strippedBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return java.util.Arrays.copyOfRange(b, 3, b.length);
        }
        return b;
    }

    private static BadRequestException malformed(String where, JsonProcessingException e) {
        String at = e.getLocation() == null ? ""
                : (where.contains(" line ") ? "" : ", line " + e.getLocation().getLineNr())
                        + ", column " + e.getLocation().getColumnNr();
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return new BadRequestException(where + at + ": malformed JSON: " + msg);
    }

    /** The article of a record: {@code title} (else the text's first line), url, publisher, publishedAt, text. */
    static ArticleInput article(JsonNode fields, String text, String file, int line, String where, String path) {
        String title = Fields.string(fields, "title", where, path);
        if (title == null || title.isBlank()) {
            title = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("Untitled").strip();
            if (title.length() > 120) {
                int cut = Character.isHighSurrogate(title.charAt(119)) ? 119 : 120;
                title = title.substring(0, cut).stripTrailing() + "…";
            }
        }
        return new ArticleInput(title, Fields.string(fields, "url", where, path),
                Fields.string(fields, "publisher", where, path), Fields.string(fields, "publishedAt", where, path),
                text, file, line);
    }
}
