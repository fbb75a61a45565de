package dev.credence.document;

import dev.credence.web.UnprocessableException;
import jakarta.ws.rs.ClientErrorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads one uploaded file into articles, choosing the format by its extension:
 * {@code .txt}, {@code .md}, {@code .html}/{@code .htm} (one article each) and
 * {@code .jsonl}/{@code .ndjson} (one per line). Errors name the file.
 */
public final class ArticleFileReader {
    public static final List<String> EXTENSIONS = List.of(".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson");

    private ArticleFileReader() {
    }

    /** 413 naming the file when it is over the limit; 422 when it is empty. Checked before reading it. */
    public static void requireSize(String fileName, long size, long maxBytes) {
        if (size > maxBytes) {
            throw new ClientErrorException(fileName + ": " + size + " bytes, over the limit of " + maxBytes
                    + " bytes per file", 413);
        }
        if (size == 0) {
            throw new UnprocessableException(fileName + ": empty file");
        }
    }

    public static List<ArticleInput> read(String fileName, byte[] content) {
        String name = baseName(fileName);
        String lower = name.toLowerCase(Locale.ROOT);
        String ext = lower.contains(".") ? lower.substring(lower.lastIndexOf('.')) : "";
        if (!EXTENSIONS.contains(ext)) {
            throw new UnprocessableException(name + ": unsupported file type; use " + String.join(", ", EXTENSIONS));
        }
        if (content.length == 0) {
            throw new UnprocessableException(name + ": empty file");
        }
        try {
            return switch (ext) {
                case ".jsonl", ".ndjson" -> JsonlArticleReader.read(new ByteArrayInputStream(content), name);
                case ".html", ".htm" -> List.of(html(name, content));
                default -> List.of(plainText(name, utf8(name, content), ext.equals(".md") || ext.equals(".markdown")));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArticleInput html(String name, byte[] content) throws IOException {
        ArticleInput article = HtmlArticleExtractor.extract(new ByteArrayInputStream(content), name);
        if (article.text().isBlank()) {
            throw new UnprocessableException(name + ": no article text found in this page");
        }
        return article;
    }

    /** Title: the first non-blank line (without Markdown's leading #); text: the whole file. */
    static ArticleInput plainText(String name, String content, boolean markdown) {
        String text = TextNormalizer.normalize(content);
        if (text.isBlank()) {
            throw new UnprocessableException(name + ": empty file");
        }
        String title = text.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow().strip();
        if (markdown) {
            title = title.replaceFirst("^#+\\s*", "").replaceFirst("\\s+#+$", "");
        }
        title = ArticleValidator.singleLine(title);
        if (title == null) {
            title = name.replaceFirst("\\.[^.]*$", "");
        }
        return new ArticleInput(TextNormalizer.truncate(title, ArticleValidator.MAX_TITLE), null, null, null, text,
                name, 0);
    }

    private static String utf8(String name, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UnprocessableException(name + ": not valid UTF-8 text; save it as UTF-8 and try again");
        }
    }

    /** Some browsers send the client's full path; only the last segment is the name. */
    static String baseName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "(unnamed file)";
        }
        String s = fileName.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
