package dev.credence.exchange;

/**
 * Which layers of which project an export holds. Every document of the project is
 * exported; the layers inside are filtered.
 *
 * @param viewerId      only layers this user may read ({@link dev.credence.annotation.LayerVisibility}); null for
 *                      every layer (benchmarks, tools)
 * @param goldOnly      only the adjudicated gold layers ({@code layer=gold})
 * @param reviewersOnly only reviewer layers, no gold ({@code layer=reviewers})
 * @param agreement     each claim carries its item's agreement among the reviewer layers
 */
public record ExportScope(long projectId, Long viewerId, boolean goldOnly, boolean reviewersOnly, boolean agreement) {
    public ExportScope(long projectId, Long viewerId, boolean goldOnly) {
        this(projectId, viewerId, goldOnly, false, false);
    }

    public static ExportScope all(long projectId) {
        return new ExportScope(projectId, null, false);
    }
}
