package dev.credence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * English news text for claim similarity and project search: standard tokens, possessives dropped
 * ("TeamT5's" → "teamt5"), lower case, accents folded, a small synonym map of the words reporters vary
 * between articles about the same thing, stop words, Porter stemming ("hackers", "hacking" → "hack").
 *
 * <p>Synonyms are applied at query time only ({@link #query()}): the index keeps the words as written, so
 * a change of the map needs no re-index, and a multi-word synonym never has to be flattened into the index.
 */
public final class NewsAnalyzer {
    /** Each row: words that mean the same in this domain (single words, or phrases with spaces). */
    static final List<List<String>> SYNONYMS = List.of(
            List.of("hacker", "hackers", "cyberattacker", "cyberattackers", "intruders"),
            List.of("attack", "attacks", "strike", "strikes", "assault", "raid"),
            List.of("missile", "missiles", "rocket", "rockets"),
            List.of("drone", "drones", "uav", "uavs"),
            List.of("warship", "warships", "vessel", "vessels", "navy ship"),
            List.of("troops", "soldiers", "forces"),
            List.of("military", "armed forces", "army"),
            List.of("deny", "denies", "denied", "reject", "rejects", "rejected", "dismiss", "dismissed"),
            List.of("leak", "leaked", "leaks", "disclosed"),
            List.of("spy", "spies", "espionage", "spying"),
            List.of("cyberattack", "cyberattacks", "cyber attack", "intrusion", "breach"),
            List.of("official", "officials", "authorities"),
            List.of("china", "prc", "beijing"),
            List.of("russia", "moscow", "kremlin"),
            List.of("united states", "washington"),
            List.of("increase", "increased", "rise", "rose", "surge", "surged"),
            List.of("decrease", "decreased", "fall", "fell", "drop", "dropped"));

    private static final SynonymMap MAP = buildMap();

    private NewsAnalyzer() {
    }

    /** For the index and for highlighting: no synonyms. */
    public static Analyzer index() {
        return new Chain(null);
    }

    /** For queries: the same chain with the synonym map. */
    public static Analyzer query() {
        return new Chain(MAP);
    }

    private static final class Chain extends Analyzer {
        private final SynonymMap synonyms;

        Chain(SynonymMap synonyms) {
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream t = new EnglishPossessiveFilter(source);
            t = new LowerCaseFilter(t);
            t = new ASCIIFoldingFilter(t);
            if (synonyms != null) {
                t = new SynonymGraphFilter(t, synonyms, true);
            }
            t = new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            t = new PorterStemFilter(t);
            return new TokenStreamComponents(source, t);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    private static SynonymMap buildMap() {
        try {
            SynonymMap.Builder b = new SynonymMap.Builder(true);
            for (List<String> row : SYNONYMS) {
                for (String a : row) {
                    for (String c : row) {
                        if (!a.equals(c)) {
                            b.add(phrase(a), phrase(c), true);
                        }
                    }
                }
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharsRef phrase(String words) {
        return SynonymMap.Builder.join(words.split(" "), new CharsRefBuilder());
    }
}
