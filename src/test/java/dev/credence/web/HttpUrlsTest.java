package dev.credence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HttpUrlsTest {
    @Test
    void blankIsNoneAndAnHttpUrlIsKeptWithoutItsBlanks() {
        assertNull(HttpUrls.require(null, "evidenceUrl"));
        assertNull(HttpUrls.require("  \n", "evidenceUrl"));
        assertEquals("https://example.org/report?id=7#p2",
                HttpUrls.require("  https://example.org/report?id=7#p2 ", "evidenceUrl"));
        assertEquals("HTTP://Example.org/a", HttpUrls.require("HTTP://Example.org/a", "evidenceUrl"));
    }

    @Test
    void otherSchemesRelativeLinksAndOverlongOnesAreRefusedNamingTheField() {
        for (String bad : new String[] {"ftp://example.org/x", "javascript:alert(1)", "/relative/path", "https:///nohost",
                "http://exa mple.org", "https://example.org/" + "a".repeat(HttpUrls.MAX_LENGTH)}) {
            UnprocessableException e = assertThrows(UnprocessableException.class,
                    () -> HttpUrls.require(bad, "line 4: evidenceUrl"));
            assertEquals("line 4: evidenceUrl: '" + bad + "' is not an http(s) URL", e.getMessage(), bad);
        }
    }
}
