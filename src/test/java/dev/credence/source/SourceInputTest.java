package dev.credence.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.web.UnprocessableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure logic behind the source forms: alias lists, URL checks, excerpts, LIKE escaping. */
class SourceInputTest {
    @Test
    void aliasesSplitOnCommasAndNewLinesWithoutBlanksOrDuplicates() {
        assertEquals(List.of("Team T5", "TeamT5 researchers", "T5"),
                SourceInput.splitAliases(" Team T5,TeamT5 researchers\r\n\n team t5 ,, T5\n"));
        assertEquals(List.of(), SourceInput.splitAliases("  \n , "));
        assertEquals(List.of(), SourceInput.splitAliases(null));
    }

    @Test
    void theNameIsNotItsOwnAlias() {
        assertEquals(List.of("Politico Europe"), SourceInput.cleanAliases(List.of("politico", "Politico Europe"), "POLITICO"));
    }

    @Test
    void urlsMustBeHttpOrHttpsWithAHost() {
        assertEquals("https://example.org/a?b=c", SourceInput.webUrl("url", " https://example.org/a?b=c "));
        assertEquals("http://example.org", SourceInput.webUrl("url", "http://example.org"));
        assertNull(SourceInput.webUrl("url", "  "));
        for (String bad : List.of("javascript:alert(1)", "ftp://example.org", "example.org", "https://", "http://exa mple.org",
                "data:text/html,hi", "/relative/path")) {
            var e = assertThrows(UnprocessableException.class, () -> SourceInput.webUrl("sameAs", bad), bad);
            assertTrue(e.getMessage().startsWith("sameAs: "), e.getMessage());
        }
    }

    @Test
    void optionalTextIsStrippedAndBounded() {
        assertNull(SourceInput.optional("country", " ", 100));
        assertEquals("Taiwan", SourceInput.optional("country", " Taiwan ", 100));
        assertThrows(UnprocessableException.class, () -> SourceInput.optional("country", "x".repeat(101), 100));
    }

    @Test
    void excerptsCutAtCodePointsNotInsideEmoji() {
        assertEquals("short", AttributedClaim.truncate("short", 10));
        assertEquals("ab😀…", AttributedClaim.truncate("ab😀cd", 3));
        assertEquals("", AttributedClaim.truncate(null, 3));
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertEquals("100\\%\\_a\\\\b", SourceSearch.likeEscape("100%_a\\b"));
    }
}
