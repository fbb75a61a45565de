package dev.credence.exchange.backup;

import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimComment;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Mention;
import dev.credence.annotation.Span;
import dev.credence.document.Document;
import dev.credence.document.DocumentRevision;
import dev.credence.project.Project;
import jakarta.persistence.EntityManager;

/** Restores the rows of ids.documents, their revisions, ids.layers, ids.mentions, ids.cues, ids.claims, hops, ids.comments and claim ids.links. */
final class AnnotationRestore {
    private final EntityManager em;
    private final RestoredIds ids;

    AnnotationRestore(EntityManager em, RestoredIds ids) {
        this.em = em;
        this.ids = ids;
    }

    void document(BackupRow row) {
        Document d = new Document();
        d.project = ids.project();
        d.title = row.text("title");
        d.url = row.optText("url");
        d.publisher = row.optText("publisher");
        d.publishedAt = row.optDate("publishedAt");
        d.text = row.text("text", "textSha256", "lengthCp");
        d.textSha256 = row.text("textSha256");
        d.lengthCp = row.integer("lengthCp");
        d.revision = row.integer("revision");
        d.createdBy = ids.userRef(row, "createdBy", false);
        d.createdAt = row.instant("createdAt");
        d.persist();
        long id = row.id("id");
        ids.documents.put(id, d.id);
        ids.documentLength.put(id, d.lengthCp);
    }

    void revision(BackupRow row) {
        DocumentRevision r = new DocumentRevision();
        r.document = em.getReference(Document.class, ids.mapped(row, "documentId", ids.documents, BackupFormat.DOCUMENTS, true));
        r.revision = row.integer("revision");
        r.text = row.text("text", "textSha256", "lengthCp");
        r.textSha256 = row.text("textSha256");
        r.lengthCp = row.integer("lengthCp");
        r.createdBy = ids.userRef(row, "createdBy", false);
        r.createdAt = row.instant("createdAt");
        r.persist();
    }

    void layer(BackupRow row) {
        Layer l = new Layer();
        long document = row.id("documentId");
        l.document = em.getReference(Document.class, ids.mapped(row, "documentId", ids.documents, BackupFormat.DOCUMENTS, true));
        l.kind = row.enumeration("kind", LayerKind.class);
        l.owner = ids.userRef(row, "owner", l.kind == LayerKind.reviewer);
        if (l.kind == LayerKind.gold && l.owner != null) {
            throw row.error("owner", "a gold layer has no owner");
        }
        l.state = row.enumeration("state", LayerState.class);
        l.updatedAt = row.instant("updatedAt");
        l.version = row.id("version");
        l.persist();
        ids.layers.put(row.id("id"), l.id);
        ids.layerDocument.put(row.id("id"), document);
    }

    /** Sets a span's fields and layer; the offsets must lie inside the document's text. */
    private Layer span(BackupRow row, Span span) {
        long layer = row.id("layerId");
        Long target = ids.mapped(row, "layerId", ids.layers, BackupFormat.LAYERS, true);
        span.start = row.integer("start");
        span.end = row.integer("end");
        // An orphaned span (re-anchoring could not place it) keeps the offsets of an older revision.
        Boolean orphaned = row.optBoolean("orphaned");
        span.orphaned = orphaned != null && orphaned;
        span.orphanedRevision = span.orphaned ? row.optInteger("orphanedRevision") : null;
        int length = span.orphaned ? Integer.MAX_VALUE : ids.documentLength.get(ids.layerDocument.get(layer));
        if (span.start < 0 || span.start >= span.end || span.end > length) {
            throw row.error("end", "span " + span.start + "–" + span.end + " is not inside the text (0–" + length + ")");
        }
        span.exact = row.text("exact");
        span.prefix = row.text("prefix");
        span.suffix = row.text("suffix");
        return em.getReference(Layer.class, target);
    }

    void mention(BackupRow row) {
        Mention m = new Mention();
        m.layer = span(row, m);
        m.source = ids.sourceRef(row, "sourceId", false);
        m.createdAt = row.instant("createdAt");
        m.persist();
        ids.mentions.put(row.id("id"), m.id);
    }

