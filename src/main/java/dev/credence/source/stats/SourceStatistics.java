package dev.credence.source.stats;

import java.time.Instant;
import java.util.List;

/**
 * What the viewer's projects say about one source, in figures: the claims attributed to it (in gold and submitted
 * layers the viewer may read), their credibility, the reliability its hops were given, how often those claims were
 * independently corroborated or contradicted, per month of publication, and the reliability history. Built by
 * {@link SourceStats} from aggregate queries; shown by the source page and {@code GET /api/v1/sources/{id}/stats}.
 */
public record SourceStatistics(long sourceId, String sourceName, long claims, long goldClaims, long submittedClaims,
        long independentlyCorroborated, long contradicted, List<GradeCount> credibility, List<GradeCount> reliabilityAtHops,
        List<Month> months, long undatedClaims, List<GradeChange> reliabilityHistory) {
    /** Which claims the figures count, in words (the API says it too). */
    public static final String BASIS = "claims attributed to the source at any hop, in gold and submitted layers the caller"
            + " may read (work in progress is not counted)";

    @com.fasterxml.jackson.annotation.JsonProperty("basis")
    public String basis() {
        return BASIS;
    }


    /** How many claims (or hops) carry one grade; {@code grade} null: not graded. */
    public record GradeCount(String grade, String words, long count) {
    }

    /** One calendar month ({@code YYYY-MM}) of the documents' publication dates. */
    public record Month(String month, long claims, long independentlyCorroborated, long contradicted) {
    }

    /** One reliability grade given in a project, with the grade it replaced there (null: the first). */
    public record GradeChange(long id, long projectId, String projectName, String grade, String previousGrade,
            String rationale, String gradedBy, String gradedByName, Instant gradedAt) {
    }

    /** Independently corroborated claims as a share of all counted ones, "42%". */
    public String corroboratedShare() {
        return SourceCharts.percent(independentlyCorroborated, claims);
    }

    public String contradictedShare() {
        return SourceCharts.percent(contradicted, claims);
    }
}
