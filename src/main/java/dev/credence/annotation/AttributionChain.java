package dev.credence.annotation;

import java.util.List;
import java.util.function.Function;

/**
 * The attribution chain as readers say it, outlet first: "POLITICO ← TeamT5" (DESIGN.md: hop 0 is the originator,
 * the last hop the outlet the reader sees). The one place the order and the arrow are written; the claim entity,
 * exports, search results and the assistant's suggestions all say a chain through here.
 */
public final class AttributionChain {
    /** Between two sources of a chain. */
    public static final String ARROW = " ← ";

    private AttributionChain() {
    }

    /** The chain of {@code hops} in position order (originator first), each hop said by {@code say}. */
    public static <H> String of(List<H> hops, Function<? super H, String> say) {
        StringBuilder sb = new StringBuilder();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (sb.length() > 0) {
                sb.append(ARROW);
            }
            sb.append(say.apply(hops.get(i)));
        }
        return sb.toString();
    }

    /** Names already in reading order (outlet first), joined by the arrow. */
    public static String outletFirst(List<String> names) {
        return String.join(ARROW, names);
    }
}
