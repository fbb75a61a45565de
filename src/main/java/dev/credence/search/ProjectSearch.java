package dev.credence.search;

import dev.credence.account.User;
import dev.credence.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

/**
 * Search across one project: documents by title, text and publisher; claims by text, source, source type,
 * grade, reviewer, layer state and kind ({@link SearchQuery}). Claims come only from layers the caller may
 * read ({@link VisibleLayers}); snippets are HTML-escaped with the matches in {@code <mark>}.
 */
@ApplicationScoped
public class ProjectSearch {
    public static final int MAX_LIMIT = 100;
    private static final Analyzer QUERY = NewsAnalyzer.query();

    @Inject
    SearchIndex index;
    @Inject
    VisibleLayers visibleLayers;
    @Inject
    EntityManager em;

    public record DocumentHit(long id, String title, String publisher, LocalDate publishedAt, String snippetHtml,
            float score) {
    }

    public record ClaimHit(long id, long documentId, String documentTitle, String snippetHtml, String chain,
            Integer credibility, String kind, String state, String reviewer, float score) {
    }

    public record Results(String query, SearchQuery parsed, long documentTotal, List<DocumentHit> documents,
            long claimTotal, List<ClaimHit> claims) {
        public boolean empty() {
            return documents.isEmpty() && claims.isEmpty();
        }
    }

    /** Call inside a transaction, after checking that the user is a member of the project. */
    public Results search(Project project, User user, String q, int limit) {
        SearchQuery parsed = SearchQuery.parse(q);
        int n = Math.max(1, Math.min(MAX_LIMIT, limit));
        if (parsed.isEmpty()) {
            return new Results(q == null ? "" : q, parsed, 0, List.of(), 0, List.of());
        }
        Query text = parsed.text().isEmpty() ? null : textQuery(parsed.text());
        Optional<Query> visible = visibleLayers.filter(project, user);
        return index.search(s -> {
            try {
                List<DocumentHit> docs = List.of();
                long docTotal = 0;
                if (text != null && !parsed.hasFilters()) {
                    Query dq = scoped(project, Fields.DOCUMENT).add(text, Occur.MUST).build();
                    docTotal = s.count(dq);
                    docs = documents(s, s.search(dq, n), text);
                }
                BooleanQuery.Builder cq = scoped(project, Fields.CLAIM).add(text == null ? new MatchAllDocsQuery() : text,
                        Occur.MUST);
                visible.ifPresent(v -> cq.add(v, Occur.FILTER));
                for (Map.Entry<String, List<String>> f : parsed.filters().entrySet()) {
                    cq.add(filter(f.getKey(), f.getValue()), Occur.FILTER);
                }
                Query claimQuery = cq.build();
                long claimTotal = s.count(claimQuery);
                List<ClaimHit> claims = claims(s, s.search(claimQuery, n), text);
                return new Results(q, parsed, docTotal, docs, claimTotal, claims);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Query textQuery(String text) {
        SimpleQueryParser p = new SimpleQueryParser(QUERY, Map.of(Fields.TEXT, 1f, Fields.TITLE, 2f, Fields.SOURCE, 0.5f));
        p.setDefaultOperator(Occur.MUST);
        Query q = p.parse(text);
        return q == null ? new BooleanQuery.Builder().build() : q;
    }

    private static BooleanQuery.Builder scoped(Project project, String kind) {
        return new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.PROJECT, String.valueOf(project.id))), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, kind)), Occur.FILTER);
    }

    /** One filter, any of its values. {@code source:} matches a whole name or words of it ("TeamT5 researchers"). */
    static Query filter(String name, List<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String v : values) {
            String key = Fields.key(v);
            switch (name) {
                case "source" -> {
                    any.add(new TermQuery(new Term(Fields.SOURCE_KEY, key)), Occur.SHOULD);
                    Query phrase = new QueryBuilder(NewsAnalyzer.index()).createPhraseQuery(Fields.SOURCE, v);
                    if (phrase != null) {
                        any.add(phrase, Occur.SHOULD);
                    }
                }
                case "grade" -> any.add(new TermQuery(new Term(key.matches("[1-6]") ? Fields.CREDIBILITY : Fields.RELIABILITY,
                        key)), Occur.SHOULD);
                case "type" -> any.add(new TermQuery(new Term(Fields.TYPE, key.replace(' ', '_'))), Occur.SHOULD);
                case "reviewer" -> any.add(new TermQuery(new Term(Fields.REVIEWER, key)), Occur.SHOULD);
                case "state" -> any.add(new TermQuery(new Term(Fields.STATE, key.replace(' ', '_'))), Occur.SHOULD);
                default -> any.add(new TermQuery(new Term(Fields.CLAIM_KIND, key)), Occur.SHOULD);
            }
        }
        return any.build();
    }

    private List<DocumentHit> documents(IndexSearcher s, TopDocs top, Query text) throws IOException {
        Map<Long, Float> scores = new java.util.LinkedHashMap<>();
        for (ScoreDoc sd : top.scoreDocs) {
            scores.put(s.storedFields().document(sd.doc).getField(Fields.ID).numericValue().longValue(), sd.score);
        }
        if (scores.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> rows = new HashMap<>();
        for (Object row : em.createNativeQuery("select id, title, publisher, published_at, text from document where id in ("
                + join(scores.keySet()) + ")").getResultList()) {
            Object[] r = (Object[]) row;
            rows.put(((Number) r[0]).longValue(), r);
        }
        List<DocumentHit> out = new ArrayList<>();
        Snippets snippets = new Snippets(text);
        scores.forEach((id, score) -> {
            Object[] r = rows.get(id);
            if (r != null) {
                LocalDate day = r[3] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[3];
                out.add(new DocumentHit(id, (String) r[1], (String) r[2], day, snippets.of((String) r[4]), score));
            }
        });
        return out;
    }

    private List<ClaimHit> claims(IndexSearcher s, TopDocs top, Query text) throws IOException {
        Map<Long, Float> scores = new java.util.LinkedHashMap<>();
        Map<Long, String> exact = new HashMap<>();
        for (ScoreDoc sd : top.scoreDocs) {
            var d = s.storedFields().document(sd.doc);
            long id = d.getField(Fields.ID).numericValue().longValue();
            scores.put(id, sd.score);
            exact.put(id, d.get(Fields.TEXT));
        }
        if (scores.isEmpty()) {
            return List.of();
        }
        List<ClaimRows.Row> rows = ClaimRows.load(em, scores.keySet());
        Map<Long, ClaimRows.Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        Snippets snippets = new Snippets(text);
        List<ClaimHit> out = new ArrayList<>();
        scores.forEach((id, score) -> {
            ClaimRows.Row r = byId.get(id);
            if (r != null) {
                out.add(new ClaimHit(id, r.documentId(), r.documentTitle(), snippets.of(exact.get(id)), r.chain(),
                        r.credibility(), r.kind(), r.state(), r.reviewer(), score));
            }
        });
        return out;
    }

    static String join(java.util.Collection<Long> ids) {
        StringBuilder sb = new StringBuilder();
        for (Long id : ids) {
            sb.append(sb.length() == 0 ? "" : ",").append(id.longValue());
        }
        return sb.toString();
    }
}
