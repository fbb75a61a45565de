package dev.credence.source;

import dev.credence.web.UnprocessableException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shared fields of a registry entry as a page or the API sends them, before validation.
 * {@code parentId} wins over {@code parentName} when both are given.
 */
public record SourceInput(String name, String type, String country, Long parentId, String parentName, String url,
        String sameAs, String description, List<String> aliases) {
    /** More names than any real source has; each alias is a row and part of the source's history. */
    public static final int MAX_ALIASES = 100;

    /** Aliases typed in one box, separated by commas or new lines; blanks dropped, duplicates (ignoring case) dropped. */
    public static List<String> splitAliases(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return cleanAliases(List.of(text.split("[,\\r\\n]+")), null);
    }

    /**
     * Cleaned ({@link SourceNames#clean}), non-blank, unique by {@link SourceNames#key}, in the order given; the
     * source's own name is not an alias of itself.
     */
    public static List<String> cleanAliases(List<String> aliases, String name) {
        if (aliases != null && aliases.size() > MAX_ALIASES) {
            throw new UnprocessableException("aliases: at most " + MAX_ALIASES + " (got " + aliases.size() + ")");
        }
        Map<String, String> unique = new LinkedHashMap<>();
        String own = name == null ? null : SourceNames.key(name);
        if (aliases != null) {
            for (String a : aliases) {
                if (a == null || a.isBlank()) {
                    continue;
                }
                String s = SourceNames.clean(a);
                String key = SourceNames.key(s);
                if (s.isEmpty() || key.equals(own)) {
                    continue;
                }
                unique.putIfAbsent(key, s);
            }
        }
        return new ArrayList<>(unique.values());
    }

    /** The aliases as one line for a form field. */
    public static String joinAliases(List<String> aliases) {
        return aliases == null ? "" : String.join(", ", aliases);
    }

    /**
     * An absolute http(s) URL with a host, stripped; null when blank; 422 otherwise.
     * Other schemes (javascript:, data:, file:) would become clickable links on the source page.
     */
    public static String webUrl(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 2000) {
            throw new UnprocessableException(field + ": at most 2000 characters");
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
                throw new UnprocessableException(field + ": '" + v + "' is not an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new UnprocessableException(field + ": '" + v + "' is not a valid URL");
        }
        return v;
    }

    /** Stripped text, null when blank, 422 when longer than {@code max}. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new UnprocessableException(field + ": at most " + max + " characters");
        }
        return v;
    }
}
