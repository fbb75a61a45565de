package dev.credence.exchange;

import dev.credence.annotation.schema.LabelSchema;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * What a format writer knows about the export besides the documents.
 *
 * @param scope       the layers exported
 * @param projectName the project's name (dataset cards, ClaimReview authors)
 * @param baseUri     the app's absolute base URI, ending in '/', for IRIs (W3C targets, registry sources)
 * @param parameters  the export's request parameters as the user gave them (format, layer, ...), for the card
 * @param exportedAt  when the export started
 * @param reader      for per-export queries a writer needs before it starts (e.g. the longest chain)
 * @param schema      the project's label schema: the values label configs and dataset cards declare
 */
public record ExportContext(ExportScope scope, String projectName, URI baseUri, Map<String, String> parameters,
        Instant exportedAt, ExportReader reader, LabelSchema schema) {

    /** A context with the default label schema (writer tests). */
    public ExportContext(ExportScope scope, String projectName, URI baseUri, Map<String, String> parameters,
            Instant exportedAt, ExportReader reader) {
        this(scope, projectName, baseUri, parameters, exportedAt, reader, LabelSchema.defaults());
    }

    /** {@code path} (no leading '/') resolved against the base URI. */
    public String iri(String path) {
        return baseUri.resolve(path).toString();
    }
}
