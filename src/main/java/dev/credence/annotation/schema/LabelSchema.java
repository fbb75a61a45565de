package dev.credence.annotation.schema;

import dev.credence.web.UnprocessableException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A project's label schema as read at one moment: every field's values, in order. */
public record LabelSchema(Map<LabelField, List<LabelValue.Def>> fields) {
    public LabelSchema {
        EnumMap<LabelField, List<LabelValue.Def>> copy = new EnumMap<>(LabelField.class);
        for (LabelField f : LabelField.values()) {
            List<LabelValue.Def> v = fields.get(f);
            copy.put(f, v == null || v.isEmpty() ? f.defaults() : List.copyOf(v));
        }
        fields = copy;
    }

    public static LabelSchema defaults() {
        return new LabelSchema(Map.of());
    }

    public List<LabelValue.Def> values(LabelField field) {
        return fields.get(field);
    }

    public List<String> names(LabelField field) {
        return values(field).stream().map(LabelValue.Def::name).toList();
    }

    public boolean has(LabelField field, String name) {
        return find(field, name) != null;
    }

    public LabelValue.Def find(LabelField field, String name) {
        for (LabelValue.Def d : values(field)) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** The label forms show for a stored name; a name the schema no longer has is shown as stored. */
    public String label(LabelField field, String name) {
        LabelValue.Def d = find(field, name);
        return d != null ? d.label() : name == null ? null : name.replace('_', ' ');
    }

    /**
     * The schema's name for an input value (trimmed, lower-cased), null for blank, or 422 naming the field
     * ({@code where}) and the allowed values.
     */
    public String require(LabelField field, String where, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (has(field, v)) {
            return v;
        }
        throw new UnprocessableException(where + ": '" + value + "' is not one of " + names(field));
    }

    /** The first value (hop 0's relation when none is given: "asserts" by default). */
    public String first(LabelField field) {
        return values(field).get(0).name();
    }

    /** The second value, or the first if there is one only (a later hop's relation: "reports" by default). */
    public String second(LabelField field) {
        List<LabelValue.Def> v = values(field);
        return v.get(v.size() > 1 ? 1 : 0).name();
    }

    public List<String> keys(LabelField field) {
        List<String> out = new ArrayList<>();
        values(field).forEach(d -> out.add(d.key()));
        return out;
    }
}
