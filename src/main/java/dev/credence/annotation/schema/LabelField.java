package dev.credence.annotation.schema;

import dev.credence.annotation.ClaimKind;
import dev.credence.annotation.CueClass;
import dev.credence.annotation.Relation;
import dev.credence.annotation.Stance;
import dev.credence.source.SourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * The five label sets a project's schema holds. The defaults are the names the enums have always stored
 * (so data written before V14 stays valid), with the keys and colours the document page uses out of the box.
 */
public enum LabelField {
    kind("Claim kinds", "claims", names(ClaimKind.values()), "vaiqpo",
            "#1f6feb #8250df #bf3989 #1a7f37 #9a6700 #57606a"),
    stance("Stances", "claims", names(Stance.values()), "ahdu", "#1a7f37 #9a6700 #cf222e #57606a"),
    cueClass("Cue classes", "cues", names(CueClass.values()), "trihbl",
            "#0969da #1f883d #8250df #bc4c00 #6e7781 #cf222e"),
    sourceType("Source types", "sources in this project's attributions", names(SourceType.values()),
            "flgtmihawoyrnb", "#0969da #cf222e #8250df #6639ba #bc4c00 #1f883d #9a6700 #1a7f37 #57606a #6e7781 "
                    + "#bf3989 #0550ae #116329 #24292f"),
    relation("Relations", "attribution hops", names(Relation.values()), "ariql",
            "#1a7f37 #0969da #8250df #9a6700 #cf222e");

    private final String title;
    private final String usedBy;
    private final List<LabelValue.Def> defaults;

    LabelField(String title, String usedBy, List<String> names, String keys, String colours) {
        this.title = title;
        this.usedBy = usedBy;
        String[] c = colours.split(" ");
        List<LabelValue.Def> d = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            d.add(new LabelValue.Def(names.get(i), names.get(i).replace('_', ' '), String.valueOf(keys.charAt(i)),
                    c[i]));
        }
        this.defaults = List.copyOf(d);
    }

    /** "Claim kinds". */
    public String title() {
        return title;
    }

    /** What the count of uses counts: "claims", "cues", "attribution hops". */
    public String usedBy() {
        return usedBy;
    }

    public List<LabelValue.Def> defaults() {
        return defaults;
    }

    /** The field by its API name ("kind", "cueClass"), or null. */
    public static LabelField parse(String name) {
        for (LabelField f : values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : values) {
            out.add(e.name());
        }
        return out;
    }
}