    void cue(BackupRow row) {
        Cue c = new Cue();
        c.layer = span(row, c);
        c.cueClass = row.optText("cueClass");
        c.createdAt = row.instant("createdAt");
        c.persist();
        ids.cues.put(row.id("id"), c.id);
    }

    void claim(BackupRow row) {
        Claim c = new Claim();
        c.layer = span(row, c);
        c.kind = row.optText("kind");
        c.stance = row.optText("stance");
        c.checkWorthy = row.optBoolean("checkWorthy");
        c.credibility = row.optInteger("credibility");
        if (c.credibility != null && (c.credibility < 1 || c.credibility > 6)) {
            throw row.error("credibility", c.credibility + " is not 1–6");
        }
        c.rationale = row.optText("rationale");
        c.evidenceUrl = row.optText("evidenceUrl");
        c.createdAt = row.instant("createdAt");
        c.updatedAt = row.instant("updatedAt");
        c.version = row.id("version");
        c.persist();
        ids.claims.put(row.id("id"), c.id);
    }

    void hop(BackupRow row) {
        AttributionHop h = new AttributionHop();
        h.claim = em.getReference(Claim.class, ids.mapped(row, "claimId", ids.claims, BackupFormat.CLAIMS, true));
        h.position = row.integer("position");
        h.source = ids.sourceRef(row, "sourceId", true);
        Long mention = ids.mapped(row, "mentionId", ids.mentions, BackupFormat.MENTIONS, false);
        h.mention = mention == null ? null : em.getReference(Mention.class, mention);
        Long cue = ids.mapped(row, "cueId", ids.cues, BackupFormat.CUES, false);
        h.cue = cue == null ? null : em.getReference(Cue.class, cue);
        h.relation = row.text("relation");
        h.reliability = row.optText("reliability");
        if (h.reliability != null && !h.reliability.matches("[A-F]")) {
            throw row.error("reliability", "'" + h.reliability + "' is not one of A, B, C, D, E, F");
        }
        h.persist();
    }

    void comment(BackupRow row) {
        ClaimComment c = new ClaimComment();
        c.claim = em.getReference(Claim.class, ids.mapped(row, "claimId", ids.claims, BackupFormat.CLAIMS, true));
        Long parent = ids.mapped(row, "parentId", ids.comments, BackupFormat.COMMENTS + " (earlier lines)", false);
        c.parent = parent == null ? null : em.getReference(ClaimComment.class, parent);
        c.author = ids.userRef(row, "author", true);
        c.body = row.text("body");
        if (c.body.length() > ClaimComment.MAX_BODY) {
            throw row.error("body", "longer than " + ClaimComment.MAX_BODY + " characters");
        }
        c.createdAt = row.instant("createdAt");
        c.persist();
        ids.comments.put(row.id("id"), c.id);
    }

    void claimLink(BackupRow row) {
        var l = new dev.credence.corroboration.ClaimLink();
        l.project = em.getReference(Project.class, ids.projectId);
        l.claim = em.getReference(Claim.class, ids.mapped(row, "claimId", ids.claims, BackupFormat.CLAIMS, true));
        l.target = em.getReference(Claim.class, ids.mapped(row, "targetClaimId", ids.claims, BackupFormat.CLAIMS, true));
        if (l.claim.id.equals(l.target.id)) {
            throw row.error("targetClaimId", "a claim cannot be linked to itself");
        }
        l.relation = row.enumeration("relation", dev.credence.corroboration.LinkRelation.class);
        l.origin = row.enumeration("origin", dev.credence.corroboration.LinkOrigin.class);
        l.note = row.optText("note");
        if (l.note != null && l.note.length() > dev.credence.corroboration.ClaimLink.MAX_NOTE) {
            throw row.error("note", "longer than " + dev.credence.corroboration.ClaimLink.MAX_NOTE + " characters");
        }
        l.createdBy = ids.userRef(row, "createdBy", false);
        l.createdAt = row.instant("createdAt");
        l.persist();
        ids.links.put(row.id("id"), l.id);
    }
}
