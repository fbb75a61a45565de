package dev.credence.search;

import java.util.Locale;

/** Field names of the search index, and how keyword values are normalized (lower case, stripped). */
public final class Fields {
    static final String KEY = "key";
    static final String KIND = "kind";
    static final String CLAIM = "claim";
    static final String DOCUMENT = "document";
    static final String ID = "id";
    static final String PROJECT = "project";
    static final String DOC = "doc";
    static final String LAYER = "layer";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String SOURCE = "source";
    static final String SOURCE_KEY = "source_key";
    static final String TYPE = "type";
    static final String CREDIBILITY = "credibility";
    static final String RELIABILITY = "reliability";
    static final String CLAIM_KIND = "claim_kind";
    static final String STATE = "state";
    static final String REVIEWER = "reviewer";
    static final String DAY = "day";

    private Fields() {
    }

    static String key(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
