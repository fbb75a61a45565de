package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Layer;
import dev.credence.corroboration.ClaimLink;
import dev.credence.corroboration.LinkOrigin;
import dev.credence.corroboration.LinkRelation;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages of an export are bounded by claims as well as documents (ExportReader.PAGE_CLAIMS): claim-dense documents
 * come in smaller pages, every document exactly once and in id order; claim links are read in slices of claims.
 */
@QuarkusTest
class ExportPagingTest {
    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;
    @Inject
    ExportReader reader;

    Project project;
    final List<Long> documents = new ArrayList<>();
    /** The claim of the first document with a link: past the first slice of CLAIM_SLICE claim ids. */
    long linked;
    long target;

    @BeforeEach
    void setUp() {
        data.reset();
        User mara = data.user("mara");
        project = data.project("Dense claims", mara);
        documents.clear();
        List<Long> first = document("Dense A", 1500, mara);
        document("Dense B", 700, mara);
        document("Dense C", 2100, mara);
        List<Long> last = document("Sparse D", 3, mara);
        document("Sparse E", 4, mara);
        linked = first.get(ExportReader.CLAIM_SLICE + 200);
        target = last.get(0);
        QuarkusTransaction.requiringNew().run(() -> {
            ClaimLink link = new ClaimLink();
            link.project = Project.findById(project.id);
            link.claim = Claim.findById(linked);
            link.target = Claim.findById(target);
            link.relation = LinkRelation.corroborates;
            link.origin = LinkOrigin.independent;
            link.note = "past the first slice";
            link.createdAt = Instant.now();
            link.persist();
        });
    }

    /** A document of {@code claims} claims ("c0 c1 c2 …", one claim per word) in mara's layer; their ids in order. */
    private List<Long> document(String title, int claims, User owner) {
        StringBuilder text = new StringBuilder("Numbered claims “dense” 🚢: ");
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            int start = text.codePointCount(0, text.length());
            String word = "c" + i;
            text.append(word).append(' ');
            spans.add(new int[] { start, start + word.length() });
        }
        Document d = fixtures.document(project, title, text.toString());
        documents.add(d.id);
        Layer layer = fixtures.layer(d, owner);
        return QuarkusTransaction.requiringNew().call(() -> {
            Layer l = Layer.findById(layer.id);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < claims; i++) {
                Claim c = new Claim();
                c.layer = l;
                c.start = spans.get(i)[0];
                c.end = spans.get(i)[1];
                c.exact = "c" + i;
                c.prefix = "";
                c.suffix = " ";
                c.kind = "event";
                c.stance = "asserted";
                c.checkWorthy = true;
                c.credibility = 1 + i % 6;
                c.createdAt = c.updatedAt = Instant.now();
                c.persist();
                ids.add(c.id);
            }
            return ids;
        });
    }

    @Test
    void claimDensePagesAreCutByClaimsAndKeepEveryDocumentOnce() {
        List<List<Long>> pages = new ArrayList<>();
        List<Integer> claimsPerPage = new ArrayList<>();
        List<Integer> linksOfLinked = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> reader.forEachPage(ExportScope.all(project.id),
                ExportReader.DEFAULT_BATCH, page -> {
                    pages.add(page.stream().map(ExportRows.Document::id).toList());
                    int claims = 0;
                    for (ExportRows.Document d : page) {
                        for (ExportRows.Layer l : d.layers()) {
                            claims += l.claims().size();
                            for (ExportRows.Claim c : l.claims()) {
                                if (c.id() == linked) {
                                    linksOfLinked.add(c.links().size());
                                    assertEquals(target, c.links().get(0).targetClaimId());
                                }
                            }
                        }
                    }
                    claimsPerPage.add(claims);
                }));
        List<Long> ids = documents;
        // A alone (A + B > 2,000), B alone (B + C > 2,000), C alone (over the budget by itself), D and E together.
        assertEquals(List.of(List.of(ids.get(0)), List.of(ids.get(1)), List.of(ids.get(2)), List.of(ids.get(3), ids.get(4))),
                pages);
        assertEquals(List.of(1500, 700, 2100, 7), claimsPerPage);
        assertEquals(List.of(1), linksOfLinked, "the link of a claim beyond the first slice of claim ids");
    }
}
