package dev.credence.review.assignment;

import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.document.Document;
import io.quarkus.qute.TemplateExtension;

/** Template helpers for review: free reviewer slots on a document (for "Take this document"). */
@TemplateExtension
public class ReviewTemplateExtensions {
    private ReviewTemplateExtensions() {
    }

    /** How many more reviewers the document needs; 0 once it is in adjudication. */
    static long reviewSlotsLeft(Document d) {
        if (Layer.count("document = ?1 and kind = ?2", d, LayerKind.gold) > 0) {
            return 0;
        }
        return Math.max(0, d.project.reviewersPerDocument
                - Layer.count("document = ?1 and kind = ?2", d, LayerKind.reviewer));
    }
}
