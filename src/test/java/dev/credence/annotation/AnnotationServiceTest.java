package dev.credence.annotation;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static dev.credence.annotation.AnnotationFixtures.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceService;
import dev.credence.web.ConflictException;
import dev.credence.web.UnprocessableException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnnotationServiceTest {
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    AnnotationService annotations;
    @Inject
    SourceService sources;
    @Inject
    SessionFactory sessionFactory;

    User rita;
    User sam;
    Project project;
    Document doc;

    @BeforeEach
    void setUp() {
        data.reset();
        rita = data.user("rita");
        sam = data.user("sam");
        project = data.project("Strait watch", rita);
        data.member(project, "sam", "reviewer");
        doc = fixtures.document(project, "Lanternfish report", ARTICLE);
    }

    static <T> T tx(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    static HopInput hop(String name, String type, SpanInput mention, SpanInput cue, String relation, String grade) {
        return new HopInput(null, name, type, null, mention, null, cue, relation, grade);
    }

    static ClaimInput claim(SpanInput s, Integer credibility, List<HopInput> hops) {
        return new ClaimInput(s.start(), s.end(), "event", "asserted", true, credibility, null, null, hops);
    }

    @Test
    void aReviewerWithoutAssignmentTakesAFreeSlotOrIsRefused() {
        QuarkusTransaction.requiringNew().run(() -> Project.<Project>findById(project.id).reviewersPerDocument = 1);
        data.user("tom");
        data.member(project, "tom", "reviewer");
        User tom = tx(() -> User.findByUsername("tom").orElseThrow());
        annotations.createClaim(doc, sam, twoHopClaim());
        var refused = org.junit.jupiter.api.Assertions.assertThrows(dev.credence.web.ConflictException.class,
                () -> annotations.createClaim(doc, tom, twoHopClaim()));
        assertTrue(refused.getMessage().contains("already has its 1 reviewer"), refused.getMessage());
        // managers (rita) annotate in their own layer regardless of the reviewer slots
        annotations.createClaim(doc, rita, twoHopClaim());
        assertEquals(2L, (long) tx(() -> Layer.count("document.id = ?1", doc.id)));
    }

    ClaimInput twoHopClaim() {
        return claim(span(ARTICLE, "had targeted 14 shipping companies since March"), 3, List.of(
                hop("Lanternfish", "firm_report", span(ARTICLE, "Lanternfish"), null, "asserts", "B"),
                hop("Harbor Courier", "independent_media", span(ARTICLE, "Harbor Courier"), span(ARTICLE, "told"),
                        "reports", "c")));
    }

    @Test
    void twoHopChainCreatesSourcesOnTheFlyThenFindsThemByNameOrAlias() {
        Claim c = annotations.createClaim(doc, rita, twoHopClaim());
        assertEquals("Harbor Courier ← Lanternfish", c.chain());
        assertEquals(0, c.hops.get(0).position);
        assertEquals(1, c.hops.get(1).position);
        assertEquals("C", c.hops.get(1).reliability);
        assertEquals("Lanternfish", c.hops.get(0).mention.exact);
        assertEquals(c.hops.get(0).source.id, c.hops.get(0).mention.source.id);
        assertEquals("told", c.hops.get(1).cue.exact);
        long sourcesBefore = tx(() -> Source.count());
        assertEquals(2, sourcesBefore);

        tx(() -> sources.create("Ministry of State Security", "government_official", List.of("MSS"), rita));
        Claim again = annotations.createClaim(doc, rita, claim(span(ARTICLE, "the group used a new backdoor"), 2,
                List.of(hop("MSS", "government_official", null, null, "asserts", null),
                        hop("LANTERNFISH", "firm_report", null, null, "cites", null),
                        hop("harbor courier", null, null, span(ARTICLE, "citing"), null, "A"))));
        assertEquals("harbor courier".length(), again.hops.get(2).source.name.length());
        assertEquals("Harbor Courier ← Lanternfish ← Ministry of State Security", again.chain());
        assertEquals(c.hops.get(0).source.id, again.hops.get(1).source.id);
        assertEquals("reports", again.hops.get(2).relation, "an omitted relation defaults to reports");
        assertEquals(3, tx(() -> Source.count()));
    }

    @Test
    void exactPrefixSuffixAreCodePointsAfterEmojiAndCjk() {
        SpanInput s = span(ARTICLE, "Researchers at the cybersecurity firm");
        // the flag, the thumbs-up with skin tone and 台湾 come before the span: UTF-16 and code points differ
        assertTrue(ARTICLE.indexOf("Researchers") > s.start());
        assertEquals(ARTICLE.indexOf("Researchers") - 4, s.start().intValue());
        Claim c = annotations.createClaim(doc, rita, claim(s, null, List.of()));
        assertEquals("Researchers at the cybersecurity firm", c.exact);
        assertEquals("台湾) — Cyber update 👍🏽\n", c.prefix.substring(c.prefix.indexOf("台")));
        assertEquals(32, Offsets.length(c.prefix));
        assertEquals(" Lanternfish told the Harbor Cou", c.suffix);
    }

    @Test
    void invalidInputIs422WithAClearDetail() {
        int len = doc.lengthCp;
        assertDetail("outside the text", claim(new SpanInput(0, len + 1), 1, List.of()));
        assertDetail("outside the text", claim(new SpanInput(-1, 3), 1, List.of()));
        assertDetail("must be before end", claim(new SpanInput(5, 5), 1, List.of()));
        assertDetail("start and end are required", new ClaimInput(null, 4, null, null, null, null, null, null, null));
        assertDetail("credibility", claim(new SpanInput(0, 4), 7, List.of()));
        assertDetail("credibility", claim(new SpanInput(0, 4), 0, List.of()));
        assertDetail("kind", new ClaimInput(0, 4, "rumour", null, null, null, null, null, null));
        assertDetail("stance", new ClaimInput(0, 4, null, "maybe", null, null, null, null, null));
        assertDetail("evidenceUrl", new ClaimInput(0, 4, null, null, null, null, null, "javascript:alert(1)", null));
        assertDetail("attribution[0].reliability", claim(new SpanInput(0, 4), 1,
                List.of(hop("Lanternfish", "firm_report", null, null, "asserts", "G"))));
        assertDetail("attribution[0].relation", claim(new SpanInput(0, 4), 1,
                List.of(hop("Lanternfish", "firm_report", null, null, "gossip", null))));
        assertDetail("attribution[1].source.type", claim(new SpanInput(0, 4), 1,
                List.of(hop("Lanternfish", "firm_report", null, null, null, null),
                        hop("Some Blog", "blog", null, null, null, null))));
        assertDetail("attribution[0].mention", claim(new SpanInput(0, 4), 1,
                List.of(hop("Lanternfish", "firm_report", new SpanInput(0, len + 5), null, null, null))));
        assertDetail("no source 999999", claim(new SpanInput(0, 4), 1,
                List.of(new HopInput(999999L, null, null, null, null, null, null, null, null))));
        assertDetail("a source is required", claim(new SpanInput(0, 4), 1,
                List.of(new HopInput(null, null, null, null, null, null, null, "asserts", null))));
        assertEquals(0, tx(() -> Source.count()), "nothing is created by a rejected claim");
        assertEquals(0, tx(() -> Claim.count()));
    }

    void assertDetail(String expected, ClaimInput in) {
        UnprocessableException e = assertThrows(UnprocessableException.class, () -> annotations.createClaim(doc, rita, in));
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should mention " + expected);
    }

    @Test
    void mentionOrCueFromAnotherLayerIs422() {
        Mention samsMention = annotations.createMention(doc, sam, span(ARTICLE, "Lanternfish"), null, "Lanternfish",
                "firm_report");
        UnprocessableException e = assertThrows(UnprocessableException.class, () -> annotations.createClaim(doc, rita,
                claim(new SpanInput(0, 4), 1, List.of(new HopInput(null, null, null, samsMention.id, null, null, null,
                        "asserts", null)))));
        assertTrue(e.getMessage().contains("mentionId"));
        // in sam's own layer the mention's source becomes the hop's source
        Claim ok = annotations.createClaim(doc, sam, claim(new SpanInput(0, 4), 1,
                List.of(new HopInput(null, null, null, samsMention.id, null, null, null, null, null))));
        assertEquals("Lanternfish", ok.chain());
    }

    @Test
    void eachReviewerHasTheirOwnLayerAndNonMembersGet404() {
        Claim c = annotations.createClaim(doc, rita, twoHopClaim());
        assertThrows(NotFoundException.class, () -> tx(() -> annotations.requireClaim(c.id, sam)));
        assertEquals(1, tx(() -> annotations.claims(annotations.findLayer(doc, rita).orElseThrow()).size()));
        assertTrue(tx(() -> annotations.findLayer(doc, sam)).isEmpty());
        User olga = data.user("olga");
        assertThrows(NotFoundException.class, () -> annotations.layerFor(doc, olga));
        assertThrows(NotFoundException.class, () -> annotations.createClaim(doc, olga, twoHopClaim()));
        assertThrows(NotFoundException.class, () -> tx(() -> annotations.requireClaim(c.id, olga)));
    }

    @Test
    void layerStateFollowsEditsAndSubmittedLayersAreReadOnly() {
        Layer l = annotations.layerFor(doc, rita);
        assertEquals(LayerState.assigned, l.state);
        Claim c = annotations.createClaim(doc, rita, twoHopClaim());
        assertEquals(LayerState.in_progress, tx(() -> Layer.<Layer>findById(l.id).state));
        annotations.submit(l, rita);
        assertEquals(LayerState.submitted, tx(() -> Layer.<Layer>findById(l.id).state));
        ConflictException e = assertThrows(ConflictException.class, () -> annotations.createClaim(doc, rita, twoHopClaim()));
        assertEquals(AnnotationService.SUBMITTED, e.getMessage());
        assertThrows(ConflictException.class, () -> annotations.deleteClaim(c, rita));
        assertThrows(ConflictException.class, () -> annotations.moveHop(c, rita, 0, 1));
        assertThrows(ConflictException.class, () -> annotations.createCue(doc, rita, new SpanInput(0, 3), "speech"));
        assertThrows(NotFoundException.class, () -> annotations.reopen(l, sam));
        annotations.reopen(l, rita);
        assertEquals(LayerState.in_progress, tx(() -> Layer.<Layer>findById(l.id).state));
        annotations.deleteClaim(c, rita);
        assertEquals(0, tx(() -> Claim.count()));
        assertEquals(2, tx(() -> Mention.count()), "mentions outlive the claim");
    }

    @Test
    void updateReplacesHopsAndChecksTheVersion() {
        Claim c = annotations.createClaim(doc, rita, twoHopClaim());
        long v0 = c.version;
        ClaimInput reversed = claim(span(ARTICLE, "the group used a new backdoor"), 4, List.of(
                new HopInput(c.hops.get(1).source.id, null, null, null, null, null, null, "asserts", "D"),
                new HopInput(c.hops.get(0).source.id, null, null, c.hops.get(0).mention.id, null, null, null,
                        "reports", null)));
        Claim updated = annotations.updateClaim(c, rita, reversed, v0);
        assertEquals("Lanternfish ← Harbor Courier", updated.chain());
        assertEquals("the group used a new backdoor", updated.exact);
        assertEquals(4, updated.credibility);
        assertTrue(updated.version > v0);
        assertEquals(2, tx(() -> AttributionHop.count()));
        assertThrows(ConflictException.class, () -> annotations.updateClaim(c, rita, reversed, v0));
        // without a version the update goes through
        Claim again = annotations.updateClaim(c, rita, twoHopClaim(), null);
        assertEquals("Harbor Courier ← Lanternfish", again.chain());
        assertThrows(NotFoundException.class, () -> annotations.updateClaim(c, sam, twoHopClaim(), null));
    }

    @Test
    void moveHopKeepsPositionsDense() {
        Claim c = annotations.createClaim(doc, rita, claim(new SpanInput(0, 6), null, List.of(
                hop("A-firm", "firm_report", null, null, null, null),
                hop("B-desk", "independent_media", null, null, null, null),
                hop("C-wire", "state_media", null, null, null, null))));
        Claim moved = annotations.moveHop(c, rita, 2, 0);
        assertEquals("B-desk ← A-firm ← C-wire", moved.chain());
        List<String> stored = tx(() -> annotations.claims(annotations.findLayer(doc, rita).orElseThrow()).get(0).hops
                .stream().map(h -> h.position + ":" + h.source.name).toList());
        assertEquals(List.of("0:C-wire", "1:A-firm", "2:B-desk"), stored);
        assertThrows(UnprocessableException.class, () -> annotations.moveHop(c, rita, 0, 3));
    }

    @Test
    void deletingAMentionOrCueDetachesItFromHops() {
        Claim c = annotations.createClaim(doc, rita, twoHopClaim());
        Mention m = c.hops.get(0).mention;
        Cue cue = c.hops.get(1).cue;
        annotations.deleteMention(m, rita);
        annotations.deleteCue(cue, rita);
        Claim reloaded = tx(() -> {
            Claim x = annotations.requireClaim(c.id, rita);
            Hibernate.initialize(x.hops);
            return x;
        });
        assertNull(reloaded.hops.get(0).mention);
        assertEquals("Lanternfish", reloaded.hops.get(0).source.name);
        assertNull(reloaded.hops.get(1).cue);
        assertThrows(NotFoundException.class, () -> annotations.deleteMention(m, rita));
    }

    @Test
    void thousandClaimsLoadInABoundedNumberOfStatements() {
        Source firm = tx(() -> sources.create("Lanternfish", "firm_report", List.of(), rita));
        Source outlet = tx(() -> sources.create("Harbor Courier", "independent_media", List.of(), rita));
        int n = doc.lengthCp;
        // batches of 100 per transaction keep the persistence context (and its dirty checks) small
        for (int batch = 0; batch < 10; batch++) {
            int from = batch * 100;
            QuarkusTransaction.requiringNew().run(() -> {
            for (int i = from; i < from + 100; i++) {
                int start = (i * 7) % (n - 20);
                List<HopInput> hops = new ArrayList<>();
                hops.add(new HopInput(firm.id, null, null, null, new SpanInput(start, start + 3), null, null, "asserts", "B"));
                hops.add(new HopInput(outlet.id, null, null, null, null, null, new SpanInput(start + 4, start + 6),
                        "reports", "C"));
                annotations.createClaim(doc, rita, new ClaimInput(start, start + 10 + i % 7, "event", null, null,
                        1 + i % 6, null, null, hops));
            }
            });
        }
        Statistics stats = sessionFactory.getStatistics();
        boolean wasEnabled = stats.isStatisticsEnabled();
        stats.setStatisticsEnabled(true);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Layer layer = annotations.findLayer(doc, rita).orElseThrow();
                stats.clear();
                List<Claim> claims = annotations.claims(layer);
                long statements = 0;
                int hops = 0;
                for (Claim c : claims) {
                    // touch everything a page or the API renders
                    c.chain();
                    for (AttributionHop h : c.hops) {
                        hops++;
                        if (h.mention != null) {
                            h.mention.source.name.length();
                        }
                        if (h.cue != null) {
                            h.cue.exact.length();
                        }
                    }
                }
                statements = stats.getPrepareStatementCount();
                assertEquals(1000, claims.size());
                assertEquals(2000, hops);
                for (int i = 1; i < claims.size(); i++) {
                    Claim a = claims.get(i - 1);
                    Claim b = claims.get(i);
                    assertTrue(a.start < b.start || (a.start == b.start && a.end <= b.end), "text order");
                }
                assertTrue(statements >= 1, "statistics are counting");
                assertTrue(statements <= 3, "claims(layer) used " + statements + " SQL statements");
                System.out.println("claims(layer) for 1000 claims / 2000 hops: " + statements + " SQL statement(s)");
            });
        } finally {
            stats.setStatisticsEnabled(wasEnabled);
        }
    }
}
