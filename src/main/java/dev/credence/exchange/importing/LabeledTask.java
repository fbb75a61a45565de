package dev.credence.exchange.importing;

import dev.credence.document.ArticleInput;
import java.util.List;

/**
 * A document as doccano and Label Studio describe it: the text, labelled regions, relations
 * between regions and per-region choices, all still in the file's own labels. A
 * {@link LabelMapping} turns it into an {@link ImportDraft}.
 *
 * @param predictions true when the regions are a model's predictions (Label Studio {@code predictions})
 *                    rather than a person's finished annotations
 */
public record LabeledTask(ArticleInput article, String where, List<Region> regions, List<Link> links,
        boolean predictions, List<String> notes) {

    /** {@code text} is what the file says the span reads (null when it does not say). */
    public record Region(String where, String id, int start, int end, String text, String label, List<String> choices) {
    }

    /** A relation from one region to another, with its label (null when unlabelled). */
    public record Link(String where, String fromId, String toId, String label) {
    }
}
