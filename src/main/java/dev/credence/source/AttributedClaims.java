package dev.credence.source;

import dev.credence.account.User;
import dev.credence.web.Page;
import java.util.Collection;
import java.util.Map;

/**
 * The claims attributed to a source (at any hop), as the registry pages and API show them: only claims of layers
 * the viewer may read. Claims live in {@code annotation}, which stands above {@code source}; annotation implements
 * this (annotation.AttributedClaimQueries), so source never imports annotation.
 */
public interface AttributedClaims {
    /** Distinct visible claims per source id; a source without any is absent. */
    Map<Long, Long> countsBySource(Collection<Long> sourceIds, User viewer);

    /** Distinct visible claims attributed to the source. */
    long count(Source source, User viewer);

    /** One page of the visible hops naming the source, newest document first. */
    Page<AttributedClaim> page(Source source, User viewer, int page, int size);
}
