package dev.credence.exchange;

import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The brat and CoNLL exports over the real route, read back by independent readers (and by brat itself). */
@QuarkusTest
class BratConllExportTest {
    static final String KITE = "Lanternfish Says 🐉 Group Breached 14 Agencies\n"
            + "Researchers at the cybersecurity firm Lanternfish told the Harbor Ledger that the group "
            + "\"Copper Kite\" 🐉 breached 14 agencies, twice.\n"
            + "The ministry called it 谣言, said Rene\u0301e Caldero\u0301n, its spokeswoman.\n";
    static final String QUIET = "A quiet day at the port. Officials said nothing, reportedly.\n";
    static final String TWO_HOP = "the group \"Copper Kite\" 🐉 breached 14 agencies, twice.\nThe ministry";
    static final String DENIAL = "The ministry called it 谣言";

    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;

    Project project;
    Document kite;
    Document quiet;
    Map<Long, String> texts = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        data.reset();
        User mara = data.user("mara");
        User rev1 = data.user("rev1");
        User rev2 = data.user("rev2");
        project = data.project("Kite Watch: brat", mara);
        data.member(project, "rev1", "reviewer");
        data.member(project, "rev2", "reviewer");
        kite = fixtures.document(project, "Copper Kite breach", KITE);
        quiet = fixtures.document(project, "Quiet port", QUIET);
        texts.put(kite.id, KITE);
        texts.put(quiet.id, QUIET);

        Source firm = fixtures.source("Lanternfish", SourceType.firm_report);
        Source outlet = fixtures.source("Harbor Ledger", SourceType.independent_media);
        Source ministry = fixtures.source("The ministry", SourceType.government_statement);

