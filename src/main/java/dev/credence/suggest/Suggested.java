package dev.credence.suggest;

import java.util.ArrayList;
import java.util.List;

/**
 * One proposed attribution, as the suggester finds it: the claim span, the cue, the source mention with the name
 * it stands for (a registry entry where one matched), the chain of hops (hop 0 the originator) and a score in
 * [0, 1]. Offsets are Unicode code points of the document text, end exclusive. {@code features} are what a
 * learned model reads.
 */
public record Suggested(Range claim, Range cue, String cueClass, Range source, String sourceName,
        Long registrySourceId, String sourceType, List<Hop> hops, double score, List<String> features) {

    /** A code-point range, end exclusive. */
    public record Range(int start, int end) {
        public int length() {
            return end - start;
        }

        public int overlap(Range o) {
            return Math.max(0, Math.min(end, o.end) - Math.max(start, o.start));
        }
    }

    /** One hop: the source it names (registry id where known), its mention and cue, the relation. */
    public record Hop(String name, Long registrySourceId, String sourceType, Range mention, Range cue,
            String relation) {
    }

    /** The chain as readers say it, outlet first ("POLITICO", "TeamT5"). */
    public List<String> chain() {
        List<String> out = new ArrayList<>(hops.size());
        for (int i = hops.size() - 1; i >= 0; i--) {
            out.add(hops.get(i).name());
        }
        return out;
    }

    public Suggested withScore(double newScore) {
        return new Suggested(claim, cue, cueClass, source, sourceName, registrySourceId, sourceType, hops, newScore,
                features);
    }
}
