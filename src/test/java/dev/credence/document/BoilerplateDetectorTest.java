package dev.credence.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BoilerplateDetectorTest {
    static final String PASTED = """
            Home | World | Asia | Technology
            Share | Facebook | X | WhatsApp | Copy link

            Harbor operators in Velmora said on Tuesday that the 🐉 crew had reached 谣言 servers.
            Officials believe the intrusion began in March.

            STORY CONTINUES BELOW THIS AD

            Analysts at Kestrel Labs told the Daily Meridian the group had been active for years.
            Download the app for breaking news alerts
            Related articles
            Port strike enters third week
            Ministry denies cable sabotage

            Sign up for our morning newsletter
            """;

    @Test
    void marksTheFurnitureAndKeepsTheArticle() {
        List<BoilerplateDetector.Block> blocks = BoilerplateDetector.blocks(PASTED);
        String reasons = blocks.stream().map(b -> (b.reason() == null ? "TEXT" : b.reason())).collect(Collectors.joining(", "));
        assertEquals("navigation, share bar, TEXT, advertising marker, TEXT, app promotion, related-article list, "
                + "related-article list, related-article list, newsletter or sign-up box", reasons);
        Set<Integer> kept = blocks.stream().filter(b -> !b.boilerplate()).map(BoilerplateDetector.Block::index)
                .collect(Collectors.toSet());
        assertEquals("Harbor operators in Velmora said on Tuesday that the 🐉 crew had reached 谣言 servers.\n"
                + "Officials believe the intrusion began in March.\n\n"
                + "Analysts at Kestrel Labs told the Daily Meridian the group had been active for years.",
                BoilerplateDetector.keep(blocks, kept));
    }

    @Test
    void proseThatMentionsTheseWordsIsNotFurniture() {
        assertNull(BoilerplateDetector.reason("The ministry said it would share the findings with Facebook and X."));
        assertNull(BoilerplateDetector.reason("Related attacks hit two ports, officials said."));
        assertNull(BoilerplateDetector.reason("Rene\u0301e Duval, who runs the app team, declined to comment."));
    }
}
