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
public class AnnotationFixtures {
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
}
