package dev.credence.annotation;

/** A span as a caller names it: code point offsets into the document text, end exclusive. */
public record SpanInput(Integer start, Integer end) {
}
