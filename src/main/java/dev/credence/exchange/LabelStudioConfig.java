package dev.credence.exchange;

import dev.credence.annotation.Credibility;
import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelValue;
import dev.credence.source.Reliability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Label Studio labeling config ({@code label_config.xml}) that matches the tasks {@link LabelStudioExportWriter}
 * writes: one {@code Labels} control for claims, source mentions and cues, the hop relations, and per-region
 * {@code Choices} / {@code TextArea} controls for the grades and notes. Built from the project's label schema, so it
 * declares every value an export can use, with the schema's labels (as hints), keys (claim kinds as hotkeys, stances
 * as shift+key) and relation colours.
 */
public final class LabelStudioConfig {
    /** Control names, as the results' {@code from_name}; the Text object is {@link #TEXT}. */
    public static final String TEXT = "text";
    public static final String LABEL = "label";
    public static final String KIND = "kind";
    public static final String STANCE = "stance";
    public static final String CREDIBILITY = "credibility";
    public static final String RATIONALE = "rationale";
    public static final String CHAIN = "chain";
    public static final String RELIABILITY = "reliability";
    public static final String SOURCE = "source";
    public static final String CUE_CLASS = "cue_class";

    /** Region labels. */
    public static final String CLAIM_LABEL = "Claim";
    public static final String SOURCE_LABEL = "Source";
    public static final String CUE_LABEL = "Cue";
    /** The relation from a cue to the mention (or claim) it introduces. */
    public static final String CUE_RELATION = "cue";

    /** Admiralty reliability A–F and credibility 1–6, with their wording (DESIGN.md) as the choices' hints. */
    static final Map<String, String> RELIABILITY_GRADES = reliabilityGrades();
    static final Map<String, String> CREDIBILITY_GRADES = credibilityGrades();

    private LabelStudioConfig() {
    }

    /** Every relation label an export can write. */
    public static List<String> relationLabels(LabelSchema schema) {
        List<String> labels = new ArrayList<>(schema.names(LabelField.relation));
        labels.add(CUE_RELATION);
        return labels;
    }

    /** The config for the default schema. */
    public static String xml() {
        return xml(LabelSchema.defaults());
    }

    public static String xml(LabelSchema schema) {
        StringBuilder x = new StringBuilder();
        x.append("<View>\n");
        x.append("  <Header value=\"$title\"/>\n");
        x.append("  <Labels name=\"").append(LABEL).append("\" toName=\"").append(TEXT).append("\">\n");
        x.append("    <Label value=\"").append(CLAIM_LABEL).append("\" background=\"#f2c94c\"/>\n");
        x.append("    <Label value=\"").append(SOURCE_LABEL).append("\" background=\"#56ccf2\"/>\n");
        x.append("    <Label value=\"").append(CUE_LABEL).append("\" background=\"#bb6bd9\"/>\n");
        x.append("  </Labels>\n");
        x.append("  <Text name=\"").append(TEXT).append("\" value=\"$text\"/>\n");
        x.append("  <Relations>\n");
        for (LabelValue.Def r : schema.values(LabelField.relation)) {
            x.append("    <Relation value=\"").append(r.name()).append("\" background=\"").append(r.colour())
                    .append("\"/>\n");
        }
        x.append("    <Relation value=\"").append(CUE_RELATION).append("\"/>\n");
        x.append("  </Relations>\n");
        x.append("  <View visibleWhen=\"region-selected\">\n");
        choices(x, KIND, CLAIM_LABEL, "Claim kind", schema.values(LabelField.kind), "");
        choices(x, STANCE, CLAIM_LABEL, "Reported stance", schema.values(LabelField.stance), "shift+");
        choices(x, CREDIBILITY, CLAIM_LABEL, "Information credibility (1–6)", CREDIBILITY_GRADES);
        textArea(x, RATIONALE, CLAIM_LABEL, "Rationale");
        textArea(x, CHAIN, CLAIM_LABEL, "Attribution chain (outlet ← … ← originator)");
        choices(x, RELIABILITY, SOURCE_LABEL, "Source reliability (A–F)", RELIABILITY_GRADES);
        textArea(x, SOURCE, SOURCE_LABEL, "Registry source");
        choices(x, CUE_CLASS, CUE_LABEL, "Cue class", schema.values(LabelField.cueClass), null);
        x.append("  </View>\n");
        x.append("</View>\n");
        return x.toString();
    }

    private static void choices(StringBuilder x, String name, String label, String header, Map<String, String> values) {
        x.append("    <Header value=\"").append(header).append("\"/>\n");
        x.append("    <Choices name=\"").append(name).append("\" toName=\"").append(TEXT)
                .append("\" perRegion=\"true\" whenLabelValue=\"").append(label)
                .append("\" choice=\"single\" showInline=\"true\">\n");
        values.forEach((value, hint) -> {
            x.append("      <Choice value=\"").append(value).append('"');
            if (hint != null) {
                x.append(" hint=\"").append(hint).append('"');
            }
            x.append("/>\n");
        });
        x.append("    </Choices>\n");
    }

    private static void textArea(StringBuilder x, String name, String label, String header) {
        x.append("    <Header value=\"").append(header).append("\"/>\n");
        x.append("    <TextArea name=\"").append(name).append("\" toName=\"").append(TEXT)
                .append("\" perRegion=\"true\" whenLabelValue=\"").append(label)
                .append("\" editable=\"true\" maxSubmissions=\"1\" rows=\"2\"/>\n");
    }

    /**
     * Choices from schema values: the label as hint when it differs from the name; the key as hotkey with
     * {@code hotkeyPrefix} (null: no hotkeys, as cue classes share letters with claim kinds).
     */
    private static void choices(StringBuilder x, String name, String label, String header, List<LabelValue.Def> values,
            String hotkeyPrefix) {
        x.append("    <Header value=\"").append(header).append("\"/>\n");
        x.append("    <Choices name=\"").append(name).append("\" toName=\"").append(TEXT)
                .append("\" perRegion=\"true\" whenLabelValue=\"").append(label)
                .append("\" choice=\"single\" showInline=\"true\">\n");
        for (LabelValue.Def v : values) {
            x.append("      <Choice value=\"").append(v.name()).append('"');
            if (!v.label().equals(v.name().replace('_', ' '))) {
                x.append(" hint=\"").append(attr(v.label())).append('"');
            }
            if (hotkeyPrefix != null && v.key() != null) {
                x.append(" hotkey=\"").append(hotkeyPrefix).append(v.key()).append('"');
            }
            x.append("/>\n");
        }
        x.append("    </Choices>\n");
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, String> reliabilityGrades() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Reliability r : Reliability.values()) {
            m.put(r.grade(), r.words());
        }
        return m;
    }

    private static Map<String, String> credibilityGrades() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Credibility c : Credibility.values()) {
            m.put(String.valueOf(c.value()), c.words());
        }
        return m;
    }
}
