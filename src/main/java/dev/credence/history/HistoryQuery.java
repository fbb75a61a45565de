package dev.credence.history;

import dev.credence.account.User;
import jakarta.ws.rs.BadRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The filters of the history page and API as given in the URL: {@code user} (a username),
 * {@code from} and {@code to} (ISO dates, both inclusive, UTC days). 400 on a date that does not parse.
 */
public record HistoryQuery(String user, String from, String to) {
    public static HistoryQuery of(String user, String from, String to) {
        return new HistoryQuery(blankToEmpty(user), blankToEmpty(from), blankToEmpty(to));
    }

    public HistoryFilter filter(Long projectId) {
        Long userId = null;
        if (!user.isEmpty()) {
            // An unknown username matches nothing rather than everything.
            userId = User.findByUsername(user).map(u -> u.id).orElse(-1L);
        }
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        return new HistoryFilter(projectId, userId, f == null ? null : f.atStartOfDay(ZoneOffset.UTC).toInstant(),
                t == null ? null : t.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The query string for another page or format with the same filters: {@code ?user=…&from=…&to=…}. */
    /** This filter as a query string ending in "page=", for the pager to append a page number to. */
    public String pageParam() {
        return params() + "&page=";
    }

    public String csv() {
        return params() + "&format=csv";
    }

    private String params() {
        return "?user=" + enc(user) + "&from=" + enc(from) + "&to=" + enc(to);
    }

    private static LocalDate date(String field, String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field + ": '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
