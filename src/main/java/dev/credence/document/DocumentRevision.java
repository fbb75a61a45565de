package dev.credence.document;

import dev.credence.account.User;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** An earlier text of a document, kept when a manager corrects it (the current text is on Document). */
@Entity
@Table(name = "document_revision")
public class DocumentRevision extends IdEntity {
    @ManyToOne(optional = false)
    public Document document;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false, length = Document.MAX_TEXT)
    public String text;

    @Column(name = "text_sha256", nullable = false, length = 64)
    public String textSha256;

    @Column(name = "length_cp", nullable = false)
    public int lengthCp;

    @ManyToOne
    public User createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<DocumentRevision> find(Document document, int revision) {
        return find("document = ?1 and revision = ?2", document, revision).firstResultOptional();
    }
}
