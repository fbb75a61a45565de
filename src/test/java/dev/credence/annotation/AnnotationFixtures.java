package dev.credence.annotation;

import dev.credence.document.Document;
import dev.credence.history.ChangeAction;
import dev.credence.history.HistoryService;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;

/** Documents for annotation tests, stored directly (the import feature lives elsewhere). */
@ApplicationScoped
public class AnnotationFixtures {
    @Inject
    HistoryService history;

    /** A fictional article in the corpus style: reported speech, a chain of sources, emoji and CJK before the claims. */
    public static final String ARTICLE = """
            Taipei 🇹🇼 (台湾) — Cyber update 👍🏽
            Researchers at the cybersecurity firm Lanternfish told the Harbor Courier that a hacking group \
            linked to the Ministry of State Security had targeted 14 shipping companies since March.
            STORY CONTINUES BELOW THIS AD
            The Harbor Courier has reported, citing analysts, that the group used a new backdoor.
            Officials believe more attacks are likely.
            """;

    /** Persists a document with the text NFC-normalized and LF line ends, as the importer stores it. */
    public Document document(Project project, String title, String text) {
        String stored = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        return QuarkusTransaction.requiringNew().call(() -> {
            Document d = new Document();
            d.project = Project.findById(project.id);
            d.title = title;
            d.text = stored;
            d.textSha256 = sha256(stored + "|" + title + "|" + System.nanoTime());
            d.lengthCp = Offsets.length(stored);
            d.createdAt = Instant.now();
            d.persist();
            // The change marker a real write leaves (docs/search.md); no project, so no project history shows it.
            history.record(null, null, d.id, HistoryService.DOCUMENT, d.id, ChangeAction.create, null, null);
            return d;
        });
    }

    /** Code point offset of the first occurrence of {@code needle} in {@code text}. */
    public static int cp(String text, String needle) {
        int i = text.indexOf(needle);
        if (i < 0) {
            throw new IllegalArgumentException("'" + needle + "' not in text");
        }
        return Offsets.toCodePoint(text, i);
    }

    /** The span of the first occurrence of {@code needle}, in code points. */
    public static SpanInput span(String text, String needle) {
        int start = cp(text, needle);
        return new SpanInput(start, start + Offsets.length(needle));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
