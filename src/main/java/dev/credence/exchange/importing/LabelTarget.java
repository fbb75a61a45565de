package dev.credence.exchange.importing;

import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.source.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one foreign label becomes in Credence, written as a short string in mappings:
 * {@code claim}, {@code claim:event}, {@code mention}, {@code mention:firm_report}, {@code cue},
 * {@code cue:speech} for span labels; {@code stance:hedged}, {@code kind:event},
 * {@code credibility:3}, {@code checkworthy:true} for per-region choices; {@code relation:reports}
 * for relation labels ({@code relation:cue} links a cue to a mention's hop); {@code ignore}.
 * The values (kinds, source types, cue classes, stances, relations) are those of the target
 * project's label schema (docs/label-schema.md), not the defaults.
 */
public record LabelTarget(Type type, String value) {
    public enum Type { claim, mention, cue, stance, kind, credibility, checkworthy, relation, ignore }

    public static final LabelTarget IGNORE = new LabelTarget(Type.ignore, null);
    /** In {@code relation:cue}: the link ties a cue to a mention (its hop's cue), not a claim to a source. */
    public static final String CUE_LINK = "cue";

    /** The type of {@code type[:value]}, or null when the head is no type. */
    static Type typeOf(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String head = colon < 0 ? t : t.substring(0, colon);
        try {
            return Type.valueOf(head.replace("-", "").replace("_", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Parses {@code type[:value]} against the project's schema; null when it is not a valid target there. */
    public static LabelTarget parse(String s, LabelSchema schema) {
        Type type = typeOf(s);
        if (type == null) {
            return null;
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String value = colon < 0 ? null : t.substring(colon + 1).strip();
        if (value != null && value.isEmpty()) {
            value = null;
        }
        boolean ok = switch (type) {
            case claim -> value == null || schema.has(LabelField.kind, value);
            case mention -> value == null || (schema.has(LabelField.sourceType, value) && SourceType.parse(value) != null);
            case cue -> value == null || schema.has(LabelField.cueClass, value);
            case stance -> value != null && schema.has(LabelField.stance, value);
            case kind -> value != null && schema.has(LabelField.kind, value);
            case credibility -> value != null && value.matches("[1-6]");
            case checkworthy -> "true".equals(value) || "false".equals(value);
            case relation -> value != null && (schema.has(LabelField.relation, value) || CUE_LINK.equals(value));
            case ignore -> value == null;
        };
        return ok ? new LabelTarget(type, value) : null;
    }

    /** Every target a span label may take in this project, for the preview's choices. */
    public static List<String> spanChoices(LabelSchema schema) {
        List<String> all = new ArrayList<>(List.of("claim"));
        schema.names(LabelField.kind).forEach(k -> all.add("claim:" + k));
        all.add("mention");
        schema.names(LabelField.sourceType).forEach(k -> all.add("mention:" + k));
        all.add("cue");
        schema.names(LabelField.cueClass).forEach(k -> all.add("cue:" + k));
        all.add("ignore");
        return all;
    }

    public static List<String> choiceChoices(LabelSchema schema) {
        List<String> all = new ArrayList<>();
        schema.names(LabelField.stance).forEach(k -> all.add("stance:" + k));
        schema.names(LabelField.kind).forEach(k -> all.add("kind:" + k));
        for (int i = 1; i <= 6; i++) {
            all.add("credibility:" + i);
        }
        all.add("checkworthy:true");
        all.add("checkworthy:false");
        all.add("ignore");
        return all;
    }

    public static List<String> relationChoices(LabelSchema schema) {
        List<String> all = new ArrayList<>();
        schema.names(LabelField.relation).forEach(k -> all.add("relation:" + k));
        all.add("relation:" + CUE_LINK);
        all.add("ignore");
        return all;
    }

    /** The choices for one use ("span", "choice", "relation"). */
    public static List<String> choices(LabelMapping.Use use, LabelSchema schema) {
        return switch (use) {
            case span -> spanChoices(schema);
            case choice -> choiceChoices(schema);
            case relation -> relationChoices(schema);
        };
    }

    @Override
    public String toString() {
        return value == null ? type.name() : type + ":" + value;
    }
}
