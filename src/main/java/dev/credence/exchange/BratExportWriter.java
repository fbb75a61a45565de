package dev.credence.exchange;

import dev.credence.annotation.LayerKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * brat standoff: a zip with {@code annotation.conf} and {@code visual.conf} at its root, one collection
 * (directory) per exported layer owner — {@code gold/}, {@code reviewers/<username>/} — holding
 * {@code <document id>.txt} (the text, UTF-8) and {@code <document id>.ann} ({@link BratStandoff}) for each
 * document that layer covers, {@code unannotated/} for documents without an exported layer (the .txt and an
 * empty .ann, so the set is complete), and the dataset card {@code README.md}. brat finds the configuration
 * by walking up from a document's directory, so one copy serves every collection. Layout: docs/formats.md.
 */
public class BratExportWriter implements ExportWriter {
    static final String OFFSETS = "brat's offsets are character offsets into the `.txt` as Python reads it "
            + "(UTF-8): Unicode code points, end exclusive — the same numbers as Credence's `start`/`end`. A span "
            + "that runs over a line break is written as fragments split at the line break (`T1\tClaim 3 9;10 20`), "
            + "whose texts brat joins with one space.";
    static final String HOW_TO_LOAD = """
            1. Unzip into brat's `data/` directory, e.g. `data/<project>/` (brat v1.3 or later).
            2. `annotation.conf` and `visual.conf` at the root apply to every collection below it:
               `gold/`, `reviewers/<username>/` (one per reviewer layer) and `unannotated/`.
            3. Open `http://<brat>/index.xhtml#/<project>/gold/` to browse the gold layer.

            Entities: `Claim`, `Source_mention`, `Cue`. Relations: one per attribution hop that names a mention,
            typed by the hop (`asserts`, `reports`, `cites`, `quotes`, `leaked_via`; Arg1 the mention, Arg2 the
            claim), and `cue_for` (the hop's cue to its mention, or to the claim). Attributes: `Kind`, `Stance`,
            `Check_worthy`, `Credibility` (1–6) on claims, `Reliability` (A–F) on hop relations, `Cue_class` on
            cues. `AnnotatorNotes` hold a claim's rationale, evidence URL and full chain (hops without a
            mention appear only there) and the registry source (with its IRI) a mention names.""";

    private final ZipExport zip;
    private final ExportContext context;

    public BratExportWriter(ExportContext context, OutputStream out) throws IOException {
        this.context = context;
        this.zip = new ZipExport(out, new DatasetCard(context, "brat standoff", OFFSETS, HOW_TO_LOAD));
        zip.entry("annotation.conf", BratConfig.annotationConf(context.schema()));
        zip.entry("visual.conf", BratConfig.visualConf(context.schema()));
    }

    static BratExportWriter open(ExportContext context, OutputStream out) throws IOException {
        return new BratExportWriter(context, out);
    }

    @Override
    public void page(List<ExportRows.Document> page) throws IOException {
        zip.card().observe(page);
        for (ExportRows.Document d : page) {
            byte[] text = d.text().getBytes(StandardCharsets.UTF_8);
            if (d.layers().isEmpty()) {
                write("unannotated/" + d.id(), text, "");
            }
            for (ExportRows.Layer layer : d.layers()) {
                write(collection(layer) + d.id(), text,
                        BratStandoff.ann(d.text(), layer, id -> context.iri("api/v1/sources/" + id)));
            }
        }
        zip.flush();
    }

    private void write(String base, byte[] text, String ann) throws IOException {
        try (OutputStream txt = zip.entry(base + ".txt")) {
            txt.write(text);
        }
        zip.entry(base + ".ann", ann);
    }

    /** "gold/" or "reviewers/<username>/" (characters other than letters, digits, '.', '_', '-' become '_'). */
    static String collection(ExportRows.Layer layer) {
        if (layer.kind() == LayerKind.gold || layer.ownerUsername() == null) {
            return "gold/";
        }
        String name = layer.ownerUsername().replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "_" + name;
        }
        return "reviewers/" + name + "/";
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
