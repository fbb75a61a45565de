package dev.credence.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules on short sentences, the registry trie and the lexicon (no database). */
class AttributionSuggesterTest {
    static final AttributionSuggester SUGGESTER = SuggestionEvaluation.suggester();

    static String slice(String text, Suggested.Range r) {
        return r == null ? null : text.substring(text.offsetByCodePoints(0, r.start()), text.offsetByCodePoints(0, r.end()));
    }

    @Test
    void inflectionsOfReportingVerbs() {
        assertEquals(List.of("deny", "denies", "denied", "denying"), CueLexicon.inflections("deny"));
        assertEquals(List.of("believe", "believes", "believed", "believing"), CueLexicon.inflections("believe"));
        assertEquals("tell", CueLexicon.verb("told").lemma());
        assertEquals("say", CueLexicon.verb("Said").lemma());
    }

    @Test
    void toldGivesAChainOutletFirstWithCodePointOffsetsAfterAnEmoji() {
        String text = "🇹🇼 Brief\nAnalysts at Kestrel Labs told Civic Radio that the intrusions began in March.";
        List<Suggested> s = SUGGESTER.suggest(text);
        assertEquals(1, s.size());
        Suggested x = s.get(0);
        assertEquals("told", slice(text, x.cue()));
        assertEquals("Analysts at Kestrel Labs", slice(text, x.source()));
        assertEquals("Kestrel Labs", x.sourceName());
        assertTrue(x.registrySourceId() != null);
        assertEquals(List.of("Civic Radio", "Kestrel Labs"), x.chain());
        assertEquals("the intrusions began in March", slice(text, x.claim()));
    }

    @Test
    void quotationBeforeTheCueAndAPronounResolvedToTheNearestPerson() {
        String text = "“We saw them come back,” said Ilse Varga, a senior analyst at Kestrel Labs.\n"
                + "She added that the attackers copied cargo manifests.";
        List<Suggested> s = SUGGESTER.suggest(text);
        assertEquals(2, s.size());
        assertEquals("We saw them come back", slice(text, s.get(0).claim()));
        assertEquals("Ilse Varga, a senior analyst at Kestrel Labs", slice(text, s.get(0).source()));
        assertEquals("She", slice(text, s.get(1).source()));
        assertEquals("Ilse Varga", s.get(1).sourceName());
    }

    @Test
    void accordingToADocumentSeenByAnOutlet() {
        String text = "According to a classified memo seen by Civic Radio, the unit reports to the coastal command.";
        Suggested x = SUGGESTER.suggest(text).get(0);
        assertEquals("According to", slice(text, x.cue()));
        assertEquals("a classified memo", slice(text, x.source()));
        assertEquals(List.of("Civic Radio", "classified memo"), x.chain());
        assertEquals("the unit reports to the coastal command", slice(text, x.claim()));
        assertEquals("leaked_via", x.hops().get(1).relation());
    }

    @Test
    void passivesAndRelativeThatAreNoCues() {
        String text = "The operators had been warned twice before the breach.";
        assertTrue(SUGGESTER.suggest(text).isEmpty());
    }

    @Test
    void registryTrieTakesTheLongestMatch() {
        RegistryNames trie = new RegistryNames();
        trie.add(List.of("Harbor", "Watch"), new RegistryNames.Entry(1, "Harbor Watch Institute", "think_tank", null));
        trie.add(List.of("Harbor", "Watch", "Institute"), new RegistryNames.Entry(1, "Harbor Watch Institute", "think_tank", null));
        List<RegistryNames.Match> m = trie.match(List.of("the", "harbor", "WATCH", "institute", "said"));
        assertEquals(1, m.size());
        assertEquals(1, m.get(0).from());
        assertEquals(4, m.get(0).to());
        assertNull(trie.match(List.of("harbor")).stream().findFirst().orElse(null));
    }
}
