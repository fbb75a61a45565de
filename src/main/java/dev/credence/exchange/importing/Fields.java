package dev.credence.exchange.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.annotation.Offsets;
import dev.credence.web.TextPolicy;
import dev.credence.web.UnprocessableException;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Typed reads of a parsed JSON node that fail with 422 naming the place and the field
 * ({@code "tasks.json task 3: annotations[0].result[2].value.start: expected an integer"}).
 * Strings pass the {@link TextPolicy}. Missing and null are the same.
 */
final class Fields {
    private Fields() {
    }

    static JsonNode get(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    static String string(JsonNode node, String field, String where, String path) {
        JsonNode v = get(node, field);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw new UnprocessableException(where + ": " + path + field + ": expected a string");
        }
        return TextPolicy.check(where + ": " + path + field, v.textValue());
    }

    static String requireString(JsonNode node, String field, String where, String path) {
        String s = string(node, field, where, path);
        if (s == null) {
            throw new UnprocessableException(where + ": " + path + field + ": required");
        }
        return s;
    }

    /** A string, or an integer written as its digits (ids are either, depending on the tool). */
    static String id(JsonNode node, String field, String where, String path) {
        JsonNode v = get(node, field);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        return string(node, field, where, path);
    }

    static Integer integer(JsonNode node, String field, String where, String path) {
        JsonNode v = get(node, field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new UnprocessableException(where + ": " + path + field + ": expected an integer");
        }
        return v.intValue();
    }

    static int requireInt(JsonNode node, String field, String where, String path) {
        Integer i = integer(node, field, where, path);
        if (i == null) {
            throw new UnprocessableException(where + ": " + path + field + ": required");
        }
        return i;
    }

    static Boolean bool(JsonNode node, String field, String where, String path) {
        JsonNode v = get(node, field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new UnprocessableException(where + ": " + path + field + ": expected true or false");
        }
        return v.booleanValue();
    }

    static List<JsonNode> array(JsonNode node, String field, String where, String path) {
        JsonNode v = get(node, field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new UnprocessableException(where + ": " + path + field + ": expected an array");
        }
        return StreamSupport.stream(v.spliterator(), false).toList();
    }

    static JsonNode object(JsonNode node, String field, String where, String path) {
        JsonNode v = get(node, field);
        if (v != null && !v.isObject()) {
            throw new UnprocessableException(where + ": " + path + field + ": expected an object");
        }
        return v;
    }

    static JsonNode requireObject(JsonNode node, String where, String path) {
        if (node == null || !node.isObject()) {
            throw new UnprocessableException(where + ": " + (path.isEmpty() ? "each item" : path)
                    + ": expected an object");
        }
        return node;
    }

    /**
     * 0 <= start < end <= length of the text (code points), and when the file says what the span reads,
     * the text there must say it too: a mismatch is nearly always offsets counted in another unit
     * (UTF-16, bytes), which would put every span after an emoji in the wrong place.
     */
    static void span(Offsets.CodePointIndex text, int start, int end, String exact, String where, String path) {
        if (start < 0 || end > text.length() || start >= end) {
            throw new UnprocessableException(where + ": " + path + "start/end: " + start + ".." + end
                    + " is not a span of the text (0.." + text.length() + " code points, start before end)");
        }
        if (exact != null) {
            String actual = text.slice(start, end);
            if (!actual.equals(exact) && !Normalizer.normalize(actual, Normalizer.Form.NFC)
                    .equals(Normalizer.normalize(exact, Normalizer.Form.NFC))) {
                throw new UnprocessableException(where + ": " + path + "text: '" + TextPolicy.shorten(exact, 60)
                        + "' does not match the document text at " + start + ".." + end + " ('"
                        + TextPolicy.shorten(actual, 60) + "'); offsets must count Unicode code points");
            }
        }
    }
}
