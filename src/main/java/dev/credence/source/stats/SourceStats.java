package dev.credence.source.stats;

import dev.credence.account.User;
import dev.credence.source.Source;

/**
 * A source's record in figures for one viewer. Its claims live in {@code annotation}, which stands above
 * {@code source}; corroboration implements this ({@code corroboration.SourceStatsQueries}: the figures count claim links), as it does
 * {@code source.AttributedClaims}.
 */
public interface SourceStats {
    SourceStatistics of(Source source, User viewer);
}
