package dev.credence.exchange;

import dev.credence.annotation.AttributionChain;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.source.SourceType;
import java.time.LocalDate;
import java.util.List;

/**
 * What an export reads: plain values projected from the database, one document at a
 * time, never managed entities (so nothing accumulates in the persistence context and
 * no lazy or eager association fires a query per row).
 */
public final class ExportRows {
    private ExportRows() {
    }

    public record Document(long id, String title, String url, String publisher, LocalDate publishedAt,
            String textSha256, int revision, String text, List<Layer> layers) {
    }

    /**
     * Owner fields are null for the gold layer. {@code claims}, {@code mentions} and {@code cues} are anchored on
     * the document's current text; {@code orphaned} holds the claims re-anchoring could not place on it, whose
     * offsets refer to an earlier revision (orphaned mentions and cues are not exported).
     */
    public record Layer(long id, long documentId, LayerKind kind, LayerState state, String ownerUsername,
            String ownerDisplayName, List<Claim> claims, List<Mention> mentions, List<Cue> cues,
            List<Orphan> orphaned) {

        /** A layer without orphaned claims. */
        public Layer(long id, long documentId, LayerKind kind, LayerState state, String ownerUsername,
                String ownerDisplayName, List<Claim> claims, List<Mention> mentions, List<Cue> cues) {
            this(id, documentId, kind, state, ownerUsername, ownerDisplayName, claims, mentions, cues,
                    new java.util.ArrayList<>());
        }
    }

    /** A claim flagged for a reviewer to re-place: its offsets and texts are those of {@code revision}. */
    public record Orphan(Claim claim, int revision) {
    }

    /** {@link #hops} is ordered by position: hop 0 is the originator, the last hop the outlet. */
    public record Claim(long id, long layerId, int start, int end, String exact, String prefix, String suffix,
            String kind, String stance, Boolean checkWorthy, Integer credibility, String rationale,
            String evidenceUrl, List<Hop> hops, List<Link> links) {

        /** A claim without corroboration links. */
        public Claim(long id, long layerId, int start, int end, String exact, String prefix, String suffix,
                String kind, String stance, Boolean checkWorthy, Integer credibility, String rationale,
                String evidenceUrl, List<Hop> hops) {
            this(id, layerId, start, end, exact, prefix, suffix, kind, stance, checkWorthy, credibility, rationale,
                    evidenceUrl, hops, new java.util.ArrayList<>());
        }

        /** "outlet ← … ← originator", as Claim.chain() says it. */
        public String chain() {
            return AttributionChain.of(hops, Hop::sourceName);
        }
    }

    /**
     * A corroboration link from this claim to a claim in another document (V13): relation corroborates |
     * contradicts | repeats, origin independent | shared | unknown. Only an independent corroboration
     * {@code countsTowardGrade1}.
     */
    public record Link(long id, long targetClaimId, long targetDocumentId, String relation, String origin, String note,
            boolean countsTowardGrade1) {
    }

    public record Hop(long claimId, int position, long sourceId, String sourceName, SourceType sourceType,
            String sourceCountry, SpanRef mention, CueRef cue, String relation, String reliability) {
    }

    /** The span a hop points to (without context, which the layer's mentions carry). */
    public record SpanRef(long id, int start, int end, String exact) {
    }

    public record CueRef(long id, int start, int end, String exact, String cueClass) {
    }

    public record Mention(long id, long layerId, int start, int end, String exact, String prefix, String suffix,
            Long sourceId, String sourceName) {
    }

    public record Cue(long id, long layerId, int start, int end, String exact, String prefix, String suffix,
            String cueClass) {
    }

    /** When a claim, mention or cue was created and (claims only: spans keep no such time) last changed. */
    public record Stamp(java.time.Instant created, java.time.Instant modified) {
    }

    /**
     * How the reviewers agree on the item (cluster of overlapping claims) a claim belongs to:
     * {@code reviewers} reviewer layers on the document, {@code matched} of them marked a claim in the item,
     * {@code agreed} when all marked exactly one identical claim (span, kind, stance, credibility, chain).
     */
    public record Agreement(int reviewers, int matched, boolean agreed) {
    }
}
