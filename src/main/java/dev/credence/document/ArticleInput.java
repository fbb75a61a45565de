package dev.credence.document;

/**
 * One article as it arrived, before validation: every field is raw text. {@code file}
 * and {@code line} say where it came from, so an error can point at it; both are
 * absent for a single article posted over the API or pasted into the form.
 */
public record ArticleInput(String title, String url, String publisher, String publishedAt, String text,
        String file, int line) {

    /** An article that came on its own (paste, API). */
    public static ArticleInput of(String title, String url, String publisher, String publishedAt, String text) {
        return new ArticleInput(title, url, publisher, publishedAt, text, null, 0);
    }

    /** "articles.jsonl line 3", "notes.txt", or null. */
    public String origin() {
        if (file == null) {
            return line > 0 ? "line " + line : null;
        }
        return line > 0 ? file + " line " + line : file;
    }
}
