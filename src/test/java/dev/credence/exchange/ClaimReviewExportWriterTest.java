package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimReviewExportWriterTest {
    static final String BASE = "https://credence.example.org/";

    static String export(List<ExportRows.Document> page) throws Exception {
        ExportContext context = new ExportContext(new ExportScope(5, null, true), "Kite Watch", URI.create(BASE),
                Map.of("format", "claimreview", "layer", "gold"), Instant.parse("2026-12-03T07:00:00Z"), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ClaimReviewExportWriter writer = ClaimReviewExportWriter.open(context, out)) {
            writer.page(page);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void credibilityMapsToARatingWhereBestIsHighest() {
        assertEquals(5, ClaimReviewExportWriter.ratingValue(1));
        assertEquals(3, ClaimReviewExportWriter.ratingValue(3));
        assertEquals(1, ClaimReviewExportWriter.ratingValue(5));
        assertNull(ClaimReviewExportWriter.ratingValue(6));
        assertNull(ClaimReviewExportWriter.ratingValue(null));
    }

    @Test
    void oneReviewPerGradedClaim() throws Exception {
        List<ClaimReviewReader.Review> reviews = ClaimReviewReader.read(export(List.of(ExportSamples.document())));
        assertEquals(1, reviews.size(), "claims 102 and 103 have no credibility grade yet");
        ClaimReviewReader.Review r = reviews.get(0);
        assertEquals("\"Copper Kite\", a group 🐉 tied to the ministry, breached 14 agencies, twice.\n", r.claimReviewed());
        assertEquals(BASE + "claims/101", r.url());
        assertEquals(3, r.ratingValue());
        assertEquals("Possibly true", r.alternateName());
        assertEquals("Lanternfish", r.originator(), "the originating source: hop 0");
        assertEquals("Organization", r.node().at("/itemReviewed/author/@type").asText());
        assertEquals(BASE + "api/v1/sources/7", r.node().at("/itemReviewed/author/@id").asText());
        assertEquals("https://example.org/kite", r.articleUrl());
        assertEquals("Kite, \"Copper\" and 🐉", r.headline());
        assertEquals("Harbor Ledger", r.publisher());
        assertEquals("2025-03-14", r.node().at("/itemReviewed/appearance/datePublished").asText());
        assertEquals("Kite Watch", r.node().at("/author/name").asText());
        assertEquals("Organization", r.node().at("/author/@type").asText());
        assertEquals("Only the firm's word, \"for now\"", r.node().get("reviewBody").asText());
        assertEquals("Rita R", r.node().at("/contributor/name").asText());
        assertEquals(LocalDate.of(2026, 12, 3), r.datePublished(), "no stamps: the export's date");
    }

    @Test
    void gradeSixHasItsWordingAndNoValue() throws Exception {
        String text = "Officials said the drill was routine.";
        List<ExportRows.Claim> claims = new ArrayList<>();
        claims.add(new ExportRows.Claim(1, 9, 0, 37, text, "", "", null, null, null, 6, null, null, List.of()));
        claims.add(new ExportRows.Claim(2, 9, 0, 9, "Officials", "", "", null, null, null, 1, null, null, List.of()));
        ExportRows.Layer gold = new ExportRows.Layer(9, 4, LayerKind.gold, LayerState.submitted, null, null, claims,
                List.of(), List.of());
        ExportRows.Document d = new ExportRows.Document(4, "Drill", "not a url", null, null, "x", 1, text, List.of(gold));
        List<ClaimReviewReader.Review> reviews = ClaimReviewReader.read(export(List.of(d)));
        assertEquals(2, reviews.size());
        assertNull(reviews.get(0).ratingValue());
        assertEquals("Truth cannot be judged", reviews.get(0).alternateName());
        assertFalse(reviews.get(0).node().at("/reviewRating").has("bestRating"));
        assertEquals(5, reviews.get(1).ratingValue());
        assertEquals("Confirmed by other sources", reviews.get(1).alternateName());
        assertNull(reviews.get(0).originator(), "no hops: no claim author");
        assertNull(reviews.get(0).articleUrl(), "a url that is not an IRI is left out");
        assertFalse(reviews.get(0).node().has("contributor"), "gold: the project's own review");
    }

    @Test
    void emptyFeedIsStillADataFeed() throws Exception {
        assertEquals(List.of(), ClaimReviewReader.read(export(List.of())));
    }
}
