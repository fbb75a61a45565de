package dev.credence.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.credence.annotation.Credibility;
import dev.credence.annotation.LayerKind;
import dev.credence.source.SourceType;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * schema.org {@code ClaimReview} JSON-LD: one review per graded claim of the exported layers, in a schema.org
 * {@code DataFeed} (the container fact-check feeds use), streamed element by element. The Admiralty credibility
 * 1–5 becomes {@code ratingValue} 5–1 (schema.org's best rating is the highest number); 6, "truth cannot be
 * judged", has a rating with its wording and no value. Layout: docs/formats.md.
 */
public final class ClaimReviewExportWriter implements ExportWriter {
    public static final String MEDIA_TYPE = "application/ld+json";

    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    /** Source types that name one person; every other type names an organisation, outlet or group. */
    private static final Set<SourceType> PEOPLE = EnumSet.of(SourceType.government_official,
            SourceType.academic_expert, SourceType.anonymous_official);

    private final ExportContext context;
    private final JsonGenerator json;

    private ClaimReviewExportWriter(ExportContext context, OutputStream out) throws IOException {
        this.context = context;
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    }

    static ClaimReviewExportWriter open(ExportContext context, OutputStream out) throws IOException {
        ClaimReviewExportWriter writer = new ClaimReviewExportWriter(context, out);
        writer.json.writeStartObject();
        writer.json.writeStringField("@context", "https://schema.org");
        writer.json.writeStringField("@type", "DataFeed");
        writer.json.writeStringField("name", context.projectName() + " — Credence claim reviews (layer "
                + context.parameters().getOrDefault("layer", "all") + ")");
        writer.json.writeStringField("dateCreated", context.exportedAt().toString());
        writer.json.writeArrayFieldStart("dataFeedElement");
        return writer;
    }

    /** Admiralty credibility 1–5 as a schema.org rating value 5–1 (best is highest); null for 6 and ungraded. */
    static Integer ratingValue(Integer credibility) {
        return credibility == null || credibility < 1 || credibility > 5 ? null : 6 - credibility;
    }

    @Override
    public void page(List<ExportRows.Document> page) throws IOException {
        Map<String, ExportRows.Stamp> stamps = context.reader() == null ? Map.of() : context.reader().stamps(page);
        for (ExportRows.Document d : page) {
            for (ExportRows.Layer layer : d.layers()) {
                for (ExportRows.Claim c : layer.claims()) {
                    if (c.credibility() != null) { // not reviewed yet: nothing to publish
                        review(d, layer, c, stamps.get("claim:" + c.id()));
                    }
                }
            }
        }
        json.flush();
    }

    private void review(ExportRows.Document d, ExportRows.Layer layer, ExportRows.Claim c, ExportRows.Stamp stamp)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("@type", "ClaimReview");
        json.writeStringField("url", context.iri("claims/" + c.id()));
        json.writeStringField("identifier", context.iri("api/v1/claims/" + c.id()));
        json.writeStringField("claimReviewed", c.exact());
        json.writeObjectFieldStart("itemReviewed");
        json.writeStringField("@type", "Claim");
        if (!c.hops().isEmpty()) {
            ExportRows.Hop origin = c.hops().get(0); // position 0: who first said it
            json.writeObjectFieldStart("author");
            json.writeStringField("@type", PEOPLE.contains(origin.sourceType()) ? "Person" : "Organization");
            json.writeStringField("@id", context.iri("api/v1/sources/" + origin.sourceId()));
            json.writeStringField("name", origin.sourceName());
            json.writeEndObject();
        }
        json.writeObjectFieldStart("appearance");
        json.writeStringField("@type", "NewsArticle");
        String url = W3cExportWriter.absoluteUri(d.url());
        if (url != null) {
            json.writeStringField("url", url);
        }
        json.writeStringField("headline", d.title());
        if (d.publisher() != null && !d.publisher().isBlank()) {
            json.writeObjectFieldStart("publisher");
            json.writeStringField("@type", "Organization");
            json.writeStringField("name", d.publisher());
            json.writeEndObject();
        }
        if (d.publishedAt() != null) {
            json.writeStringField("datePublished", d.publishedAt().toString());
        }
        json.writeEndObject();
        json.writeEndObject();

        json.writeObjectFieldStart("reviewRating");
        json.writeStringField("@type", "Rating");
        Integer value = ratingValue(c.credibility());
        if (value != null) {
            json.writeNumberField("ratingValue", value);
            json.writeNumberField("bestRating", 5);
            json.writeNumberField("worstRating", 1);
        }
        json.writeStringField("alternateName", Credibility.sentenceOf(c.credibility()));
        json.writeEndObject();
        if (c.rationale() != null && !c.rationale().isBlank()) {
            json.writeStringField("reviewBody", c.rationale());
        }
        if (!c.links().isEmpty()) {
            // The claims in other articles this review rests on (corroboration links), schema.org citation.
            json.writeArrayFieldStart("citation");
            for (ExportRows.Link l : c.links()) {
                json.writeStartObject();
                json.writeStringField("@type", "Claim");
                json.writeStringField("url", context.iri("api/v1/claims/" + l.targetClaimId()));
                json.writeStringField("description", l.relation() + " (" + l.origin() + " origin)"
                        + (l.countsTowardGrade1() ? "; an independent corroboration" : ""));
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        json.writeObjectFieldStart("author");
        json.writeStringField("@type", "Organization");
        json.writeStringField("name", context.projectName());
        json.writeStringField("url", context.iri("projects/" + context.scope().projectId()));
        json.writeEndObject();
        if (layer.kind() == LayerKind.reviewer && layer.ownerUsername() != null) {
            json.writeObjectFieldStart("contributor");
            json.writeStringField("@type", "Person");
            json.writeStringField("name", layer.ownerDisplayName() == null ? layer.ownerUsername() : layer.ownerDisplayName());
            json.writeEndObject();
        }
        java.time.Instant reviewed = stamp != null && stamp.modified() != null ? stamp.modified() : context.exportedAt();
        json.writeStringField("datePublished", reviewed.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
