package dev.credence.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import dev.credence.web.IdEntity;

/**
 * A range of a document's text in Unicode code points, end exclusive, with the
 * exact text and 32 code points of context on each side so it can be re-anchored.
 */
@MappedSuperclass
public abstract class Span extends IdEntity {
    @Column(name = "start_offset", nullable = false)
    public int start;

    @Column(name = "end_offset", nullable = false)
    public int end;

    @Column(name = "exact_text", nullable = false, length = 4000)
    public String exact;

    @Column(name = "prefix_text", nullable = false, length = 200)
    public String prefix;

    @Column(name = "suffix_text", nullable = false, length = 200)
    public String suffix;

    /**
     * Re-anchoring could not place the span on the document's current text (see revision/Reanchoring):
     * its offsets and texts are those of revision {@link #orphanedRevision}, kept for a reviewer to re-place.
     */
    @Column(nullable = false)
    public boolean orphaned;

    @Column(name = "orphaned_revision")
    public Integer orphanedRevision;

    /** The span is on the current text (not orphaned): its offsets may be used against {@code document.text}. */
    public boolean anchored() {
        return !orphaned;
    }
}
