package dev.credence.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Property-based: code point offsets round-trip with UTF-16 and slices agree with String's own code points. */
class OffsetsPropertiesTest {
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("a", "🛳", "👍🏽", "台", "“", "\n", "e\u0301").list().ofMaxSize(40)
                        .map(l -> String.join("", l)));
    }

    @Property(tries = 1000)
    void codePointsRoundTripThroughUtf16(@ForAll("text") String text) {
        int n = Offsets.length(text);
        for (int cp = 0; cp <= n; cp++) {
            assertEquals(cp, Offsets.toCodePoint(text, Offsets.toUtf16(text, cp)));
        }
    }

    @Property(tries = 1000)
    void slicesAreTheCodePointsBetweenTheOffsets(@ForAll("text") String text, @ForAll @IntRange(max = 80) int a,
            @ForAll @IntRange(max = 80) int b) {
        int n = Offsets.length(text);
        int start = Math.min(Math.min(a, b), n);
        int end = Math.min(Math.max(a, b), n);
        int[] cps = text.codePoints().toArray();
        String expected = new String(cps, start, end - start);
        assertEquals(expected, Offsets.slice(text, start, end));
        Offsets.Context ctx = Offsets.context(text, start, end);
        assertEquals(expected, ctx.exact());
        assertTrue(Offsets.length(ctx.prefix()) <= Offsets.CONTEXT && Offsets.length(ctx.suffix()) <= Offsets.CONTEXT);
        assertTrue(text.contains(ctx.prefix() + ctx.exact() + ctx.suffix()));
    }
}
