package dev.credence.revision;

import dev.credence.annotation.Claim;
import dev.credence.annotation.LayerKind;
import dev.credence.history.HistoryService;
import java.util.ArrayList;
import java.util.List;

/**
 * What the preview page shows: the diff (long unchanged stretches shortened to their ends) and, for every
 * claim, whether it would be kept, moved or orphaned.
 */
public record RevisionPreview(int revision, boolean changed, long kept, long moved, long orphaned,
        List<Piece> pieces, List<ClaimRow> claims, String sha, int inserted, int deleted) {

    /** Code points of unchanged text shown on each side of a change. */
    static final int CONTEXT = 80;

    public record Piece(String kind, String text, boolean shortened) {
        public boolean isInserted() {
            return kind.equals("inserted");
        }

        public boolean isDeleted() {
            return kind.equals("deleted");
        }
    }

    public record ClaimRow(Long id, String layer, String outcome, String method, String before, String after) {
    }

    static RevisionPreview of(TextRevisions.Result r, String sha) {
        List<TextDiff.Piece> all = r.diff().pieces();
        List<Piece> pieces = new ArrayList<>();
        int inserted = 0;
        int deleted = 0;
        for (int i = 0; i < all.size(); i++) {
            TextDiff.Piece p = all.get(i);
            int length = p.text().codePointCount(0, p.text().length());
            switch (p.kind()) {
                case inserted -> inserted += length;
                case deleted -> deleted += length;
                default -> {
                }
            }
            if (p.kind() != TextDiff.Kind.equal || length <= 2 * CONTEXT + 20) {
                pieces.add(new Piece(p.kind().name(), p.text(), false));
                continue;
            }
            boolean first = i == 0;
            boolean last = i == all.size() - 1;
            String head = first ? "" : p.text().substring(0, p.text().offsetByCodePoints(0, CONTEXT));
            String tail = last ? "" : p.text().substring(p.text().offsetByCodePoints(0, length - CONTEXT));
            pieces.add(new Piece("equal", head, false));
            pieces.add(new Piece("equal", " … ", true));
            pieces.add(new Piece("equal", tail, false));
        }
        List<ClaimRow> claims = new ArrayList<>();
        for (TextRevisions.SpanChange c : r.claims()) {
            Claim claim = (Claim) c.before();
            String layer = claim.layer.kind == LayerKind.gold ? "gold"
                    : claim.layer.owner == null ? "—" : claim.layer.owner.username;
            String method = switch (c.placement().method()) {
                case position -> "same text";
                case quote -> "found by its quote and context";
                case fuzzy -> String.format(java.util.Locale.ROOT, "similar text (%.0f%%)",
                        100 * c.placement().similarity());
                case none -> "not found: flagged for a reviewer to re-place";
            };
            claims.add(new ClaimRow(c.id(), layer, c.outcome().name(), method, claim.exact,
                    c.placement().outcome() == Reanchoring.Outcome.orphaned ? "" : c.placement().exact()));
        }
        long orphaned = r.orphaned(HistoryService.CLAIM).size() + r.orphaned(HistoryService.MENTION).size()
                + r.orphaned(HistoryService.CUE).size();
        return new RevisionPreview(r.revision(), r.changed(), r.kept(), r.moved(), orphaned, pieces, claims, sha,
                inserted, deleted);
    }
}
