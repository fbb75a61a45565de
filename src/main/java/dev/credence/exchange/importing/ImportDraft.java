package dev.credence.exchange.importing;

import dev.credence.annotation.LayerState;
import dev.credence.document.ArticleInput;
import dev.credence.source.SourceType;
import java.util.List;

/**
 * One document of an annotation import as read from the file, before anything is stored: the
 * article and its layers, in Credence's vocabulary (kinds, stances, cue classes and relations as
 * the file names them: checked against the target project's label schema when storing). Offsets are code points of the text <em>as
 * written in the file</em>; {@link OffsetMap} moves them onto the normalized text when storing.
 * {@code where} is "tasks.json task 3" or "data.jsonl line 7": every error names it.
 */
public record ImportDraft(ArticleInput article, String where, List<Layer> layers) {

    /**
     * {@code owner} is a username, null for the gold layer. A format whose file names no owner
     * (doccano, Label Studio) gets the {@code layer=} parameter's target here.
     */
    public record Layer(String owner, boolean gold, LayerState state, List<Claim> claims, List<Mention> mentions,
            List<Cue> cues) {
    }

    /** {@code hops} in chain order: hop 0 is the originator. */
    public record Claim(String where, int start, int end, String kind, String stance, Boolean checkWorthy,
            Integer credibility, String rationale, String evidenceUrl, List<Hop> hops) {
    }

    /** {@code key} lets hops point at the mention (native: its id; doccano/Label Studio: the region id). */
    public record Mention(String where, String key, int start, int end, Source source) {
    }

    public record Cue(String where, String key, int start, int end, String cueClass) {
    }

    /** A hop's mention and cue are keys of the layer's mentions and cues, or null. */
    public record Hop(String where, Source source, String mentionKey, String cueKey, String relation,
            String reliability) {
    }

    /** A registry source by name; {@code type} is used only if the registry has no such name yet. */
    public record Source(String name, SourceType type, String country) {
    }
}
