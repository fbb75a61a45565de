package dev.credence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.credence.annotation.ClaimApi;
import dev.credence.document.DocumentApi;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based: the request parser (the one JSON configuration) either yields a body whose every
 * string passes the text policy, or refuses with a JsonProcessingException, which the error mappers
 * answer with 400/422 — never another exception (a 500). And the text policy's verdict matches
 * what UTF-8 can carry.
 */
class RequestParserPropertiesTest {
    @Provide
    Arbitrary<String> claimBodies() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("0", "5", "-1", "1.5", "\"0\"", "true", "1", "null",
                "[]", "{}", "\"a\\u0000b\"", "\"\\ud800\"", "\"ok 🛳\"", "[{\"source\":{\"name\":\"X\",\"type\":\"ngo\"}}]",
                "[{\"mention\":{\"start\":\"1\",\"end\":2}}]", "[null]", "99999999999"),
                Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
        Arbitrary<String> key = Arbitraries.of("start", "end", "kind", "stance", "checkWorthy", "credibility",
                "rationale", "evidenceUrl", "attribution", "version", "layer", "unknown");
        return net.jqwik.api.Combinators.combine(key.list().ofMaxSize(8), value.list().ofSize(8),
                Arbitraries.of("", " ", "x", "{}", "]")).as((keys, values, tail) -> {
                    StringBuilder b = new StringBuilder("{");
                    for (int i = 0; i < keys.size(); i++) {
                        b.append(i == 0 ? "" : ",").append('"').append(keys.get(i)).append("\":").append(values.get(i));
                    }
                    return b.append('}').append(tail).toString();
                });
    }

    @Property(tries = 1000)
    void claimBodiesParseOrAreRefusedAsJsonErrors(@ForAll("claimBodies") String json) {
        try {
            ClaimApi.ClaimBody body = JsonConfig.MAPPER.readValue(json, ClaimApi.ClaimBody.class);
            assertNotNull(body);
            assertNull(TextPolicy.problem(body.rationale()));
            assertNull(TextPolicy.problem(body.kind()));
        } catch (JsonProcessingException refused) {
            assertNotNull(refused.getOriginalMessage());
        }
    }

    @Property(tries = 500)
    void arbitraryBytesNeverBreakTheParser(@ForAll byte[] bytes) {
        try {
            JsonConfig.MAPPER.readValue(bytes, DocumentApi.DocumentInput.class);
        } catch (JsonProcessingException refused) {
            assertNotNull(refused.getMessage());
        } catch (java.io.IOException other) {
            throw new AssertionError("not a JSON error: " + other, other);
        }
    }

    @Property(tries = 1000)
    void thePolicyRefusesExactlyWhatUtf8AndPostgresCannotHold(@ForAll String s) {
        boolean roundTrips = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s);
        boolean acceptable = roundTrips && s.indexOf('\u0000') < 0;
        assertEquals(acceptable, TextPolicy.problem(s) == null, () -> "verdict on " + s.codePoints().boxed().toList());
    }

    @Property(tries = 500)
    void csvCellsNeverStartWithAFormulaCharacter(@ForAll String s) {
        Object cell = CsvCells.cell(s);
        String out = String.valueOf(cell);
        assertTrue(out.isEmpty() || "=+-@\t\r".indexOf(out.charAt(0)) < 0);
        assertTrue(out.endsWith(s));
    }
}
