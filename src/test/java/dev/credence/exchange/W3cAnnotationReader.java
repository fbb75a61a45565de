package dev.credence.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a Web Annotation collection as the W3C model describes it, without Credence's writer: the collection's
 * {@code first} page (embedded, or fetched by IRI), then each page's {@code next}; in each annotation the target
 * {@code SpecificResource}, its {@code TextQuoteSelector} and {@code TextPositionSelector}; positions are code
 * points of the source's text (model §4.2.4: "in terms of unicode code points").
 */
final class W3cAnnotationReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One annotation's target and bodies, as read. Absent prefix/suffix and positions are null. */
    record Annotation(JsonNode node, String id, String motivation, String source, String exact, String prefix,
            String suffix, Integer start, Integer end, List<JsonNode> bodies) {

        /** The classifying body among "claim", "mention", "cue" (the span's label). */
        String label() {
            for (JsonNode b : bodies) {
                String v = b.path("value").asText();
                if ("classifying".equals(b.path("purpose").asText()) && List.of("claim", "mention", "cue").contains(v)) {
                    return v;
                }
            }
            return null;
        }

        List<JsonNode> bodies(String purpose) {
            return bodies.stream().filter(b -> purpose.equals(b.path("purpose").asText())).toList();
        }
    }

    record Collection(JsonNode root, JsonNode context, long total, List<JsonNode> pages, List<Annotation> annotations) {
    }

    static Collection read(String body) throws IOException {
        return read(body, iri -> {
            throw new IllegalStateException("page not embedded: " + iri);
        });
    }

    /** {@code fetch} answers a page IRI that is not embedded. */
    static Collection read(String body, Function<String, JsonNode> fetch) throws IOException {
        JsonNode root = MAPPER.readTree(body);
        if (!"AnnotationCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException("not an AnnotationCollection: " + root.path("type"));
        }
        List<JsonNode> pages = new ArrayList<>();
        List<Annotation> annotations = new ArrayList<>();
        JsonNode page = root.get("first");
        while (page != null && !page.isNull()) {
            if (page.isTextual()) {
                page = fetch.apply(page.asText());
            }
            if (!"AnnotationPage".equals(page.path("type").asText())) {
                throw new IllegalArgumentException("not an AnnotationPage: " + page.path("type"));
            }
            pages.add(page);
            for (JsonNode item : page.path("items")) {
                annotations.add(annotation(item));
            }
            page = page.get("next");
        }
        return new Collection(root, root.get("@context"), root.path("total").asLong(-1), pages, annotations);
    }

    private static Annotation annotation(JsonNode a) {
        JsonNode target = a.get("target");
        if (target.isArray()) {
            target = target.get(0);
        }
        String exact = null;
        String prefix = null;
        String suffix = null;
        Integer start = null;
        Integer end = null;
        JsonNode selectors = target.path("selector");
        for (JsonNode s : selectors.isArray() ? selectors : List.of(selectors)) {
            switch (s.path("type").asText()) {
                case "TextQuoteSelector" -> {
                    exact = s.get("exact").asText();
                    prefix = s.has("prefix") ? s.get("prefix").asText() : null;
                    suffix = s.has("suffix") ? s.get("suffix").asText() : null;
                }
                case "TextPositionSelector" -> {
                    start = s.get("start").asInt();
                    end = s.get("end").asInt();
                }
                default -> throw new IllegalArgumentException("unexpected selector " + s);
            }
        }
        List<JsonNode> bodies = new ArrayList<>();
        JsonNode body = a.path("body");
        if (body.isArray()) {
            body.forEach(bodies::add);
        } else if (!body.isMissingNode()) {
            bodies.add(body);
        }
        JsonNode source = target.get("source");
        return new Annotation(a, a.path("id").asText(), a.path("motivation").asText(),
                source.isTextual() ? source.asText() : source.path("id").asText(), exact, prefix, suffix, start, end,
                bodies);
    }

    /** Code points {@code start} to {@code end} of {@code text}. */
    static String codePoints(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        return text.substring(from, text.offsetByCodePoints(from, end - start));
    }

    /**
     * Null when the annotation's selectors agree with the text its source returns: the position selector's
     * slice is {@code exact}, the prefix ends right before it and the suffix starts right after; else what differs.
     */
    static String mismatch(Annotation a, String text) {
        int length = text.codePointCount(0, text.length());
        if (a.start() == null || a.end() < a.start() || a.end() > length) {
            return a.id() + ": no usable position " + a.start() + ".." + a.end();
        }
        String slice = codePoints(text, a.start(), a.end());
        if (!slice.equals(a.exact())) {
            return a.id() + ": text at " + a.start() + ".." + a.end() + " is '" + slice + "', exact is '" + a.exact() + "'";
        }
        String before = codePoints(text, 0, a.start());
        String after = codePoints(text, a.end(), length);
        if (a.prefix() != null ? !before.endsWith(a.prefix()) : a.start() > 0) {
            return a.id() + ": prefix '" + a.prefix() + "' does not end right before the span";
        }
        if (a.suffix() != null ? !after.startsWith(a.suffix()) : a.end() < length) {
            return a.id() + ": suffix '" + a.suffix() + "' does not start right after the span";
        }
        return null;
    }
}
