package dev.credence.search;

/**
 * A cheap summary of the indexed tables, read before every search: when it differs from the last one
 * seen, something was written (by this instance or another on the same database) and the index catches up.
 * Counts and maxima catch inserts and deletes, sums of versions catch updates.
 */
record IndexedState(long claims, long claimMaxId, long claimVersions, long documents, long documentMaxId,
        long documentRevisions, long layers, long layerVersions, long sources, long sourceMaxId, long changeLogMaxId) {
    static final String SQL = """
            select (select count(*) from claim), (select coalesce(max(id), 0) from claim),
                   (select coalesce(sum(version), 0) from claim),
                   (select count(*) from document), (select coalesce(max(id), 0) from document),
                   (select coalesce(sum(revision), 0) from document),
                   (select count(*) from layer), (select coalesce(sum(version), 0) from layer),
                   (select count(*) from source), (select coalesce(max(id), 0) from source),
                   (select coalesce(max(id), 0) from change_log)""";

    static IndexedState of(Object[] row) {
        long[] v = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            v[i] = row[i] == null ? 0 : ((Number) row[i]).longValue();
        }
        return new IndexedState(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }
}
