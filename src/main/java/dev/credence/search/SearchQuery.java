package dev.credence.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person types into the search box, split into free text and filters:
 * {@code hackers source:"TeamT5" type:firm_report grade:2 grade:B reviewer:alice state:submitted kind:event}.
 * A filter value may be quoted. Unknown {@code word:} prefixes stay in the text. Pure, so unit-tested.
 */
public record SearchQuery(String text, Map<String, List<String>> filters) {
    public static final List<String> FILTERS = List.of("source", "type", "grade", "reviewer", "state", "kind");
    private static final Pattern FILTER = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}_])(source|type|grade|reviewer|state|kind):(?:\"([^\"]*)\"|(\\S+))");

    public static SearchQuery parse(String q) {
        String s = q == null ? "" : q.strip();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = FILTER.matcher(s);
        int last = 0;
        while (m.find()) {
            rest.append(s, last, m.start()).append(' ');
            String value = m.group(2) != null ? m.group(2) : m.group(3);
            if (!value.isBlank()) {
                filters.computeIfAbsent(m.group(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value.strip());
            }
            last = m.end();
        }
        rest.append(s.substring(last));
        return new SearchQuery(rest.toString().strip().replaceAll("\\s+", " "), filters);
    }

    public boolean isEmpty() {
        return text.isEmpty() && filters.isEmpty();
    }

    /** Filters apply to claims only: a query with any filter finds no documents. */
    public boolean hasFilters() {
        return !filters.isEmpty();
    }
}
