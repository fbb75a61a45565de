package dev.credence.annotation;

import dev.credence.annotation.ClaimForm.HopForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A save refused because someone else saved the claim first (409): what is stored now ("theirs",
 * at {@code version}) beside what the user sent ("yours"), so nothing typed is lost and reapplying is
 * one deliberate click that resubmits the user's values on top of the new version.
 */
public record ClaimConflict(Long documentId, ClaimForm theirs, ClaimForm yours, List<Row> rows) {

    /** One field: the stored value and the user's, as text. */
    public record Row(String field, String theirs, String yours) {
        public boolean differs() {
            return !Objects.equals(theirs, yours);
        }
    }

    static ClaimConflict of(Long documentId, ClaimForm theirs, ClaimForm yours) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Text", theirs.exact(), yours.exact()));
        rows.add(new Row("Kind", text(theirs.kind()), text(yours.kind())));
        rows.add(new Row("Stance", text(theirs.stance()), text(yours.stance())));
        rows.add(new Row("Check-worthy", theirs.checkWorthyText(), yours.checkWorthyText()));
        rows.add(new Row("Credibility", credibility(theirs.credibility()), credibility(yours.credibility())));
        rows.add(new Row("Attribution", chain(theirs.hops()), chain(yours.hops())));
        rows.add(new Row("Rationale", text(theirs.rationale()), text(yours.rationale())));
        rows.add(new Row("Evidence URL", text(theirs.evidenceUrl()), text(yours.evidenceUrl())));
        return new ClaimConflict(documentId, theirs, yours, rows);
    }

    /** The version to resubmit the user's values on: the one stored now. */
    public Long version() {
        return theirs.version();
    }

    /** The user's hops that would be saved (empty rows are dropped on save anyway). */
    public List<HopForm> yourHops() {
        return yours.filledHops();
    }

    private static String chain(List<HopForm> hops) {
        List<String> parts = new ArrayList<>();
        for (HopForm h : hops) {
            if (h.empty()) {
                continue;
            }
            String grade = h.reliability() == null || h.reliability().isBlank() ? "not graded" : h.reliability();
            parts.add(h.label() + ": " + (h.sourceName().isBlank() ? "(source of mention)" : h.sourceName()) + " · "
                    + (h.relation() == null || h.relation().isBlank() ? "—" : h.relation()) + " · " + grade);
        }
        return parts.isEmpty() ? "—" : String.join("\n", parts);
    }

    private static String credibility(Integer c) {
        return c == null ? "not graded" : c.toString();
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
