package dev.credence.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a schema.org DataFeed of ClaimReviews as schema.org and Google's fact-check documentation describe
 * them, independently of Credence's writer, and checks each review's required shape.
 */
final class ClaimReviewReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Review(JsonNode node, String claimReviewed, String url, Integer ratingValue, String alternateName,
            String originator, String articleUrl, String headline, String publisher, LocalDate datePublished) {
    }

    static List<Review> read(String body) throws IOException {
        JsonNode feed = MAPPER.readTree(body);
        require(feed.path("@context").asText().matches("https?://schema\\.org/?"), "schema.org context", feed);
        require("DataFeed".equals(feed.path("@type").asText()), "a DataFeed", feed);
        List<Review> out = new ArrayList<>();
        for (JsonNode element : feed.path("dataFeedElement")) {
            JsonNode r = "DataFeedItem".equals(element.path("@type").asText()) ? element.get("item") : element;
            out.add(review(r));
        }
        return out;
    }

    private static Review review(JsonNode r) {
        require("ClaimReview".equals(r.path("@type").asText()), "@type ClaimReview", r);
        require(r.path("claimReviewed").isTextual() && !r.get("claimReviewed").asText().isEmpty(), "claimReviewed", r);
        require(r.path("url").asText().startsWith("http"), "url", r);
        JsonNode rating = r.path("reviewRating");
        require("Rating".equals(rating.path("@type").asText()), "reviewRating of @type Rating", r);
        require(rating.path("alternateName").isTextual(), "reviewRating.alternateName (required by fact-check readers)", r);
        Integer value = null;
        if (rating.has("ratingValue")) {
            value = rating.get("ratingValue").asInt();
            int best = rating.path("bestRating").asInt(5);
            int worst = rating.path("worstRating").asInt(1);
            require(worst < best && value >= worst && value <= best, "ratingValue within worstRating..bestRating", r);
        }
        JsonNode item = r.path("itemReviewed");
        require("Claim".equals(item.path("@type").asText()), "itemReviewed of @type Claim", r);
        JsonNode author = r.path("author");
        require(List.of("Organization", "Person").contains(author.path("@type").asText()) && author.has("name"),
                "author Organization or Person with a name", r);
        LocalDate date = LocalDate.parse(r.path("datePublished").asText());
        JsonNode appearance = item.path("appearance");
        return new Review(r, r.get("claimReviewed").asText(), r.get("url").asText(), value,
                rating.get("alternateName").asText(), item.path("author").path("name").asText(null),
                appearance.path("url").asText(null), appearance.path("headline").asText(null),
                appearance.path("publisher").path("name").asText(null), date);
    }

    private static void require(boolean ok, String what, JsonNode node) {
        if (!ok) {
            throw new AssertionError("ClaimReview feed: expected " + what + " in " + node);
        }
    }
}
