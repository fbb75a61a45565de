package dev.credence.source;

import dev.credence.account.User;
import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Registry entries, documents, layers, claims and attribution hops for source tests, each in its own transaction. */
@ApplicationScoped
public class SourceFixtures {
    @Inject
    SourceService sources;

    /** One hop of a chain, originator first. */
    public record Hop(Source source, Relation relation, String reliability) {
    }

    public static Hop hop(Source source, Relation relation, String reliability) {
        return new Hop(source, relation, reliability);
    }

    public Source source(String name, SourceType type, String... aliases) {
        return QuarkusTransaction.requiringNew().call(() -> sources.create(
                new SourceInput(name, type.name(), null, null, null, null, null, null, Arrays.asList(aliases)), null));
    }

    public Document document(Project project, String title, String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Document d = new Document();
            d.project = Project.findById(project.id);
            d.title = title;
            d.text = text;
            d.textSha256 = sha256(title + "\n" + text);
            d.lengthCp = text.codePointCount(0, text.length());
            d.createdAt = Instant.now();
            d.persist();
            return d;
        });
    }

    /** A reviewer layer ({@code owner} non-null) or the gold layer ({@code owner} null). */
    public Layer layer(Document document, User owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Layer l = new Layer();
            l.document = Document.findById(document.id);
            l.owner = owner == null ? null : User.findById(owner.id);
            l.kind = owner == null ? LayerKind.gold : LayerKind.reviewer;
            l.state = LayerState.in_progress;
            l.updatedAt = Instant.now();
            l.persist();
            return l;
        });
    }

    /** A claim over the first occurrence of {@code exact} in the layer's document, with hops originator first. */
    public Claim claim(Layer layer, String exact, Integer credibility, Hop... hops) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Layer l = Layer.findById(layer.id);
            String text = l.document.text;
            int at = text.indexOf(exact);
            if (at < 0) {
                throw new IllegalArgumentException("'" + exact + "' is not in the document");
            }
            Claim c = new Claim();
            c.layer = l;
            c.start = text.codePointCount(0, at);
            c.end = c.start + exact.codePointCount(0, exact.length());
            c.exact = exact;
            c.prefix = text.substring(Math.max(0, at - 32), at);
            c.suffix = text.substring(at + exact.length(), Math.min(text.length(), at + exact.length() + 32));
            c.credibility = credibility;
            c.createdAt = Instant.now();
            c.updatedAt = c.createdAt;
            c.persist();
            List<Hop> chain = List.of(hops);
            for (int i = 0; i < chain.size(); i++) {
                AttributionHop h = new AttributionHop();
                h.claim = c;
                h.position = i;
                h.source = Source.findById(chain.get(i).source().id);
                h.relation = chain.get(i).relation().name();
                h.reliability = chain.get(i).reliability();
                h.persist();
                c.hops.add(h);
            }
            return c;
        });
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
