package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

/** Documents and bulk claims for the document page tests. The article text is fictional. */
@ApplicationScoped
public class DocumentPageFixtures {
    /** Emoji and CJK come before the key sentence, so UTF-16 and code point offsets differ there. */
    public static final String TEXT = "Harbour watch 🌊⚓ 港口安全 briefing\n\n"
            + "Researchers at the security firm Kestrel Labs told the Daily Meridian that the group had probed "
            + "port systems in three countries since March. The firm said it had tracked the activity for months.\n\n"
            + "Officials in Valmora declined to comment, according to the newspaper, but a ministry spokesperson "
            + "reportedly called the findings \"speculative\".\n\nADVERTISEMENT\n\n"
            + "Military analysts believe the probes were a rehearsal for a wider campaign.";
    public static final String SENTENCE = "Researchers at the security firm Kestrel Labs told the Daily Meridian "
            + "that the group had probed port systems in three countries since March.";

    @Inject
    EntityManager em;

    public Document document(Project project, User creator, String title, String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Document d = new Document();
            d.project = em.find(Project.class, project.id);
            d.title = title;
            d.publisher = "Daily Meridian";
            d.url = "https://example.org/harbour-watch";
            d.publishedAt = LocalDate.of(2026, 3, 14);
            d.text = text;
            d.textSha256 = sha256(text);
            d.lengthCp = text.codePointCount(0, text.length());
            d.createdBy = creator == null ? null : em.find(User.class, creator.id);
            d.createdAt = Instant.now();
            d.persist();
            return d;
        });
    }

    /** Code point offset of {@code needle} in {@code text}. */
    public static int cp(String text, String needle) {
        int i = text.indexOf(needle);
        if (i < 0) {
            throw new IllegalArgumentException(needle);
        }
        return text.codePointCount(0, i);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts one claim per span, each with a one-hop attribution, in a single transaction (no service round trips). */
    public void bulkClaims(Document doc, User owner, int[] starts, int[] ends) {
        QuarkusTransaction.requiringNew().run(() -> {
            Document d = em.find(Document.class, doc.id);
            Layer layer = new Layer();
            layer.document = d;
            layer.owner = em.find(User.class, owner.id);
            layer.kind = LayerKind.reviewer;
            layer.state = LayerState.in_progress;
            layer.updatedAt = Instant.now();
            layer.persist();
            dev.credence.source.Source source = new dev.credence.source.Source();
            source.name = "Kestrel Labs";
            source.type = dev.credence.source.SourceType.firm_report;
            source.createdAt = Instant.now();
            source.persist();
            for (int i = 0; i < starts.length; i++) {
                Claim c = new Claim();
                c.layer = layer;
                c.start = starts[i];
                c.end = ends[i];
                c.exact = Offsets.slice(d.text, starts[i], ends[i]);
                c.prefix = "";
                c.suffix = "";
                c.kind = "event";
                c.credibility = 1 + i % 6;
                c.createdAt = Instant.now();
                c.updatedAt = c.createdAt;
                c.persist();
                AttributionHop h = new AttributionHop();
                h.claim = c;
                h.position = 0;
                h.source = source;
                h.relation = "asserts";
                h.reliability = String.valueOf("ABCDEF".charAt(i % 6));
                h.persist();
                if (i % 100 == 99) {
                    em.flush();
                    em.clear();
                    layer = em.find(Layer.class, layer.id);
                    source = em.find(dev.credence.source.Source.class, source.id);
                }
            }
        });
    }
}
