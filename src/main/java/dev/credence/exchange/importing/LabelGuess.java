package dev.credence.exchange.importing;

import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelValue;
import dev.credence.source.SourceType;
import java.util.Locale;

/** A target guessed from a label's name in the project's schema ("Claim", "claim_event", "Source", "hedged", "reports"), or none. */
final class LabelGuess {
    private LabelGuess() {
    }

    /** A target from the label's name, in the project's schema (by a value's name or its label), or null. */
    static LabelTarget guess(String label, LabelMapping.Use use, LabelSchema schema) {
        String k = key(label);
        return switch (use) {
            case span -> guessSpan(k, schema);
            case choice -> guessChoice(k, schema);
            case relation -> guessRelation(k, schema);
        };
    }

    static String key(String label) {
        return label == null ? "" : label.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_")
                .replaceAll("^_|_$", "");
    }

    /** The schema's value of the field that {@code k} names (by name or by label), or null. */
    private static String value(LabelSchema schema, LabelField field, String k) {
        for (LabelValue.Def d : schema.values(field)) {
            if (d.name().equals(k)) {
                return d.name();
            }
        }
        for (LabelValue.Def d : schema.values(field)) {
            if (key(d.label()).equals(k)) {
                return d.name();
            }
        }
        return null;
    }

    private static LabelTarget guessSpan(String k, LabelSchema schema) {
        if (k.equals("claim")) {
            return new LabelTarget(LabelTarget.Type.claim, null);
        }
        String kind = k.startsWith("claim_") ? value(schema, LabelField.kind, k.substring(6))
                : k.endsWith("_claim") ? value(schema, LabelField.kind, k.substring(0, k.length() - 6)) : null;
        if (kind != null) {
            return new LabelTarget(LabelTarget.Type.claim, kind);
        }
        if (k.equals("mention") || k.equals("source") || k.equals("source_mention")) {
            return new LabelTarget(LabelTarget.Type.mention, null);
        }
        String type = value(schema, LabelField.sourceType, k.replaceFirst("^(source|mention)_", ""));
        if (type != null && SourceType.parse(type) != null) {
            return new LabelTarget(LabelTarget.Type.mention, type);
        }
        if (k.equals("cue") || k.equals("attribution_cue")) {
            return new LabelTarget(LabelTarget.Type.cue, null);
        }
        String cue = k.startsWith("cue_") ? value(schema, LabelField.cueClass, k.substring(4))
                : k.endsWith("_cue") ? value(schema, LabelField.cueClass, k.substring(0, k.length() - 4)) : null;
        if (cue != null) {
            return new LabelTarget(LabelTarget.Type.cue, cue);
        }
        return null;
    }

    private static LabelTarget guessChoice(String k, LabelSchema schema) {
        String v = k.replaceFirst("^(stance|kind|credibility|check_?worthy)_", "");
        String stance = value(schema, LabelField.stance, v);
        if (stance != null) {
            return new LabelTarget(LabelTarget.Type.stance, stance);
        }
        String kind = value(schema, LabelField.kind, v);
        if (kind != null) {
            return new LabelTarget(LabelTarget.Type.kind, kind);
        }
        if (v.matches("[1-6]")) {
            return new LabelTarget(LabelTarget.Type.credibility, v);
        }
        if (k.equals("check_worthy") || k.equals("checkworthy") || k.equals("check_worthy_true")) {
            return new LabelTarget(LabelTarget.Type.checkworthy, "true");
        }
        if (k.equals("not_check_worthy") || k.equals("check_worthy_false")) {
            return new LabelTarget(LabelTarget.Type.checkworthy, "false");
        }
        return null;
    }

    private static LabelTarget guessRelation(String k, LabelSchema schema) {
        String relation = value(schema, LabelField.relation, k);
        if (relation != null) {
            return new LabelTarget(LabelTarget.Type.relation, relation);
        }
        if (k.equals("cue") || k.equals("cue_of") || k.equals("has_cue")) {
            return new LabelTarget(LabelTarget.Type.relation, LabelTarget.CUE_LINK);
        }
        return null;
    }
}
