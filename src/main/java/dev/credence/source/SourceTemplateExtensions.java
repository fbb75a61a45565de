package dev.credence.source;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Helpers for the source pages' links (query strings carry the search the user typed). */
@TemplateExtension(namespace = "sources")
public class SourceTemplateExtensions {
    private SourceTemplateExtensions() {
    }

    /** A query-string value: {sources:query(q)}. */
    static String query(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Where the source form posts: the source's own address when editing, the registry when adding one. */
    static String formAction(Source source) {
        return source == null ? "/sources" : "/sources/" + source.id;
    }
}
