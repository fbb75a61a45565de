package dev.credence.corroboration;

import dev.credence.annotation.AttributionHop;
import dev.credence.annotation.Claim;
import java.util.List;

/** A claim as corroboration lists show it: its text, grades and chain with the sources' types. */
public record ClaimSummary(Long id, Long documentId, Long layerId, int start, int end, String exact, String kind,
        String stance, Integer credibility, String chain, List<SourceRef> sources, String layerState) {
    public record SourceRef(Long id, String name, String type) {
    }

    public record DocumentRef(Long id, String title, String publisher, java.time.LocalDate publishedAt) {
        public static DocumentRef of(Claim c) {
            var d = c.layer.document;
            return new DocumentRef(d.id, d.title, d.publisher, d.publishedAt);
        }
    }

    public static ClaimSummary of(Claim c) {
        List<SourceRef> sources = c.hops.stream().sorted(java.util.Comparator.comparingInt((AttributionHop h) -> -h.position))
                .map(h -> new SourceRef(h.source.id, h.source.name, h.source.type.name())).toList();
        return new ClaimSummary(c.id, c.layer.document.id, c.layer.id, c.start, c.end, c.exact,
                c.kind, c.stance, c.credibility, c.chain(),
                sources, c.layer.state.name());
    }
}
