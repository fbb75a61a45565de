package dev.credence.exchange.importing;

import dev.credence.annotation.ClaimKind;
import dev.credence.annotation.CueClass;
import dev.credence.annotation.Relation;
import dev.credence.annotation.Stance;
import dev.credence.source.SourceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one foreign label becomes in Credence, written as a short string in mappings:
 * {@code claim}, {@code claim:event}, {@code mention}, {@code mention:firm_report}, {@code cue},
 * {@code cue:speech} for span labels; {@code stance:hedged}, {@code kind:event},
 * {@code credibility:3}, {@code checkworthy:true} for per-region choices; {@code relation:reports}
 * for relation labels ({@code relation:cue} links a cue to a mention's hop); {@code ignore}.
 */
public record LabelTarget(Type type, String value) {
    public enum Type { claim, mention, cue, stance, kind, credibility, checkworthy, relation, ignore }

    public static final LabelTarget IGNORE = new LabelTarget(Type.ignore, null);
    /** In {@code relation:cue}: the link ties a cue to a mention (its hop's cue), not a claim to a source. */
    public static final String CUE_LINK = "cue";

    /** Parses {@code type[:value]}; null when it is not a valid target. */
    public static LabelTarget parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String head = colon < 0 ? t : t.substring(0, colon);
        String value = colon < 0 ? null : t.substring(colon + 1).strip();
        if (value != null && value.isEmpty()) {
            value = null;
        }
        Type type;
        try {
            type = Type.valueOf(head.replace("-", "").replace("_", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean ok = switch (type) {
            case claim -> value == null || is(ClaimKind.class, value);
            case mention -> value == null || SourceType.parse(value) != null;
            case cue -> value == null || is(CueClass.class, value);
            case stance -> value != null && is(Stance.class, value);
            case kind -> value != null && is(ClaimKind.class, value);
            case credibility -> value != null && value.matches("[1-6]");
            case checkworthy -> "true".equals(value) || "false".equals(value);
            case relation -> value != null && (is(Relation.class, value) || CUE_LINK.equals(value));
            case ignore -> value == null;
        };
        return ok ? new LabelTarget(type, value) : null;
    }

    /** Every target a span label may take, for the preview's choices. */
    public static List<String> spanChoices() {
        List<String> all = new ArrayList<>(List.of("claim"));
        Arrays.stream(ClaimKind.values()).forEach(k -> all.add("claim:" + k));
        all.add("mention");
        Arrays.stream(SourceType.values()).forEach(k -> all.add("mention:" + k));
        all.add("cue");
        Arrays.stream(CueClass.values()).forEach(k -> all.add("cue:" + k));
        all.add("ignore");
        return all;
    }

    public static List<String> choiceChoices() {
        List<String> all = new ArrayList<>();
        Arrays.stream(Stance.values()).forEach(k -> all.add("stance:" + k));
        Arrays.stream(ClaimKind.values()).forEach(k -> all.add("kind:" + k));
        for (int i = 1; i <= 6; i++) {
            all.add("credibility:" + i);
        }
        all.add("checkworthy:true");
        all.add("checkworthy:false");
        all.add("ignore");
        return all;
    }

    public static List<String> relationChoices() {
        List<String> all = new ArrayList<>();
        Arrays.stream(Relation.values()).forEach(k -> all.add("relation:" + k));
        all.add("relation:" + CUE_LINK);
        all.add("ignore");
        return all;
    }

    static <E extends Enum<E>> boolean is(Class<E> type, String v) {
        return Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(v));
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String v) {
        return v == null ? null : Enum.valueOf(type, v);
    }

    @Override
    public String toString() {
        return value == null ? type.name() : type + ":" + value;
    }
}
