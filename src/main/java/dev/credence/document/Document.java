package dev.credence.document;

import dev.credence.account.User;
import dev.credence.project.Project;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;

/** One article. {@link #text} is NFC-normalized with LF line ends; offsets into it are code points. */
@Entity
public class Document extends IdEntity {
    /** Longest text we store, in UTF-16 units (the column limit). */
    public static final int MAX_TEXT = 1_000_000;

    @ManyToOne(optional = false)
    public Project project;

    @Column(nullable = false, length = 500)
    public String title;

    @Column(length = 2000)
    public String url;

    @Column(length = 300)
    public String publisher;

    @Column(name = "published_at")
    public LocalDate publishedAt;

    @Column(nullable = false, length = MAX_TEXT)
    public String text;

    @Column(name = "text_sha256", nullable = false, length = 64)
    public String textSha256;

    /** Length of {@link #text} in code points. */
    @Column(name = "length_cp", nullable = false)
    public int lengthCp;

    /** Number of the current {@link #text}: 1 as imported, +1 per correction (earlier texts: DocumentRevision). */
    @Column(nullable = false)
    public int revision = 1;

    @ManyToOne
    public User createdBy;

    /** Who made the current text and when; null while it is the imported one (revision 1). */
    @ManyToOne
    public User revisedBy;

    @Column(name = "revised_at")
    public Instant revisedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
