package dev.credence.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {
    @Test
    void splitsFiltersFromText() {
        SearchQuery q = SearchQuery.parse("  radar source:\"Defence ministry\" grade:1 grade:B  rockets REVIEWER:rita ");
        assertEquals("radar rockets", q.text());
        assertEquals(List.of("Defence ministry"), q.filters().get("source"));
        assertEquals(List.of("1", "B"), q.filters().get("grade"));
        assertEquals(List.of("rita"), q.filters().get("reviewer"));
    }

    @Test
    void unknownPrefixesAndEmptyValuesStayHarmless() {
        SearchQuery q = SearchQuery.parse("http://example.org note:x source:");
        assertEquals("http://example.org note:x source:", q.text());
        assertTrue(q.filters().isEmpty());
        assertTrue(SearchQuery.parse("   ").isEmpty());
    }

    @Test
    void synonymsAndStemsMeetInTheAnalyzer() {
        assertTrue(SimilarClaims.terms("Rockets hit").contains("missil"), SimilarClaims.terms("Rockets hit").toString());
        assertTrue(SimilarClaims.terms("the hackers' tools").contains("hacker"));
    }
}
