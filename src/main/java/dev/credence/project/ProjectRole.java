package dev.credence.project;

/** A member's role inside one project. Managers may also annotate, in their own layer. */
public enum ProjectRole {
    manager, reviewer, adjudicator;

    public static ProjectRole parse(String value) {
        if (value == null) {
            return null;
        }
        for (ProjectRole r : values()) {
            if (r.name().equalsIgnoreCase(value.trim())) {
                return r;
            }
        }
        return null;
    }
}
