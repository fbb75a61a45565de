package dev.credence.exchange;

import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** format=claimreview over the real route, read back by an independent reader; the layer filter decides which claims. */
@QuarkusTest
class ClaimReviewExportApiTest {
    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;

    Project project;
    Document kite;
    final Map<String, String> tokens = new HashMap<>();

    private String token(String user) {
        return tokens.computeIfAbsent(user, TestData::token);
    }

    @BeforeEach
    void setUp() {
        data.reset();
        tokens.clear();
        User mara = data.user("mara");
        User rev1 = data.user("rev1");
        User rev2 = data.user("rev2");
        project = data.project("Kite Watch: Q3", mara);
        data.member(project, "rev1", "reviewer");
        data.member(project, "rev2", "reviewer");
        kite = fixtures.document(project, "Copper Kite breach", W3cExportApiTest.KITE);

        Source firm = fixtures.source("Lanternfish", SourceType.firm_report);
        Source outlet = fixtures.source("Harbor Ledger", SourceType.independent_media);
        Source ministry = fixtures.source("The ministry", SourceType.government_statement);
        Layer layer1 = fixtures.layer(kite, rev1);
        fixtures.claim(layer1, W3cExportApiTest.BREACH,
                new ExportFixtures.HopSpec(firm, "Lanternfish", "told", Relation.asserts, "C"),
                new ExportFixtures.HopSpec(outlet, "Harbor Ledger", null, Relation.reports, "B"));
        Layer layer2 = fixtures.layer(kite, rev2);
        fixtures.claim(layer2, W3cExportApiTest.DENIAL,
                new ExportFixtures.HopSpec(ministry, "The ministry", "called", Relation.asserts, null));
        Layer gold = fixtures.layer(kite, null);
        credibility(fixtures.claim(gold, W3cExportApiTest.BREACH,
                new ExportFixtures.HopSpec(firm, null, null, Relation.asserts, "C"),
                new ExportFixtures.HopSpec(outlet, null, null, Relation.reports, null)), 2);
        credibility(fixtures.claim(gold, W3cExportApiTest.CAFE,
                new ExportFixtures.HopSpec(ministry, null, null, Relation.asserts, "F")), 6);
        credibility(fixtures.claim(gold, W3cExportApiTest.OPENING), null);
    }

    private static void credibility(Claim claim, Integer grade) {
        QuarkusTransaction.requiringNew().run(() -> Claim.<Claim>findById(claim.id).credibility = grade);
    }

    private List<ClaimReviewReader.Review> export(String user, String layer) throws Exception {
        var request = TestData.api(token(user)).queryParam("format", "claimreview");
        if (layer != null) {
            request = request.queryParam("layer", layer);
        }
        return ClaimReviewReader.read(request.when().get("/api/v1/projects/" + project.id + "/export")
                .then().statusCode(200).contentType(startsWith("application/ld+json"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"kite-watch-q3-.*\\.claimreview\\.jsonld\""))
                .extract().asString());
    }

    @Test
    void goldLayerGivesOneReviewPerGradedGoldClaim() throws Exception {
        List<ClaimReviewReader.Review> reviews = export("mara", "gold");
        assertEquals(2, reviews.size(), "the ungraded gold claim has no review; reviewer layers are filtered out");
        ClaimReviewReader.Review breach = reviews.stream()
                .filter(r -> r.claimReviewed().equals(W3cExportApiTest.BREACH)).findFirst().orElseThrow();
        assertEquals(4, breach.ratingValue(), "credibility 2 (probably true) is 4 of 5");
        assertEquals("Probably true", breach.alternateName());
        assertEquals("Lanternfish", breach.originator(), "hop 0, the originator, not the outlet");
        assertEquals("https://example.org/copper-kite-breach", breach.articleUrl());
        assertEquals("Copper Kite breach", breach.headline());
        assertEquals("Harbor Ledger", breach.publisher());
        assertEquals("Kite Watch: Q3", breach.node().at("/author/name").asText());
        assertTrue(breach.url().matches("http://localhost:\\d+/claims/\\d+"), breach.url());

        ClaimReviewReader.Review cafe = reviews.stream()
                .filter(r -> r.claimReviewed().equals(W3cExportApiTest.CAFE)).findFirst().orElseThrow();
        assertNull(cafe.ratingValue());
        assertEquals("Truth cannot be judged", cafe.alternateName());
        assertEquals("Organization", cafe.node().at("/itemReviewed/author/@type").asText());

        // Every claimReviewed is the document's text at the claim's span (code points): the feed quotes exactly.
        String text = W3cExportApiTest.KITE;
        for (ClaimReviewReader.Review r : reviews) {
            assertTrue(text.contains(r.claimReviewed()), r.claimReviewed());
        }
    }

    @Test
    void allLayersForAManagerAndOwnLayerForAReviewer() throws Exception {
        List<ClaimReviewReader.Review> all = export("mara", null);
        assertEquals(4, all.size(), "two reviewer claims (credibility 3) and two graded gold claims");
        assertEquals(2, all.stream().filter(r -> r.node().has("contributor")).count());

        List<ClaimReviewReader.Review> own = export("rev2", null);
        assertEquals(1, own.size());
        assertEquals(W3cExportApiTest.DENIAL, own.get(0).claimReviewed());
        assertEquals(3, own.get(0).ratingValue());
        assertEquals("Possibly true", own.get(0).alternateName());
        assertEquals("rev2 Display", own.get(0).node().at("/contributor/name").asText());
        assertEquals("The ministry", own.get(0).originator());
    }
}
