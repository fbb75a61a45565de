package dev.credence.exchange.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.annotation.LayerState;
import dev.credence.annotation.Offsets;
import dev.credence.document.TextNormalizer;
import dev.credence.web.UnprocessableException;
import jakarta.ws.rs.ClientErrorException;
import java.text.Normalizer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever file arrives, the readers and the mapping either produce a draft whose spans lie inside the
 * text, or refuse with a 4xx naming the place — never another exception (a 500). And the offset map
 * moves every span onto the normalized text so that it reads what it read in the file.
 */
class ImportReadersPropertiesTest {
    @Provide
    Arbitrary<Object[]> anyFile() {
        return ImportMutations.formats().flatMap(f -> ImportMutations.file(f).map(b -> new Object[] { f, b }));
    }

    @Property(tries = 600)
    void readersRefuseCleanlyOrGiveSpansInsideTheText(@ForAll("anyFile") Object[] input) {
        AnnotationImportFormat format = (AnnotationImportFormat) input[0];
        byte[] content = (byte[]) input[1];
        try {
            if (format == AnnotationImportFormat.jsonl) {
                for (ImportDraft d : NativeJsonlReader.read(content, "f.jsonl")) {
                    check(d);
                }
            } else {
                List<LabeledTask> tasks = format == AnnotationImportFormat.doccano ? DoccanoReader.read(content, "f")
                        : LabelStudioReader.read(content, "f");
                LabelMapping mapping = LabelMapping.none();
                LabelMapping.Census census = LabelMapping.Census.of(tasks);
                if (!mapping.unmapped(census).isEmpty()) {
                    return;
                }
                for (LabeledTask t : tasks) {
                    check(new ImportDraft(t.article(), t.where(),
                            List.of(mapping.toLayer(t, "rita", false, LayerState.submitted))));
                }
            }
        } catch (ClientErrorException refused) {
            int status = refused.getResponse().getStatus();
            assertTrue(status >= 400 && status < 500, "status " + status);
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
        }
    }

    private static void check(ImportDraft d) {
        int length = Offsets.length(d.article().text());
        for (ImportDraft.Layer l : d.layers()) {
            l.claims().forEach(c -> assertTrue(0 <= c.start() && c.start() < c.end() && c.end() <= length));
            l.mentions().forEach(c -> assertTrue(0 <= c.start() && c.start() < c.end() && c.end() <= length));
            l.cues().forEach(c -> assertTrue(0 <= c.start() && c.start() < c.end() && c.end() <= length));
        }
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'e').ofMaxLength(6),
                Arbitraries.of("🐉", "谣言", "e\u0301", "\u0301", "\r\n", "\r", "\n", " ", "\uFEFF", "Å", "A\u030A"))
                .list().ofMinSize(1).ofMaxSize(25).map(l -> String.join("", l))
                .filter(s -> !TextNormalizer.normalize(s).isBlank());
    }

    @Property(tries = 800)
    void offsetMapKeepsWhatEachSpanReads(@ForAll("text") String raw, @ForAll List<@net.jqwik.api.constraints.IntRange(
            min = 0, max = 200) Integer> cuts) {
        int n = Offsets.length(raw);
        if (cuts.size() < 2) {
            return;
        }
        int a = cuts.get(0) % (n + 1);
        int b = cuts.get(1) % (n + 1);
        int start = Math.min(a, b);
        int end = Math.max(a, b);
        if (start == end) {
            return;
        }
        String normalized = TextNormalizer.normalize(raw);
        OffsetMap map;
        try {
            map = OffsetMap.of(raw, normalized, new int[] { start, end }, "t");
        } catch (UnprocessableException refused) {
            return; // a boundary inside a combining sequence or CR LF: refused, never misplaced
        }
        int ms = map.map(start);
        int me = map.map(end);
        assertTrue(0 <= ms && ms <= me && me <= Offsets.length(normalized));
        String piece = Offsets.slice(raw, start, end).replace("\r\n", "\n").replace('\r', '\n');
        String expected = Normalizer.normalize(piece, Normalizer.Form.NFC);
        String actual = Offsets.slice(normalized, ms, me);
        // The normalized text drops leading BOMs and trailing white space: a span may lose those ends only.
        String core = expected.replaceFirst("^\uFEFF+", "");
        // (A BOM inside the text is kept; only one at the very start is dropped.)
        assertTrue(actual.equals(expected) || core.startsWith(actual) && core.substring(actual.length()).isBlank()
                || expected.startsWith(actual) && expected.substring(actual.length()).isBlank()
                || actual.equals(core), "'" + expected + "' became '" + actual + "'");
        assertEquals(map.map(start), ms);
    }
}
