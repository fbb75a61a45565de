package dev.credence.document;

import dev.credence.web.TextPolicy;
import dev.credence.web.UnprocessableException;
import jakarta.ws.rs.ClientErrorException;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Checks one {@link ArticleInput} and turns it into an unsaved {@link Document} with
 * normalized text, hash and length. Pure: no database, so that a whole batch can be
 * checked before anything is written. Errors name the article's origin (file and line).
 */
public final class ArticleValidator {
    public static final int MAX_TITLE = 500;
    public static final int MAX_URL = 2000;
    public static final int MAX_PUBLISHER = 300;

    private ArticleValidator() {
    }

    public static Document toDocument(ArticleInput in) {
        String where = in.origin() == null ? "" : in.origin() + ": ";
        Document d = new Document();

        // The one text policy (NUL, lone surrogates) for every way an article comes in: paste, API, files.
        TextPolicy.check(where + "title", in.title());
        TextPolicy.check(where + "url", in.url());
        TextPolicy.check(where + "publisher", in.publisher());
        TextPolicy.check(where + "publishedAt", in.publishedAt());
        TextPolicy.check(where + "text", in.text());
        String text = TextNormalizer.normalize(in.text());
        if (text == null || text.isBlank()) {
            throw new UnprocessableException(where + "text: required, and not blank");
        }
        if (text.length() > Document.MAX_TEXT) {
            throw new ClientErrorException(where + "text: at most " + Document.MAX_TEXT + " characters (this one has "
                    + text.length() + ")", 413);
        }
        d.text = text;
        d.textSha256 = TextNormalizer.sha256(text);
        d.lengthCp = TextNormalizer.codePointLength(text);

        String title = singleLine(in.title());
        if (title == null) {
            throw new UnprocessableException(where + "title: required");
        }
        if (title.length() > MAX_TITLE) {
            throw new UnprocessableException(where + "title: at most " + MAX_TITLE + " characters");
        }
        d.title = title;

        String url = singleLine(in.url());
        if (url != null) {
            if (url.length() > MAX_URL) {
                throw new UnprocessableException(where + "url: at most " + MAX_URL + " characters");
            }
            if (!isWebAddress(url)) {
                throw new UnprocessableException(where + "url: must be an http:// or https:// address, not '"
                        + TextNormalizer.truncate(url, 80) + "'");
            }
        }
        d.url = url;

        String publisher = singleLine(in.publisher());
        if (publisher != null && publisher.length() > MAX_PUBLISHER) {
            throw new UnprocessableException(where + "publisher: at most " + MAX_PUBLISHER + " characters");
        }
        d.publisher = publisher;

        String published = singleLine(in.publishedAt());
        if (published != null) {
            try {
                d.publishedAt = parseDate(published);
            } catch (DateTimeParseException e) {
                throw new UnprocessableException(where + "publishedAt: an ISO date like 2024-05-16 or date-time like "
                        + "2024-05-16T09:30:00Z, not '" + TextNormalizer.truncate(published, 40) + "'");
            }
        }
        return d;
    }

    /**
     * An ISO date, or an ISO date-time of which we keep the calendar date as written
     * (2024-05-16T23:30:00-05:00 is the 16th, the day the outlet printed).
     */
    public static LocalDate parseDate(String value) {
        String s = value.strip();
        try {
            return LocalDate.from(DateTimeFormatter.ISO_DATE.parse(s));
        } catch (DateTimeParseException notADate) {
            return LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(s));
        }
    }

    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** NFC, whitespace runs (line breaks included) folded to one space, stripped; blank becomes null. */
    static String singleLine(String s) {
        if (s == null) {
            return null;
        }
        String folded = Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("[\\s\\u00A0\\uFEFF]+", " ").strip();
        return folded.isEmpty() ? null : folded;
    }
}
