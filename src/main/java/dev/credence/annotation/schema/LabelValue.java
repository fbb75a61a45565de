package dev.credence.annotation.schema;

import dev.credence.project.Project;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One value of one field of a project's label schema (V14); absent rows mean the field's defaults. */
@Entity
@Table(name = "label_value")
public class LabelValue extends IdEntity {
    @ManyToOne(optional = false)
    public Project project;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public LabelField field;

    @Column(nullable = false)
    public int position;

    /** The stored value: lower-case letters, digits and '_', starting with a letter. */
    @Column(nullable = false, length = 32)
    public String name;

    @Column(nullable = false, length = 64)
    public String label;

    @Column(length = 1)
    public String hotkey;

    @Column(nullable = false, length = 7)
    public String colour;

    /** A value as forms, exports and the API see it. */
    public record Def(String name, String label, String key, String colour) {
        public Def withName(String newName) {
            return new Def(newName, label, key, colour);
        }
    }

    public Def def() {
        return new Def(name, label, hotkey, colour);
    }
}
