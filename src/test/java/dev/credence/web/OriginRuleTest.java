package dev.credence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginRuleTest {
    private static boolean allowed(String origin, String referer) {
        return OriginRule.check(origin, referer, "https", "credence.example.org", List.of()).allowed();
    }

    @Test
    void ownOriginWithOrWithoutDefaultPortIsAllowed() {
        assertTrue(allowed("https://credence.example.org", null));
        assertTrue(allowed("https://credence.example.org:443", null));
        assertTrue(allowed("HTTPS://Credence.Example.org", null));
        assertTrue(allowed(null, "https://credence.example.org/projects/3?x=1"));
    }

    @Test
    void absentOriginAndRefererIsAllowed() {
        assertTrue(allowed(null, null));
        assertTrue(allowed("", " "));
    }

    @Test
    void foreignSchemeHostPortOrOpaqueOriginIsRefused() {
        assertFalse(allowed("http://credence.example.org", null));
        assertFalse(allowed("https://credence.example.org:8443", null));
        assertFalse(allowed("https://credence.example.org.evil.example", null));
        assertFalse(allowed("null", null));
        assertFalse(allowed(null, "https://evil.example/x"));
        assertEquals("https://evil.example", OriginRule.check("https://evil.example", null, "https",
                "credence.example.org", List.of()).sender());
    }

    @Test
    void originTakesPrecedenceOverReferer() {
        assertFalse(allowed("https://evil.example", "https://credence.example.org/"));
        assertTrue(allowed("https://credence.example.org", "https://evil.example/"));
    }

    @Test
    void configuredExtraOriginsAreAllowed() {
        assertTrue(OriginRule.check("https://public.example", null, "http", "10.0.0.5:8080",
                List.of("https://public.example")).allowed());
        assertFalse(OriginRule.check("https://public.example", null, "http", "10.0.0.5:8080", List.of()).allowed());
    }
}
