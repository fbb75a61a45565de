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
}
