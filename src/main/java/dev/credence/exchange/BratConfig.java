package dev.credence.exchange;

import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelValue;

/**
 * The brat configuration of the brat export: {@code annotation.conf} declares every entity, relation
 * (with its Arg1/Arg2 types) and attribute (with its values) that {@link BratStandoff} writes, derived
 * from Credence's enumerations so a new value is declared the day it exists; {@code visual.conf} gives
 * readable labels and colours. Format: brat's configuration documentation (sections [entities],
 * [relations], [events], [attributes]; tab between a type and its arguments).
 */
public final class BratConfig {
    static final String CLAIM = "Claim";
    static final String SOURCE_MENTION = "Source_mention";
    static final String CUE = "Cue";
    static final String CUE_FOR = "cue_for";
    static final String KIND = "Kind";
    static final String STANCE = "Stance";
    static final String CHECK_WORTHY = "Check_worthy";
    static final String CREDIBILITY = "Credibility";
    static final String RELIABILITY = "Reliability";
    static final String CUE_CLASS = "Cue_class";
    static final String NOTES = "AnnotatorNotes";

    private BratConfig() {
    }

    /** The config for the default schema. */
    public static String annotationConf() {
        return annotationConf(LabelSchema.defaults());
    }

    /** Entities, one relation per schema relation, and the schema's kinds, stances and cue classes as attributes. */
    public static String annotationConf(LabelSchema schema) {
        String hops = names(schema, LabelField.relation, "|");
        StringBuilder c = new StringBuilder();
        c.append("# Credence brat export: claims, the sources they come from and the cues that attribute them.\n")
                .append("# Offsets are code points of the .txt (as brat reads it). Layout: README.md.\n\n");
        c.append("[entities]\n").append(CLAIM).append('\n').append(SOURCE_MENTION).append('\n').append(CUE)
                .append("\n\n");
        c.append("[relations]\n");
        c.append("# One per attribution hop: the source mention passes the claim on (hop relation).\n");
        for (String r : schema.names(LabelField.relation)) {
            c.append(r).append("\tArg1:").append(SOURCE_MENTION).append(", Arg2:").append(CLAIM).append('\n');
        }
        c.append("# The cue of a hop, linked to the hop's source mention (or to the claim when the hop names none).\n");
        c.append(CUE_FOR).append("\tArg1:").append(CUE).append(", Arg2:").append(SOURCE_MENTION).append('|')
                .append(CLAIM).append('\n');
        c.append("# Claims contain or cross mentions and cues, and reviewers may overlap their own claims.\n");
        c.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n");
        c.append("[events]\n\n");
        c.append("[attributes]\n");
        c.append(KIND).append("\tArg:").append(CLAIM).append(", Value:").append(names(schema, LabelField.kind, "|"))
                .append('\n');
        c.append(STANCE).append("\tArg:").append(CLAIM).append(", Value:").append(names(schema, LabelField.stance, "|"))
                .append('\n');
        c.append(CHECK_WORTHY).append("\tArg:").append(CLAIM).append(", Value:yes|no\n");
        c.append("# Information credibility, Admiralty code: 1 confirmed ... 6 cannot be judged.\n");
        c.append(CREDIBILITY).append("\tArg:").append(CLAIM).append(", Value:1|2|3|4|5|6\n");
        c.append("# Source reliability in this hop, Admiralty code: A completely reliable ... F cannot be judged.\n");
        c.append(RELIABILITY).append("\tArg:").append(hops).append(", Value:A|B|C|D|E|F\n");
        c.append(CUE_CLASS).append("\tArg:").append(CUE).append(", Value:").append(names(schema, LabelField.cueClass, "|"))
                .append('\n');
        return c.toString();
    }

    public static String visualConf() {
        return visualConf(LabelSchema.defaults());
    }

    public static String visualConf(LabelSchema schema) {
        StringBuilder c = new StringBuilder();
        c.append("[labels]\n");
        c.append(CLAIM).append(" | Claim | Cl\n");
        c.append(SOURCE_MENTION).append(" | Source mention | Source | Src\n");
        c.append(CUE).append(" | Cue\n");
        for (LabelValue.Def r : schema.values(LabelField.relation)) {
            c.append(r.name()).append(" | ").append(r.label()).append('\n');
        }
        c.append(CUE_FOR).append(" | cue for | cue\n");
        c.append(CHECK_WORTHY).append(" | Check-worthy\n");
        c.append(CUE_CLASS).append(" | Cue class\n\n");
        c.append("[drawing]\n");
        c.append("SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n");
        c.append("ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n");
        c.append(CLAIM).append("\tbgColor:#ffe08a\n");
        c.append(SOURCE_MENTION).append("\tbgColor:#9fd3ff\n");
        c.append(CUE).append("\tbgColor:#c8f0c0\n");
        c.append(CUE_FOR).append("\tcolor:#4a8a3a, dashArray:3-3\n");
        for (LabelValue.Def r : schema.values(LabelField.relation)) {
            c.append(r.name()).append("\tcolor:").append(r.colour()).append('\n');
        }
        return c.toString();
    }

    private static String names(LabelSchema schema, LabelField field, String separator) {
        return String.join(separator, schema.names(field));
    }
}
