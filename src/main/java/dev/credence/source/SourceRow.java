package dev.credence.source;

import java.util.List;

/** One line of the registry list: the shared entry plus what the viewer's projects say about it. */
public record SourceRow(Source source, List<String> aliases, long claimCount, String latestGrade) {
}
