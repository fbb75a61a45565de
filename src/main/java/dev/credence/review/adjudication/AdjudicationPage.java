package dev.credence.review.adjudication;

import dev.credence.annotation.ClaimForm;
import dev.credence.annotation.DocumentPage;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Cue;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Mention;
import dev.credence.annotation.Segmenter;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.document.Document;
import dev.credence.review.matching.ClaimAlignment;
import java.util.List;

/** What the adjudication page renders: items of claims, mentions and cues with each reviewer's version. */
public final class AdjudicationPage {
    private AdjudicationPage() {
    }

    /** One reviewer's version of an item (claim null when the reviewer marked nothing there). */
    public record VersionRow(int number, String reviewer, Claim claim, java.util.Set<ClaimAlignment.Field> differs) {
        public boolean isDifferent(String field) {
            return claim != null && differs.contains(ClaimAlignment.Field.valueOf(field));
        }
    }

    /** One item as the page shows it. */
    public record ItemRow(int number, int start, int end, String exact, boolean agreed, List<VersionRow> versions,
            List<Claim> gold) {
        /** merged (agreed, in gold), resolved (gold holds something), open (nothing in gold yet). */
        public String status() {
            if (gold.isEmpty()) {
                return "open";
            }
            return agreed ? "merged" : "resolved";
        }

        public boolean hasVersions() {
            return versions.stream().anyMatch(v -> v.claim() != null);
        }
    }

    public record Reviewer(int number, String name, String state) {
    }

    /** One reviewer's mention or cue in a mark item (mark null: the reviewer marked nothing there). */
    public record MarkVersion(int number, String reviewer, SpanItems.Mark mark) {
    }

    public record MarkGroup(String kind, String title, String valueHead, List<MarkRow> rows) {
    }

    /** A mention or cue item as the page shows it. */
    public record MarkRow(String kind, int number, String exact, boolean agreed, boolean spanDiffers,
            boolean valueDiffers, List<MarkVersion> versions, List<SpanItems.Mark> gold) {
        public String status() {
            return gold.isEmpty() ? "open" : agreed ? "merged" : "resolved";
        }

        public boolean hasVersions() {
            return versions.stream().anyMatch(v -> v.mark() != null);
        }
    }

    public record View(Document doc, Layer gold, List<Reviewer> reviewers, boolean canStart, List<ItemRow> items,
            List<Segmenter.Segment> segments, List<Mention> mentions, List<Cue> cues, ClaimForm claimForm,
            String status, List<MarkRow> marks, LabelSchema schema) {
        public boolean started() {
            return gold != null;
        }

        public boolean finished() {
            return gold != null && gold.state == LayerState.submitted;
        }

        public String state() {
            return gold == null ? "not started" : gold.state == LayerState.submitted ? "finished" : "in progress";
        }

        /** Items of every kind with nothing in gold. */
        public long open() {
            return items.stream().filter(i -> i.status().equals("open")).count()
                    + marks.stream().filter(m -> m.status().equals("open")).count();
        }

        /** Agreed items (claims, mentions, cues) with nothing in gold: what "Accept all unanimous" copies. */
        public long unanimousWaiting() {
            return items.stream().filter(i -> i.agreed() && i.gold().isEmpty()).count()
                    + marks.stream().filter(m -> m.agreed() && m.gold().isEmpty()).count();
        }

        /** The mention items and the cue items, each under its heading. */
        public List<MarkGroup> markGroups() {
            return List.of(
                    new MarkGroup("mention", "Source mentions", "Source",
                            marks.stream().filter(m -> m.kind().equals("mention")).toList()),
                    new MarkGroup("cue", "Cues", "Cue class",
                            marks.stream().filter(m -> m.kind().equals("cue")).toList()));
        }

        public DocumentPage.View form() {
            // The claim form's option lists (kinds, stances, grades) are the document page's.
            return new DocumentPage.View(doc, gold, List.of(), mentions, cues, List.of(), claimForm, null, null,
                    schema);
        }
    }
}
