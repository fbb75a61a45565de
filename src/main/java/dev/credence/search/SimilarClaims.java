package dev.credence.search;

import dev.credence.account.User;
import dev.credence.annotation.Claim;
import java.io.IOException;
import java.io.UncheckedIOException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Claims in other documents of the same project that say the same or the opposite of a claim: BM25 over the
 * stemmed claim text with the synonym map ({@link NewsAnalyzer}), at least a third of the claim's terms shared;
 * a shared named source and a publication date within two weeks add to the score but never find a claim alone.
 * Only claims of layers the caller may read ({@link VisibleLayers}).
 */
@ApplicationScoped
public class SimilarClaims {
    static final int MAX_TERMS = 64;
    static final int DATE_WINDOW_DAYS = 14;
    private static final Analyzer QUERY = NewsAnalyzer.query();

    @Inject
    SearchIndex index;
    @Inject
    VisibleLayers visibleLayers;

    public record Match(long claimId, float score) {
    }

    /** Call inside a transaction, with a claim the user may see. Best first. */
    public List<Match> find(Claim claim, User user, int limit) {
        Set<String> terms = terms(claim.exact);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        terms.forEach(t -> text.add(new TermQuery(new Term(Fields.TEXT, t)), Occur.SHOULD));
        // Synonyms count as terms of their own, so a third of all of them is a modest bar.
        text.setMinimumNumberShouldMatch(Math.max(1, Math.min(3, terms.size() / 3)));
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.PROJECT, String.valueOf(claim.layer.document.project.id))), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.CLAIM)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.DOC, String.valueOf(claim.layer.document.id))), Occur.MUST_NOT)
                .add(text.build(), Occur.MUST);
        claim.hops.forEach(h -> q.add(new BoostQuery(new ConstantScoreQuery(
                new TermQuery(new Term(Fields.SOURCE_KEY, Fields.key(h.source.name)))), 0.5f), Occur.SHOULD));
        if (claim.layer.document.publishedAt != null) {
            long day = claim.layer.document.publishedAt.toEpochDay();
            q.add(new BoostQuery(new ConstantScoreQuery(LongPoint.newRangeQuery(Fields.DAY, day - DATE_WINDOW_DAYS,
                    day + DATE_WINDOW_DAYS)), 0.3f), Occur.SHOULD);
        }
        Optional<Query> visible = visibleLayers.filter(claim.layer.document.project, user);
        visible.ifPresent(v -> q.add(v, Occur.FILTER));
        Query query = q.build();
        return index.search(s -> {
            try {
                List<Match> out = new ArrayList<>();
                for (ScoreDoc sd : s.search(query, limit).scoreDocs) {
                    out.add(new Match(s.storedFields().document(sd.doc).getField(Fields.ID).numericValue().longValue(),
                            sd.score));
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The claim's analyzed terms, synonyms included, first {@value #MAX_TERMS}. */
    static Set<String> terms(String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = QUERY.tokenStream(Fields.TEXT, text == null ? "" : text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < MAX_TERMS) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
