package dev.credence.exchange;

import dev.credence.account.User;
import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimKind;
import dev.credence.annotation.Cue;
import dev.credence.annotation.CueClass;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Mention;
import dev.credence.annotation.Relation;
import dev.credence.annotation.Span;
import dev.credence.annotation.Stance;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/** Documents, layers, claims, hops, sources, mentions and cues written straight to the database. */
@ApplicationScoped
public class ExportFixtures {

    public Document document(Project project, String title, String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Document d = new Document();
            d.project = Project.findById(project.id);
            d.title = title;
            d.url = "https://example.org/" + title.toLowerCase().replaceAll("[^a-z]+", "-");
            d.publisher = "Harbor Ledger";
            d.text = text;
            d.textSha256 = sha256(text);
            d.lengthCp = text.codePointCount(0, text.length());
            d.createdAt = Instant.now();
            d.persist();
            return d;
        });
    }

    /** A reviewer layer of {@code owner}, or the gold layer when owner is null. */
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

    public Source source(String name, SourceType type) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Source s = new Source();
            s.name = name;
            s.type = type;
            s.createdAt = Instant.now();
            s.persist();
            return s;
        });
    }

    /** One hop of a chain to add with {@link #claim}: the mention and cue are spans of the text (or null). */
    public record HopSpec(Source source, String mention, String cue, Relation relation, String reliability) {
    }

    /** A claim on the first occurrence of {@code exact}, with hops in position order (originator first). */
    public Claim claim(Layer layer, String exact, HopSpec... hops) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Layer l = Layer.findById(layer.id);
            String text = l.document.text;
            Claim c = new Claim();
            c.layer = l;
            anchor(c, text, exact);
            c.kind = "event";
            c.stance = "asserted";
            c.checkWorthy = true;
            c.credibility = 3;
            c.createdAt = c.updatedAt = Instant.now();
            c.persist();
            for (int i = 0; i < hops.length; i++) {
                HopSpec spec = hops[i];
                AttributionHop h = new AttributionHop();
                h.claim = c;
                h.position = i;
                h.source = Source.findById(spec.source().id);
                h.relation = spec.relation().name();
                h.reliability = spec.reliability();
                if (spec.mention() != null) {
                    Mention m = new Mention();
                    m.layer = l;
                    m.source = h.source;
                    anchor(m, text, spec.mention());
                    m.createdAt = Instant.now();
                    m.persist();
                    h.mention = m;
                }
                if (spec.cue() != null) {
                    Cue cue = new Cue();
                    cue.layer = l;
                    cue.cueClass = "speech";
                    anchor(cue, text, spec.cue());
                    cue.createdAt = Instant.now();
                    cue.persist();
                    h.cue = cue;
                }
                h.persist();
                c.hops.add(h);
            }
            return c;
        });
    }

    static void anchor(Span span, String text, String exact) {
        int chars = text.indexOf(exact);
        if (chars < 0) {
            throw new IllegalArgumentException("not in text: " + exact);
        }
        int start = text.codePointCount(0, chars);
        int end = start + exact.codePointCount(0, exact.length());
        int length = text.codePointCount(0, text.length());
        span.start = start;
        span.end = end;
        span.exact = exact;
        span.prefix = codePoints(text, Math.max(0, start - 32), start);
        span.suffix = codePoints(text, end, Math.min(length, end + 32));
    }

    static String codePoints(String text, int start, int end) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().skip(start).limit(end - start).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
