package dev.credence.annotation;

/**
 * One hop of an attribution chain as a caller sends it. The source is {@code sourceId}, or
 * {@code sourceName}+{@code sourceType} (found by name/alias, else created), or else the source
 * of the referenced mention. Mention and cue are an existing id in the same layer or a span
 * that creates one.
 */
public record HopInput(Long sourceId, String sourceName, String sourceType,
        Long mentionId, SpanInput mention, Long cueId, SpanInput cue, String relation, String reliability) {
}
