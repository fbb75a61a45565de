package dev.credence.exchange.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.web.TextPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of an archive entry with typed accessors: every value is checked (type, enumeration, text policy)
 * and a problem names the entry, line and field.
 */
final class BackupRow {
    final String entry;
    final long line;
    private final JsonNode node;

    BackupRow(String entry, long line, JsonNode node) {
        this.entry = entry;
        this.line = line;
        this.node = node;
    }

    BackupException error(String field, String problem) {
        return BackupException.at(entry, line, field, problem);
    }

    private JsonNode value(String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw error(field, "missing");
        }
        if (v.isNull()) {
            if (required) {
                throw error(field, "must not be null");
            }
            return null;
        }
        return v;
    }

    String text(String field) {
        return string(field, true);
    }

    String optText(String field) {
        return string(field, false);
    }

    private String string(String field, boolean required) {
        JsonNode v = value(field, required);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw error(field, "expected a string");
        }
        String problem = TextPolicy.problem(v.textValue());
        if (problem != null) {
            throw error(field, problem);
        }
        return v.textValue();
    }

    /** A text field checked against its SHA-256 (hex, of the UTF-8 bytes) and code-point length fields. */
    String text(String field, String shaField, String lengthField) {
        String text = text(field);
        if (text.length() > dev.credence.document.Document.MAX_TEXT) {
            throw error(field, "longer than " + dev.credence.document.Document.MAX_TEXT + " characters");
        }
        String sha = java.util.HexFormat.of().formatHex(BackupWriter.sha256().digest(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (!sha.equals(text(shaField))) {
            throw error(shaField, "is not the SHA-256 of the text (" + sha + ")");
        }
        if (text.codePointCount(0, text.length()) != integer(lengthField)) {
            throw error(lengthField, "is not the text's length in code points");
        }
        return text;
    }

    long id(String field) {
        return integral(field, true);
    }

    Long optId(String field) {
        return integral(field, false);
    }

    int integer(String field) {
        long v = integral(field, true);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error(field, "out of range");
        }
        return (int) v;
    }

    Integer optInteger(String field) {
        Long v = integral(field, false);
        return v == null ? null : integer(field);
    }

    private Long integral(String field, boolean required) {
        JsonNode v = value(field, required);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw error(field, "expected an integer");
        }
        return v.longValue();
    }

    Boolean optBoolean(String field) {
        JsonNode v = value(field, false);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw error(field, "expected true or false");
        }
        return v.booleanValue();
    }

    Instant instant(String field) {
        String v = text(field);
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw error(field, "'" + TextPolicy.shorten(v, 40) + "' is not an ISO-8601 instant");
        }
    }

    Instant optInstant(String field) {
        return optText(field) == null ? null : instant(field);
    }

    double number(String field) {
        JsonNode v = value(field, true);
        if (!v.isNumber()) {
            throw error(field, "expected a number");
        }
        return v.doubleValue();
    }

    LocalDate optDate(String field) {
        String v = optText(field);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw error(field, "'" + TextPolicy.shorten(v, 40) + "' is not a date (YYYY-MM-DD)");
        }
    }

    <E extends Enum<E>> E enumeration(String field, Class<E> type) {
        E v = optEnumeration(field, type);
        if (v == null) {
            throw error(field, "must not be null");
        }
        return v;
    }

    <E extends Enum<E>> E optEnumeration(String field, Class<E> type) {
        String v = optText(field);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        throw error(field, "'" + TextPolicy.shorten(v, 40) + "' is not one of " + List.of(type.getEnumConstants()));
    }

    List<String> texts(String field) {
        JsonNode v = value(field, true);
        if (!v.isArray()) {
            throw error(field, "expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw error(field, "expected an array of strings");
            }
            String problem = TextPolicy.problem(item.textValue());
            if (problem != null) {
                throw error(field, problem);
            }
            out.add(item.textValue());
        }
        return out;
    }
}
