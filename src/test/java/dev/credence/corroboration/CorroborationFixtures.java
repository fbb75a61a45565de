package dev.credence.corroboration;

import dev.credence.TestData;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.Offsets;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Three fictional articles: two report the same rocket strike on a radar site in different words (and
 * one denies a detail), the third is about something else. Manager mona, reviewers rita and sam, outsider olga.
 */
@ApplicationScoped
public class CorroborationFixtures {
    public static final String COURIER = """
            Harbor Courier · World · Live updates ✈️
            Subscribe to our newsletter
            Missiles struck a coastal radar station near Port Alder on Tuesday, the defence ministry said, \
            adding that two technicians were wounded.
            “We saw three flashes over the bay,” a fisherman told the Harbor Courier.
            STORY CONTINUES BELOW THIS AD
            Analysts at the Meridian Institute believe the attack was meant to blind air defences before a larger raid.
            """;
    public static final String LEDGER = """
            The Evening Ledger — Defence desk 🛰️
            A rocket strike hit the radar station at Port Alder, officials at the defence ministry confirmed, \
            with two technicians hurt.
            The navy denied that any warship had been damaged in the strike.
            Read more: <script>alert('ledger')</script> & other “stories”
            """;
    public static final String GAZETTE = """
            Valley Gazette · Local
            The town council approved a new budget for the harbour library on Monday, the mayor said.
            """;

    /**
     * What scraped pages carry around the story (menus, teasers, comments), appended to each article so the
     * pages are of real size (about 4 kB): our own words, with emoji and curly quotes.
     */
    public static final String PAGE_NOISE = """

            Related coverage
            • “Harbour ferries return to the winter timetable” — read the full story on page 6 ⛴️
            • Opinion: why the coast road still floods every October, and what the engineers say about it
            • Photo gallery: the autumn regatta in twenty-four pictures 📸
            Most read this week
            1. Council names the new head of the fishermen’s cooperative
            2. “It felt like home again”: a bakery reopens after the fire
            3. Weather: fog over the bay until Thursday, then sunshine ☀️
            Comments (12)
            Sorted by newest · Sign in to join the conversation · Community guidelines apply
            — “Thanks for the clear reporting, as always,” wrote a reader from the old town.
            — Another reader asked when the printed edition will be delivered on Sundays again.
            Newsletter: the morning briefing in your inbox at seven o’clock, free of charge, unsubscribe at any time.
            About us · Contact the newsroom · Corrections policy · Advertise with us · Jobs · Privacy settings
            © 2026 — all rights reserved. Reproduction of articles, photographs and graphics requires written permission.
            """.repeat(3);

    @Inject
    TestData data;
    @Inject
    AnnotationFixtures annotations;

    public record World(Project project, Document courier, Document ledger, Document gazette) {
    }

    public World world() {
        data.reset();
        var mona = data.user("mona");
        data.user("rita");
        data.user("sam");
        data.user("olga");
        Project p = data.project("Port Alder strike", mona);
        data.member(p, "rita", "reviewer");
        data.member(p, "sam", "reviewer");
        Document courier = dated(annotations.document(p, "Radar station hit", COURIER + PAGE_NOISE), "Harbor Courier", "2026-03-03");
        Document ledger = dated(annotations.document(p, "Rocket strike on Port Alder", LEDGER + PAGE_NOISE), "Evening Ledger",
                "2026-03-04");
        Document gazette = dated(annotations.document(p, "Library budget", GAZETTE), "Valley Gazette", "2026-05-20");
        return new World(p, courier, ledger, gazette);
    }

    private static Document dated(Document d, String publisher, String day) {
        QuarkusTransaction.requiringNew().run(() -> {
            Document stored = Document.findById(d.id);
            stored.publisher = publisher;
            stored.publishedAt = LocalDate.parse(day);
            // The real hash, as the importer stores it (a backup's restore checks it).
            stored.textSha256 = java.util.HexFormat.of().formatHex(sha256(stored.text));
            io.quarkus.arc.Arc.container().instance(dev.credence.history.HistoryService.class).get().record(null, null,
                    stored.id, "document", stored.id, dev.credence.history.ChangeAction.update, null, null);
        });
        return d;
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A claim body for the first occurrence of {@code needle} in {@code text}, attributed to one source. */
    public static Map<String, Object> claim(String text, String needle, Integer credibility, String source, String type) {
        int start = AnnotationFixtures.cp(text, needle);
        Map<String, Object> body = new HashMap<>();
        body.put("start", start);
        body.put("end", start + Offsets.length(needle));
        body.put("kind", "event");
        body.put("stance", "asserted");
        body.put("credibility", credibility);
        body.put("attribution", source == null ? List.of()
                : List.of(Map.of("source", Map.of("name", source, "type", type), "relation", "asserts", "reliability", "B")));
        return body;
    }

    /** Creates the claim through the API as the token's user; returns its id. */
    public static long create(String token, Document doc, Map<String, Object> body) {
        return TestData.api(token).body(body).when().post("/api/v1/documents/" + doc.id + "/claims")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static final String STRIKE_COURIER = "Missiles struck a coastal radar station near Port Alder on Tuesday";
    public static final String STRIKE_LEDGER = "A rocket strike hit the radar station at Port Alder";
    public static final String WARSHIP_LEDGER = "The navy denied that any warship had been damaged in the strike.";
    public static final String BUDGET_GAZETTE = "The town council approved a new budget for the harbour library on Monday";
}
