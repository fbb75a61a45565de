package dev.credence.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one check for links people give as evidence: an absolute http(s) URL with a host, at most 2,000 characters. */
public final class HttpUrls {
    public static final int MAX_LENGTH = 2000;

    private HttpUrls() {
    }

    /**
     * The URL without surrounding blanks, or null when none was given; 422 naming {@code field} when it is not
     * an http(s) URL.
     */
    public static String require(String url, String field) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && u.length() <= MAX_LENGTH) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UnprocessableException(field + ": '" + u + "' is not an http(s) URL");
    }
}
