package dev.credence.annotation.schema;

import java.util.List;

/** The body of {@code PUT /api/v1/projects/{id}/schema}: an absent field keeps its values. */
public record SchemaInput(List<Value> kind, List<Value> stance, List<Value> cueClass, List<Value> sourceType,
        List<Value> relation) {
    public record Value(String name, String label, String key, String colour) {
    }

    public List<Value> of(LabelField field) {
        return switch (field) {
            case kind -> kind;
            case stance -> stance;
            case cueClass -> cueClass;
            case sourceType -> sourceType;
            case relation -> relation;
        };
    }
}
