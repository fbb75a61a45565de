package dev.credence.exchange;

import dev.credence.annotation.LayerKind;
import dev.credence.nlp.EnglishModels;
import dev.credence.nlp.Segmentation;
import jakarta.enterprise.inject.spi.CDI;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CoNLL-style token-level BIO for training taggers: per document and exported layer a
 * {@code -DOCSTART- <document id> <layer>} line, then its sentences, each followed by a blank line,
 * one token a line: {@code TOKEN\tSTART\tEND\tCLAIM\tSOURCE\tCUE} (code points, end exclusive;
 * tags by {@link BioTagger}). Sentences and tokens come from OpenNLP ({@link Segmentation}), once per
 * document whatever the number of layers. Documents without an exported layer have no block (their
 * tokens would all be O, which a tagger would learn as "no claim here"). Layout: docs/formats.md.
 */
public class ConllExportWriter implements ExportWriter {
    static final String CLAIM = "CLAIM";
    static final String SOURCE = "SOURCE";
    static final String CUE = "CUE";

    private final Writer out;
    private final Segmentation segmentation;

    public ConllExportWriter(OutputStream out, Segmentation segmentation) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.segmentation = segmentation;
    }

    /** The export's writer, with its own segmenter on the shared models (the ME classes are not thread-safe). */
    static ConllExportWriter open(ExportContext context, OutputStream out) {
        return new ConllExportWriter(out, CDI.current().select(EnglishModels.class).get().segmentation());
    }

    @Override
    public void page(List<ExportRows.Document> page) throws IOException {
        for (ExportRows.Document d : page) {
            write(d);
        }
        out.flush();
    }

    /** Writes one document's blocks, one per layer. */
    public void write(ExportRows.Document d) throws IOException {
        if (d.layers().isEmpty()) {
            return;
        }
        List<Segmentation.Sentence> sentences = segmentation.sentences(d.text());
        int count = 0;
        for (Segmentation.Sentence s : sentences) {
            count += s.tokens().size();
        }
        int[] starts = new int[count];
        int[] ends = new int[count];
        int i = 0;
        for (Segmentation.Sentence s : sentences) {
            for (Segmentation.Token t : s.tokens()) {
                starts[i] = t.start();
                ends[i] = t.end();
                i++;
            }
        }
        for (ExportRows.Layer layer : d.layers()) {
            List<BioTagger.Span> claims = new ArrayList<>(layer.claims().size());
            layer.claims().forEach(c -> claims.add(new BioTagger.Span(c.start(), c.end())));
            List<BioTagger.Span> mentions = new ArrayList<>(layer.mentions().size());
            layer.mentions().forEach(m -> mentions.add(new BioTagger.Span(m.start(), m.end())));
            List<BioTagger.Span> cues = new ArrayList<>(layer.cues().size());
            layer.cues().forEach(c -> cues.add(new BioTagger.Span(c.start(), c.end())));
            String[] claimTags = BioTagger.tag(starts, ends, claims, CLAIM);
            String[] sourceTags = BioTagger.tag(starts, ends, mentions, SOURCE);
            String[] cueTags = BioTagger.tag(starts, ends, cues, CUE);

            out.write("-DOCSTART- ");
            out.write(Long.toString(d.id()));
            out.write(' ');
            out.write(layerName(layer));
            out.write("\n\n");
            for (ExportRows.Claim c : layer.claims()) {
                // Links to claims of other documents, as comment lines (# …, as CoNLL-U and most column readers
                // skip them): the linking claim by its code point span, the linked one by document and claim id.
                for (ExportRows.Link l : c.links()) {
                    out.write("# claim_link\t" + c.start() + "\t" + c.end() + "\t" + l.relation() + "\t" + l.origin()
                            + "\t" + l.targetDocumentId() + "\t" + l.targetClaimId() + "\n");
                }
            }
            int k = 0;
            for (Segmentation.Sentence s : sentences) {
                for (Segmentation.Token t : s.tokens()) {
                    out.write(t.text());
                    out.write('\t');
                    out.write(Integer.toString(t.start()));
                    out.write('\t');
                    out.write(Integer.toString(t.end()));
                    out.write('\t');
                    out.write(claimTags[k]);
                    out.write('\t');
                    out.write(sourceTags[k]);
                    out.write('\t');
                    out.write(cueTags[k]);
                    out.write('\n');
                    k++;
                }
                out.write('\n');
            }
        }
    }

    /** "gold", or "reviewer:" + the owner's username. */
    static String layerName(ExportRows.Layer layer) {
        return layer.kind() == LayerKind.gold || layer.ownerUsername() == null ? "gold"
                : "reviewer:" + layer.ownerUsername().replaceAll("\\s", "_");
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
