package dev.credence.exchange;

import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dataset card ({@code README.md}) of a zip export: what the export holds, counted page by page
 * as it is written (counts, label and grade distributions, agreement), plus the schema, the offset
 * convention of the format and the export's parameters.
 */
public final class DatasetCard {
    private final ExportContext context;
    private final String formatTitle;
    private final String offsetConvention;
    private final String howToLoad;

    private long documents;
    private long layers;
    private long claims;
    private long mentions;
    private long cues;
    private long hops;
    private long items;
    private long itemsAgreed;
    private final Map<String, Long> layerKinds = new TreeMap<>();
    private final Map<String, Long> claimKinds = new TreeMap<>();
    private final Map<String, Long> stances = new TreeMap<>();
    private final Map<String, Long> credibility = new TreeMap<>();
    private final Map<String, Long> reliability = new TreeMap<>();
    private final Map<String, Long> cueClasses = new TreeMap<>();
    private final Map<String, Long> sourceTypes = new TreeMap<>();
    private final Map<String, Long> relations = new TreeMap<>();

    /**
     * @param formatTitle      e.g. "Label Studio tasks"
     * @param offsetConvention one sentence, e.g. "start/end are UTF-16 code units of data.text, end exclusive"
     * @param howToLoad        Markdown: the steps (and project settings) to load the files into the target tool
     */
    public DatasetCard(ExportContext context, String formatTitle, String offsetConvention, String howToLoad) {
        this.context = context;
        this.formatTitle = formatTitle;
        this.offsetConvention = offsetConvention;
        this.howToLoad = howToLoad;
    }

    public ExportContext context() {
        return context;
    }

    /** Counts one page; with the export's agreement reader, also the items agreed. */
    public void observe(List<ExportRows.Document> page) {
        for (ExportRows.Document d : page) {
            documents++;
            for (ExportRows.Layer layer : d.layers()) {
                layers++;
                count(layerKinds, layer.kind().name());
                for (ExportRows.Claim c : layer.claims()) {
                    claims++;
                    count(claimKinds, orNone(c.kind()));
                    count(stances, orNone(c.stance()));
                    count(credibility, c.credibility() == null ? "(none)" : String.valueOf(c.credibility()));
                    for (ExportRows.Hop h : c.hops()) {
                        hops++;
                        count(reliability, h.reliability() == null ? "(none)" : h.reliability());
                        count(sourceTypes, name(h.sourceType()));
                        count(relations, orNone(h.relation()));
                    }
                }
                mentions += layer.mentions().size();
                for (ExportRows.Cue cue : layer.cues()) {
                    cues++;
                    count(cueClasses, orNone(cue.cueClass()));
                }
            }
        }
    }

    /** Adds the agreement of a page's items (as ExportReader.agreements gives it, per claim). */
    public void observeAgreement(Map<Long, ExportRows.Agreement> agreements) {
        for (ExportRows.Agreement a : agreements.values()) {
            items++;
            if (a.agreed()) {
                itemsAgreed++;
            }
        }
    }

    public String render() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(context.projectName()).append(" — ").append(formatTitle).append("\n\n");
        md.append("Exported from Credence at ").append(context.exportedAt()).append(".\n\n");
        md.append("## Export parameters\n\n");
        context.parameters().forEach((k, v) -> md.append("- `").append(k).append("`: `").append(v).append("`\n"));
        md.append("\n## Offsets\n\n").append(offsetConvention).append("\n\n");
        md.append("## Counts\n\n| What | Count |\n|---|---:|\n");
        row(md, "Documents", documents);
        row(md, "Layers", layers);
        row(md, "Claims", claims);
        row(md, "Source mentions", mentions);
        row(md, "Cues", cues);
        row(md, "Attribution hops", hops);
        if (items > 0) {
            md.append("\n## Agreement\n\nReviewer claims agreed exactly (span, kind, stance, credibility, chain) by all ")
                    .append("reviewers of their document: ").append(itemsAgreed).append(" of ").append(items)
                    .append(String.format(" (%.1f %%).%n", 100.0 * itemsAgreed / items));
        }
        md.append("\n## Distributions\n");
        table(md, "Layers by kind", layerKinds);
        table(md, "Claim kinds", claimKinds);
        table(md, "Stances", stances);
        table(md, "Claim credibility (1 confirmed … 6 cannot be judged)", credibility);
        table(md, "Source reliability per hop (A reliable … F cannot be judged)", reliability);
        table(md, "Source types per hop", sourceTypes);
        table(md, "Hop relations", relations);
        table(md, "Cue classes", cueClasses);
        md.append("\n## Schema\n\n")
                .append("- **Claim**: a span of the text reported as fact; `kind`, `stance`, credibility 1–6 (Admiralty).\n")
                .append("- **Source mention**: a span naming a source, linked to the project's source registry.\n")
                .append("- **Cue**: the reporting expression (\"told\", \"according to\"), with its class.\n")
                .append("- **Attribution hop**: one link of a claim's chain, originator first; each hop names a ")
                .append("registry source, its reliability A–F, its mention and cue.\n");
        md.append("\n## Label schema\n\nThe project's values (name, label, key), as stored and exported.\n");
        for (LabelField f : LabelField.values()) {
            md.append("\n- **").append(f.title()).append("**: ");
            List<String> parts = new ArrayList<>();
            for (LabelValue.Def d : context.schema().values(f)) {
                String label = d.label().equals(d.name().replace('_', ' ')) ? "" : " (" + d.label() + ")";
                parts.add("`" + d.name() + "`" + label + (d.key() == null ? "" : " [" + d.key() + "]"));
            }
            md.append(String.join(", ", parts));
        }
        md.append("\n");
        md.append("\n## Loading it\n\n").append(howToLoad).append("\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String what, long n) {
        md.append("| ").append(what).append(" | ").append(n).append(" |\n");
    }

    private static void table(StringBuilder md, String title, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append("\n\n| Value | Count |\n|---|---:|\n");
        counts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    }

    private static void count(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }

    private static String name(Enum<?> value) {
        return value == null ? "(none)" : value.name();
    }
}
