package dev.credence.exchange;

/**
 * Which layers of which project an export holds. Every document of the project is
 * exported; the layers inside are filtered.
 *
 * @param ownerId       only layers of this reviewer (a reviewer exports their own work); null for all
 * @param goldOnly      only the adjudicated gold layers ({@code layer=gold})
 * @param reviewersOnly only reviewer layers, no gold ({@code layer=reviewers})
 * @param agreement     each claim carries its item's agreement among the reviewer layers
 */
public record ExportScope(long projectId, Long ownerId, boolean goldOnly, boolean reviewersOnly, boolean agreement) {
    public ExportScope(long projectId, Long ownerId, boolean goldOnly) {
        this(projectId, ownerId, goldOnly, false, false);
    }

    public static ExportScope all(long projectId) {
        return new ExportScope(projectId, null, false);
    }
}
