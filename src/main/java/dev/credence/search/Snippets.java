package dev.credence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * Snippets as safe HTML: every character of the text is HTML-escaped ({@link SimpleHTMLEncoder}) and only the
 * matched terms are wrapped in {@code <mark>}. Templates may print them raw; nothing else is ever raw.
 */
final class Snippets {
    static final int FRAGMENT = 180;
    private static final Analyzer ANALYZER = NewsAnalyzer.index();
    private static final SimpleHTMLEncoder ENCODER = new SimpleHTMLEncoder();
    private final Highlighter highlighter;

    Snippets(Query text) {
        if (text == null) {
            highlighter = null;
        } else {
            highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), ENCODER,
                    new QueryScorer(text, Fields.TEXT));
            highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT));
            highlighter.setMaxDocCharsToAnalyze(200_000);
        }
    }

    String of(String text) {
        if (text == null) {
            return "";
        }
        if (highlighter != null) {
            try {
                String[] best = highlighter.getBestFragments(ANALYZER, Fields.TEXT, text, 2);
                if (best.length > 0) {
                    return String.join(" … ", best);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidTokenOffsetsException e) {
                // fall through to the plain opening
            }
        }
        int end = text.offsetByCodePoints(0, Math.min(text.codePointCount(0, text.length()), FRAGMENT));
        return SimpleHTMLEncoder.htmlEncode(text.substring(0, end)) + (end < text.length() ? " …" : "");
    }
}
