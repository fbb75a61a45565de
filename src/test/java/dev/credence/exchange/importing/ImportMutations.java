package dev.credence.exchange.importing;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators: valid fixture files of each format, then cut, spliced or overwritten at random. */
final class ImportMutations {
    static final String[] PIECES = { "🐉", "谣言", "e\u0301", "\r\n", "\n", "\"", "\\", "{", "}", "[", "]", ",", ":",
        "-1", "99999999999", "1.5", "null", "true", "\"start\":", "\"end_offset\":", "\"labels\":[\"X\"]",
        "\\u0000", "\\ud800", "\u0000", "\"text\":\"x\"", "\"type\":\"relation\"", "\"from_id\":\"nope\"", " " };

    private ImportMutations() {
    }

    static String valid(AnnotationImportFormat format) {
        return switch (format) {
            case doccano -> ImportSamples.doccanoRelations() + ImportSamples.doccanoLabels();
            case labelstudio -> ImportSamples.labelStudioTasks();
            case jsonl -> NATIVE;
        };
    }

    /** A native line as the jsonl export writes it (offsets in code points, after the emoji). */
    static final String NATIVE = "{\"id\":1,\"title\":\"Dragon\",\"url\":null,\"publisher\":null,\"publishedAt\":null,"
            + "\"text\":\"Kestrel Labs said the crew 🐉 hit 9 ports, 谣言.\",\"offsets\":\"unicode_code_points\","
            + "\"layers\":[{\"id\":3,\"kind\":\"reviewer\",\"state\":\"submitted\",\"owner\":{\"username\":\"rita\"},"
            + "\"claims\":[{\"id\":4,\"start\":18,\"end\":38,\"exact\":\"the crew 🐉 hit 9 ports\",\"kind\":\"event\","
            + "\"stance\":\"asserted\",\"checkWorthy\":true,\"credibility\":2,\"attribution\":[{\"position\":0,"
            + "\"source\":{\"id\":9,\"name\":\"Kestrel Labs\",\"type\":\"firm_report\",\"country\":null},"
            + "\"mention\":{\"id\":5,\"start\":0,\"end\":12,\"exact\":\"Kestrel Labs\"},\"cue\":{\"id\":6,\"start\":13,"
            + "\"end\":17,\"exact\":\"said\",\"cueClass\":\"speech\"},\"relation\":\"asserts\",\"reliability\":\"B\"}]}],"
            + "\"mentions\":[{\"id\":5,\"start\":0,\"end\":12,\"exact\":\"Kestrel Labs\",\"source\":{\"id\":9,"
            + "\"name\":\"Kestrel Labs\"}}],\"cues\":[{\"id\":6,\"start\":13,\"end\":17,\"exact\":\"said\","
            + "\"cueClass\":\"speech\"}]}]}\n";

    static Arbitrary<AnnotationImportFormat> formats() {
        return Arbitraries.of(AnnotationImportFormat.class);
    }

    /** A file of the format, mutated 0–3 times (cut at a point, a piece inserted, a character replaced). */
    static Arbitrary<byte[]> file(AnnotationImportFormat format) {
        String base = valid(format);
        Arbitrary<String> mutated = Arbitraries.integers().between(0, 3).flatMap(n -> mutate(base, n));
        return Arbitraries.oneOf(mutated.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200));
    }

    private static Arbitrary<String> mutate(String s, int times) {
        if (times == 0) {
            return Arbitraries.just(s);
        }
        Arbitrary<String> once = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, s.length()), Arbitraries.of(PIECES)).as((op, at, piece) -> {
                    int i = Math.min(at, s.length());
                    if (i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i))) {
                        i--;
                    }
                    return switch (op) {
                        case 0 -> s.substring(0, i);
                        case 1 -> s.substring(0, i) + piece + s.substring(i);
                        default -> s.substring(0, i) + piece + s.substring(Math.min(s.length(), i + 1));
                    };
                });
        return once.flatMap(m -> mutate(m, times - 1));
    }
}
