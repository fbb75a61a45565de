package dev.credence.source;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static dev.credence.annotation.AnnotationFixtures.cp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.Offsets;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many reviewers at once, through the real HTTP API, saving claims whose hops name the same few sources by
 * name, spelled differently (case, doubled and no-break spaces, decomposed accents): each name ends up as
 * exactly one registry entry and every save succeeds. Runs on H2 and, with {@code -Dquarkus.test.profile=test,pg},
 * on PostgreSQL.
 */
@QuarkusTest
class SourceConcurrencyApiTest {
    static final int REVIEWERS = 32;
    static final int CLAIMS_EACH = 4;
    /** Four sources, each in several spellings that are the same name. */
    static final List<List<String>> SPELLINGS = List.of(
            List.of("Kestrel Labs", "kestrel  labs", "KESTREL LABS", "Kestrel\u00A0Labs"),
            List.of("Harbor Courier", "harbor courier", " Harbor   Courier "),
            List.of("Café Noir", "Cafe\u0301 Noir", "CAFÉ NOIR"),
            List.of("Ministry of State Security", "ministry of state security"));
    static final String[] SPANS = { "had targeted 14 shipping companies since March", "the group used a new backdoor",
        "more attacks are likely", "a hacking group" };

    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    EntityManager em;

    List<Document> documents = new ArrayList<>();
    List<String> tokens = new ArrayList<>();

    @BeforeEach
    void setUp() {
        data.reset();
        User manager = data.user("mona");
        Project project = data.project("Registry race", manager);
        for (int d = 0; d < REVIEWERS / 2; d++) {
            documents.add(fixtures.document(project, "Report " + d, ARTICLE + "\nEdition " + d + "."));
        }
        for (int i = 0; i < REVIEWERS; i++) {
            data.user("rev" + i);
            data.member(project, "rev" + i, "reviewer");
            tokens.add(TestData.token("rev" + i));
        }
    }

    static Map<String, Object> span(String needle) {
        int start = cp(ARTICLE, needle);
        return Map.of("start", start, "end", start + Offsets.length(needle));
    }

    /** Claim {@code n} of reviewer {@code i}: two hops naming two of the four sources, order and spelling varying. */
    static Map<String, Object> claim(int i, int n) {
        int first = (i + n) % SPELLINGS.size();
        int second = (first + 1 + (i % 3)) % SPELLINGS.size();
        if (second == first) {
            second = (first + 1) % SPELLINGS.size();
        }
        List<Map<String, Object>> hops = List.of(
                Map.of("source", Map.of("name", spelling(first, i + n), "type", "firm_report"), "relation", "asserts"),
                Map.of("source", Map.of("name", spelling(second, i * 7 + n), "type", "independent_media"),
                        "relation", "reports"));
        Map<String, Object> body = new HashMap<>(span(SPANS[n % SPANS.length]));
        body.put("kind", "event");
        body.put("credibility", 3);
        body.put("attribution", hops);
        return body;
    }

    static String spelling(int source, int variant) {
        List<String> s = SPELLINGS.get(source);
        return s.get(Math.floorMod(variant, s.size()));
    }

    @Test
    void concurrentSavesNamingTheSameSourcesCreateEachSourceOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS);
        CountDownLatch start = new CountDownLatch(1);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < REVIEWERS; i++) {
                int reviewer = i;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < CLAIMS_EACH; n++) {
                        Response r = TestData.api(tokens.get(reviewer)).body(claim(reviewer, n))
                                .post("/api/v1/documents/{id}/claims", documents.get(reviewer / 2).id);
                        if (r.statusCode() != 201) {
                            failures.add("rev" + reviewer + " claim " + n + ": " + r.statusCode() + " " + r.asString());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), failures, "every save succeeds");

        QuarkusTransaction.requiringNew().run(() -> {
            List<Source> all = Source.listAll();
            assertEquals(SPELLINGS.size(), all.size(), "one entry per name: " + all.stream().map(s -> s.name).toList());
            for (List<String> spellings : SPELLINGS) {
                long entries = all.stream().filter(s -> SourceNames.same(s.name, spellings.get(0))).count();
                assertEquals(1, entries, spellings.get(0));
            }
            assertTrue(all.stream().allMatch(s -> java.text.Normalizer.isNormalized(s.name, java.text.Normalizer.Form.NFC)),
                    "names stored in NFC");
            long hops = em.createQuery("select count(h) from AttributionHop h", Long.class).getSingleResult();
            assertEquals(REVIEWERS * CLAIMS_EACH * 2L, hops, "every hop saved and linked");
            long keys = em.createQuery("select count(k) from SourceKey k", Long.class).getSingleResult();
            assertEquals(SPELLINGS.size(), keys, "one key per name");
            long created = em.createQuery("select count(e) from ChangeLogEntry e where e.entityType = 'source'"
                    + " and e.action = dev.credence.history.ChangeAction.create and e.entityId in (select s.id from Source s)",
                    Long.class).getSingleResult();
            assertEquals(SPELLINGS.size(), created, "one create in the history per entry");
            assertTrue(all.stream().allMatch(s -> s.name.equals(SourceNames.clean(s.name))), "names stored clean");
        });
    }
}
