package dev.credence.document;

import java.util.List;
import java.util.stream.Collectors;

/** What an import did: the documents it created and the articles it skipped because the project already had their text. */
public record ImportResult(List<Document> imported, List<Duplicate> duplicates) {

    /** An article whose normalized text the project already holds (possibly from earlier in the same batch). */
    public record Duplicate(ArticleInput input, String title, Long existingId) {
    }

    private static final int TITLES_SHOWN = 3;
    private static final int TITLE_CHARS = 80;

    /** "Imported 3 documents; 1 already present: Title" — short enough for a flash cookie. */
    public String summary() {
        StringBuilder s = new StringBuilder("Imported ").append(imported.size())
                .append(imported.size() == 1 ? " document" : " documents");
        if (!duplicates.isEmpty()) {
            s.append("; ").append(duplicates.size()).append(" already present: ");
            s.append(duplicates.stream().limit(TITLES_SHOWN).map(d -> TextNormalizer.truncate(d.title(), TITLE_CHARS))
                    .collect(Collectors.joining(", ")));
            if (duplicates.size() > TITLES_SHOWN) {
                s.append(" and ").append(duplicates.size() - TITLES_SHOWN).append(" more");
            }
        }
        return s.append('.').toString();
    }
}
