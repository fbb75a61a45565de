package dev.credence.annotation;

import dev.credence.document.Document;
import jakarta.ws.rs.core.MultivaluedMap;

/** The mention or cue form: a span plus source fields (a mention) or a cue class (a cue). */
public record SpanForm(String what, Long id, int start, int end, String exact, String sourceName, String sourceType,
        String cueClass, String error) {
    /** The span a mention or cue form posts: start and end (0 when absent or not a number). */
    static SpanInput span(MultivaluedMap<String, String> fields) {
        return new SpanInput(ClaimForm.integer(fields.getFirst("start"), 0), ClaimForm.integer(fields.getFirst("end"), 0));
    }

    /** A field of the form, stripped; null when blank. */
    static String field(MultivaluedMap<String, String> fields, String name) {
        return ClaimForm.blankToNull(fields.getFirst(name));
    }

    /** A refused new mention or cue: the posted span and values with the message. */
    static SpanForm refused(String what, Document doc, SpanInput span, String sourceName, String sourceType,
            String cueClass, String error) {
        return new SpanForm(what, null, span.start(), span.end(), ClaimForm.slice(doc, span.start(), span.end()),
                sourceName, sourceType, cueClass, error);
    }

    /** A refused edit of a stored mention or cue: its span, the posted values, the message. */
    static SpanForm refused(String what, Span stored, String sourceName, String sourceType, String cueClass,
            String error) {
        return new SpanForm(what, stored.id, stored.start, stored.end, stored.exact, sourceName, sourceType, cueClass,
                error);
    }

    /** A new mention on the selected text; the source field starts as the text itself. */
    static SpanForm newMention(Document doc, int start, int end) {
        String exact = ClaimForm.slice(doc, start, end);
        return new SpanForm("mention", null, start, end, exact, exact, "", "", null);
    }

    static SpanForm newCue(Document doc, int start, int end) {
        return new SpanForm("cue", null, start, end, ClaimForm.slice(doc, start, end), "", "", "", null);
    }

    static SpanForm of(Mention m) {
        return new SpanForm("mention", m.id, m.start, m.end, m.exact, m.source == null ? "" : m.source.name,
                m.source == null ? "" : m.source.type.name(), "", null);
    }

    static SpanForm of(Cue c) {
        return new SpanForm("cue", c.id, c.start, c.end, c.exact, "", "", c.cueClass == null ? "" : c.cueClass, null);
    }

    /** Where the form posts: create for a new span, update for an existing one. */
    public String action(Long documentId) {
        return "/documents/" + documentId + "/" + what + "s" + (id == null ? "" : "/" + id);
    }
}
