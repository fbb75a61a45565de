package dev.credence.source;

/** What kind of thing a source is (DESIGN.md vocabulary). */
public enum SourceType {
    firm_report, leaked_document, government_official, government_statement, state_media,
    independent_media, think_tank, academic_expert, unnamed_experts, anonymous_official,
    social_media, official_record, ngo, author;

    public static SourceType parse(String value) {
        if (value == null) {
            return null;
        }
        for (SourceType t : values()) {
            if (t.name().equalsIgnoreCase(value.trim())) {
                return t;
            }
        }
        return null;
    }

    /** Human label: "firm report". */
    public String label() {
        return name().replace('_', ' ');
    }
}