        Layer layer1 = fixtures.layer(kite, rev1);
        // Runs over a line break: brat gets two fragments, CoNLL keeps I- into the next sentence.
        fixtures.claim(layer1, TWO_HOP,
                new ExportFixtures.HopSpec(firm, "Lanternfish told", "told", Relation.asserts, "C"),
                new ExportFixtures.HopSpec(outlet, "Harbor Ledger", null, Relation.reports, "B"));
        Layer layer2 = fixtures.layer(kite, rev2);
        fixtures.claim(layer2, DENIAL,
                new ExportFixtures.HopSpec(ministry, "Caldero\u0301n", "said", Relation.quotes, null));
        Layer gold = fixtures.layer(kite, null);
        fixtures.claim(gold, "Rene\u0301e Caldero\u0301n", new ExportFixtures.HopSpec(ministry, null, null, Relation.asserts, "F"));
        fixtures.claim(gold, "🐉 Group Breached");
        fixtures.layer(quiet, rev1);
    }

    private String url() {
        return "/api/v1/projects/" + project.id + "/export";
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private byte[] brat(String layer) {
        return TestData.api(TestData.token("mara")).queryParam("format", "brat").queryParam("layer", layer)
                .when().get(url())
                .then().statusCode(200).contentType(startsWith("application/zip"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"kite-watch-brat-.*\\.zip\""))
                .extract().asByteArray();
    }

    @Test
    void bratZipHasOneCollectionPerLayerAndEveryAnnReadsBack() throws Exception {
        Map<String, byte[]> zip = unzip(brat("all"));
        assertEquals(List.of("annotation.conf", "visual.conf", "gold/" + kite.id + ".txt", "gold/" + kite.id + ".ann",
                "reviewers/rev1/" + kite.id + ".txt", "reviewers/rev1/" + kite.id + ".ann",
                "reviewers/rev2/" + kite.id + ".txt", "reviewers/rev2/" + kite.id + ".ann",
                "reviewers/rev1/" + quiet.id + ".txt", "reviewers/rev1/" + quiet.id + ".ann", "README.md"),
                List.copyOf(zip.keySet()));
        BratStandoffReader.Config config = BratStandoffReader.config(utf8(zip.get("annotation.conf")));
        int textBounds = 0;
        for (Map.Entry<String, byte[]> e : zip.entrySet()) {
            if (!e.getKey().endsWith(".ann")) {
                continue;
            }
            String base = e.getKey().substring(0, e.getKey().length() - 4);
            String txt = utf8(zip.get(base + ".txt"));
            long docId = Long.parseLong(base.substring(base.lastIndexOf('/') + 1));
            assertEquals(texts.get(docId), txt, "the .txt is the document text, byte for byte");
            BratStandoffReader.Ann ann = BratStandoffReader.read(txt, utf8(e.getValue()), config);
            textBounds += ann.textBounds().size();
        }
        assertEquals(4 + 3 + 2, textBounds, "rev1: claim, 2 mentions, cue; rev2: claim, mention, cue; gold: 2 claims");

        String rev1Txt = utf8(zip.get("reviewers/rev1/" + kite.id + ".txt"));
        BratStandoffReader.Ann rev1 = BratStandoffReader.read(rev1Txt, utf8(zip.get("reviewers/rev1/" + kite.id + ".ann")),
                config);
        BratStandoffReader.TextBound claim = rev1.ofType("Claim").get(0);
        assertEquals(2, claim.fragments().size(), "split at the line break");
        assertEquals(TWO_HOP.replace('\n', ' '), claim.text());
        int start = KITE.codePointCount(0, KITE.indexOf(TWO_HOP));
        assertEquals(start, claim.start(), "code points: the emoji in the headline counts one");
        assertEquals(List.of("asserts", "cue_for", "reports"),
                rev1.relations().stream().map(BratStandoffReader.Relation::type).sorted().toList());
        BratStandoffReader.Relation asserts = rev1.relations().stream().filter(r -> r.type().equals("asserts"))
                .findFirst().orElseThrow();
        assertEquals("Lanternfish told", rev1.textBounds().get(asserts.arg1()).text());
        assertEquals("C", rev1.attribute(asserts.id(), "Reliability"));

        String goldTxt = utf8(zip.get("gold/" + kite.id + ".txt"));
        BratStandoffReader.Ann goldAnn = BratStandoffReader.read(goldTxt, utf8(zip.get("gold/" + kite.id + ".ann")), config);
        assertEquals(List.of("🐉 Group Breached", "Rene\u0301e Caldero\u0301n"),
                goldAnn.ofType("Claim").stream().map(BratStandoffReader.TextBound::text).toList());
        assertTrue(goldAnn.note(goldAnn.ofType("Claim").get(1).id()).contains("chain: The ministry (asserts, F)"));

        String card = utf8(zip.get("README.md"));
        assertTrue(card.contains("| Claims | 4 |"), card);
        assertTrue(card.contains("code points"), card);
    }

    @Test
    void bratGoldOnlyAndUnannotatedDocuments() throws Exception {
        Map<String, byte[]> zip = unzip(brat("gold"));
        assertEquals(List.of("annotation.conf", "visual.conf", "gold/" + kite.id + ".txt", "gold/" + kite.id + ".ann",
                "unannotated/" + quiet.id + ".txt", "unannotated/" + quiet.id + ".ann", "README.md"),
                List.copyOf(zip.keySet()));
        assertEquals(QUIET, utf8(zip.get("unannotated/" + quiet.id + ".txt")));
        assertEquals(0, zip.get("unannotated/" + quiet.id + ".ann").length);
    }

    /** brat's own reader and verifier (fetched under target/ by scripts/fetch-brat.sh), when python3 and brat are there. */
    @Test
    void bratsOwnVerifierAcceptsTheExport() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path brat = root.resolve("target/brat/server/src");
        if (!Files.exists(brat.resolve("verify_annotations.py"))) {
            run(root, 120, "bash", "scripts/fetch-brat.sh");
        }
        Assumptions.assumeTrue(Files.exists(brat.resolve("verify_annotations.py")),
                "brat not fetched (scripts/fetch-brat.sh needs a clone of nlplab/brat): the Java reader checked it");
        Assumptions.assumeTrue(run(root, 30, "python3", "--version").exit == 0, "no python3");
        Path dir = root.resolve("target/brat-export-test");
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        for (Map.Entry<String, byte[]> e : unzip(brat("all")).entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        Result result = run(root, 120, "python3", "src/test/brat/verify_export.py", brat.toString(), dir.toString());
        assertEquals(0, result.exit, result.output);
        assertTrue(result.output.contains("checked 4 .ann files: 9 text-bound, 5 relations"), result.output);
        assertTrue(result.output.contains("0 problems"), result.output);
    }

    record Result(int exit, String output) {
    }

    private static Result run(Path dir, int seconds, String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), utf8(out));
    }

    @Test
    void conllTokensSliceTheTextAndTagsRebuildEverySpan() throws Exception {
        String body = TestData.api(TestData.token("mara")).queryParam("format", "conll")
                .when().get(url())
                .then().statusCode(200).contentType(startsWith("text/plain"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"kite-watch-brat-.*\\.conll\""))
                .extract().asString(); // RestAssured decodes as the declared charset, UTF-8
        Map<String, ConllReader.Block> blocks = ConllReader.byKey(ConllReader.read(body, texts::get));
        assertEquals(List.of(kite.id + " gold", kite.id + " reviewer:rev1", kite.id + " reviewer:rev2",
                quiet.id + " reviewer:rev1"), List.copyOf(blocks.keySet()));

        ConllReader.Block rev1 = blocks.get(kite.id + " reviewer:rev1");
        assertEquals("Lanternfish Says 🐉 Group Breached 14 Agencies", rev1.sentences().get(0).stream()
                .map(ConllReader.Token::text).reduce((a, b) -> a + " " + b).orElseThrow(), "the headline is a sentence");
        assertTrue(rev1.tokens().stream().anyMatch(t -> t.text().equals("Rene\u0301e")));
        assertTrue(rev1.tokens().stream().anyMatch(t -> t.text().equals("谣言")));
        // Every span's token coverage comes back from its column (no overlaps in one column here).
        assertCoverage(rev1, 0, List.of(TWO_HOP));
        assertCoverage(rev1, 1, List.of("Lanternfish told", "Harbor Ledger"));
        assertCoverage(rev1, 2, List.of("told"));
        ConllReader.Block rev2 = blocks.get(kite.id + " reviewer:rev2");
        assertCoverage(rev2, 0, List.of(DENIAL));
        assertCoverage(rev2, 1, List.of("Caldero\u0301n"));
        ConllReader.Block gold = blocks.get(kite.id + " gold");
        assertCoverage(gold, 0, List.of("🐉 Group Breached", "Rene\u0301e Caldero\u0301n"));
        assertTrue(gold.spans(1).isEmpty() && gold.spans(2).isEmpty());
        // The claim over the line break continues with I- into the next sentence.
        int crossing = rev1.sentences().size() - 1;
        assertEquals("I-CLAIM", rev1.sentences().get(crossing).get(0).tags()[0]);
        assertTrue(blocks.get(quiet.id + " reviewer:rev1").tokens().stream().allMatch(t -> t.tags()[0].equals("O")));
    }

    @Test
    void conllLayerFilterAndVisibility() throws Exception {
        String gold = TestData.api(TestData.token("mara")).queryParam("format", "conll").queryParam("layer", "gold")
                .when().get(url()).then().statusCode(200).extract().asString();
        assertEquals(List.of(kite.id + " gold"), List.copyOf(ConllReader.byKey(ConllReader.read(gold, texts::get)).keySet()),
                "documents without an exported layer have no block");
        String rev2 = TestData.api(TestData.token("rev2")).queryParam("format", "conll")
                .when().get(url()).then().statusCode(200).extract().asString();
        assertEquals(List.of(kite.id + " reviewer:rev2"),
                List.copyOf(ConllReader.byKey(ConllReader.read(rev2, texts::get)).keySet()));
    }

    /** The spans column {@code c} rebuilds equal the token coverage of each exact string (first occurrence). */
    private void assertCoverage(ConllReader.Block block, int c, List<String> exacts) {
        List<ConllReader.Token> tokens = block.tokens();
        List<String> expected = new ArrayList<>();
        for (String exact : exacts) {
            int s = KITE.codePointCount(0, KITE.indexOf(exact));
            int e = s + exact.codePointCount(0, exact.length());
            List<ConllReader.Token> covered = tokens.stream().filter(t -> t.start() < e && s < t.end()).toList();
            expected.add(covered.get(0).start() + "-" + covered.get(covered.size() - 1).end());
        }
        List<String> actual = block.spans(c).stream().map(sp -> sp[0] + "-" + sp[1]).toList();
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList(), ConllReader.COLUMNS[c]);
    }
}
