package dev.credence.corroboration;

/**
 * Whether two linked claims go back to independent origins. Only {@code independent} corroborations count
 * toward credibility grade 1: two outlets repeating one leak are {@code shared}.
 */
public enum LinkOrigin {
    independent, shared, unknown
}
