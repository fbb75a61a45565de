package dev.credence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credence.support.AppProcess;
import dev.credence.support.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the PostgreSQL build ({@code target/quarkus-app-pg}, built by {@code ./mvnw verify})
 * on one PostgreSQL database, as behind a load balancer: a session made on one is valid on the other,
 * concurrent reviewers on both taking "next document" never get the same slot, the database stopped
 * under them gives 503s and readiness DOWN and they recover when it returns, and an instance started
 * while the database is down waits for it. Run alone: {@code ./mvnw verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 * runs it after the build; see docs/operations.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {
    static final String ADMIN_PASSWORD = "two-instances-admin-password";
    static final String PASSWORD = "correct-horse-battery";
    static final int DOCUMENTS = 20;
    static final int REVIEWERS = 16;
    static final int PER_DOCUMENT = 2;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Path LOGS = Path.of("target", "instances");

    static PostgresServer pg;
    static AppProcess one;
    static AppProcess two;
    static String adminToken;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        pg = PostgresServer.create().start();
        pg.createDatabase("credence");
        one = AppProcess.start(jar(), env("credence"), LOGS.resolve("one.log"));
        two = AppProcess.start(jar(), env("credence"), LOGS.resolve("two.log"));
        one.awaitStatus("/q/health/ready", 200, Duration.ofMinutes(3));
        two.awaitStatus("/q/health/ready", 200, Duration.ofMinutes(3));
        adminToken = token(one, "admin", ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (AppProcess app : new AppProcess[] { one, two }) {
            if (app != null) {
                app.close();
            }
        }
        if (pg != null) {
            pg.destroy();
        }
    }

    @Test
    @Order(1)
    void aSessionFromOneInstanceIsValidOnTheOther() throws Exception {
        String cookie = login(one, "admin", ADMIN_PASSWORD);
        HttpResponse<String> page = send(two, get("/projects").header("Cookie", cookie));
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("Log out", Jsoup.parse(page.body()).select("form.logout button").text());
        assertEquals(302, send(two, get("/projects")).statusCode(), "no cookie, no page");
    }

    @Test
    @Order(2)
    void aDocumentImportedOnOneInstanceIsFoundBySearchOnTheOtherAndGoneWhenDeleted() throws Exception {
        long project = json(send(one, api(adminToken, "/api/v1/projects", Map.of("name", "Two instances, search",
                "description", "search index"))), 201).path("id").asLong();
        // The index of instance one is built and current before the other instance writes.
        String search = "/api/v1/projects/" + project + "/search?q=";
        json(send(one, get(search + "lighthouse").header("Authorization", "Bearer " + adminToken)), 200);
        long doc = json(send(two, api(adminToken, "/api/v1/projects/" + project + "/documents", Map.of("title",
                "Lighthouse keeper reports a drone", "text", "The lighthouse keeper on Cape Verity said a drone circled"
                        + " the lamp room twice before dawn 🛸, according to the coast guard."))), 201).path("id").asLong();
        // Instance one has no listener call for it: it reads the change_log row within its check interval (200 ms).
        assertTrue(awaitSearch(one, search + "lighthouse", doc, true), "found on the other instance");
        assertEquals(204, send(two, HttpRequest.newBuilder().uri(at("/api/v1/documents/" + doc))
                .header("Authorization", "Bearer " + adminToken).DELETE()).statusCode());
        assertTrue(awaitSearch(one, search + "lighthouse", doc, false), "deleted there, gone here");
    }

    /** Searches on {@code app} until the document is (or is not) among the hits, 10 s at most. */
    static boolean awaitSearch(AppProcess app, String path, long doc, boolean present) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode r = json(send(app, get(path).header("Authorization", "Bearer " + adminToken)), 200);
            boolean found = false;
            for (JsonNode d : r.path("documents")) {
                found |= d.path("id").asLong() == doc;
            }
            if (found == present) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    @Order(3)
    void concurrentReviewersOnBothInstancesNeverGetTheSameSlot() throws Exception {
        long project = json(send(one, api(adminToken, "/api/v1/projects", Map.of("name", "Two instances",
                "description", "slots", "reviewersPerDocument", PER_DOCUMENT))), 201).path("id").asLong();
        Set<Long> documents = new HashSet<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(json(send(i % 2 == 0 ? one : two, api(adminToken, "/api/v1/projects/" + project + "/documents",
                    Map.of("title", "Harbour report " + i, "publisher", "The Coastal Ledger",
                            "text", harbourReport(i)))), 201).path("id").asLong());
        }
        List<String> tokens = new ArrayList<>();
        for (int r = 0; r < REVIEWERS; r++) {
            String name = "reviewer" + r;
            json(send(one, api(adminToken, "/api/v1/users", Map.of("username", name, "password", PASSWORD,
                    "displayName", "Reviewer " + r))), 201);
            json(send(two, api(adminToken, "/api/v1/projects/" + project + "/members",
                    Map.of("username", name, "role", "reviewer"))), 201);
            tokens.add(token(r % 2 == 0 ? one : two, name, PASSWORD));
        }

        Map<Long, List<String>> slots = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS);
        List<Future<Integer>> taken = new ArrayList<>();
        for (int r = 0; r < REVIEWERS; r++) {
            int reviewer = r;
            taken.add(pool.submit(() -> {
                go.await();
                int n = 0;
                for (int call = reviewer; ; call++) {
                    AppProcess app = call % 2 == 0 ? one : two;
                    HttpResponse<String> next = send(app, api(tokens.get(reviewer), "/api/v1/projects/" + project + "/next", Map.of()));
                    if (next.statusCode() == 204) {
                        return n;
                    }
                    long doc = json(next, 200).path("documentId").asLong();
                    slots.computeIfAbsent(doc, d -> new java.util.concurrent.CopyOnWriteArrayList<>()).add("reviewer" + reviewer);
                    n++;
                    json(send(call % 2 == 0 ? two : one, api(tokens.get(reviewer), "/api/v1/documents/" + doc + "/submit", Map.of())), 200);
                }
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> f : taken) {
            total += f.get();
        }
        pool.shutdown();

        assertEquals(DOCUMENTS * PER_DOCUMENT, total, "every slot taken exactly once: " + slots);
        assertEquals(documents, slots.keySet());
        slots.forEach((doc, owners) -> {
            assertEquals(PER_DOCUMENT, owners.size(), "document " + doc + " handed to " + owners);
            assertEquals(PER_DOCUMENT, new HashSet<>(owners).size(), "document " + doc + " handed twice to one reviewer");
        });
        assertEquals(String.valueOf(DOCUMENTS), pg.psql("credence",
                "select count(*) from (select document_id from layer where kind = 'reviewer'"
                        + " group by document_id having count(*) = " + PER_DOCUMENT + ") full_documents"));
        assertEquals(String.valueOf(DOCUMENTS * PER_DOCUMENT),
                pg.psql("credence", "select count(*) from layer where kind = 'reviewer'"));
    }

    @Test
    @Order(4)
    void withTheDatabaseStoppedEveryRouteAnswers503AndBothRecoverWhenItReturns() throws Exception {
        String cookie = login(two, "admin", ADMIN_PASSWORD);
        pg.stop();
        try {
            // round 0 meets the pooled connections the stop broke; round 1 needs new ones: refused
            for (int round = 0; round < 2; round++) {
                if (round == 1) {
                    Thread.sleep(3_000);
                }
                for (AppProcess app : List.of(one, two)) {
                    assertUnavailable(app, cookie);
                }
            }
        } finally {
            pg.start();
        }
        for (AppProcess app : List.of(one, two)) {
            app.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(60));
            awaitOk(app, get("/api/v1/projects").header("Authorization", "Bearer " + adminToken));
            awaitOk(app, get("/projects").header("Cookie", cookie));
        }
        assertEquals("0", pg.psql("credence", "select count(*) from project where name = 'Written while down'"));
    }

    static void assertUnavailable(AppProcess app, String cookie) throws Exception {
        HttpResponse<String> apiCall = send(app, get("/api/v1/projects").header("Authorization", "Bearer " + adminToken));
        JsonNode error = json(apiCall, 503);
        assertEquals("database_unavailable", error.path("error").asText(), apiCall.body());
        assertTrue(error.path("detail").asText().contains("nothing was saved"), apiCall.body());

        HttpResponse<String> page = send(app, get("/projects").header("Cookie", cookie));
        assertEquals(503, page.statusCode(), page.body());
        assertEquals("Database unavailable", Jsoup.parse(page.body()).select("h1").text());
        assertNotNull(page.headers().firstValue("Retry-After").orElse(null));

        HttpResponse<String> loginPost = send(app, form("/j_security_check",
                Map.of("j_username", "admin", "j_password", ADMIN_PASSWORD)));
        assertEquals(503, loginPost.statusCode(), loginPost.body());

        HttpResponse<String> write = send(app, api(adminToken, "/api/v1/projects", Map.of("name", "Written while down")));
        assertEquals("database_unavailable", json(write, 503).path("error").asText());

        HttpResponse<String> ready = send(app, get("/q/health/ready"));
        assertEquals(503, ready.statusCode(), ready.body());
        assertEquals("DOWN", JSON.readTree(ready.body()).path("status").asText());
    }

    @Test
    @Order(5)
    void anInstanceStartedBeforeItsDatabaseWaitsAndBecomesReadyWhenItArrives() throws Exception {
        pg.createDatabase("credence_late");
        pg.stop();
        try (AppProcess late = AppProcess.start(jar(), env("credence_late"), LOGS.resolve("late.log"))) {
            try {
                late.awaitStatus("/q/health/live", 200, Duration.ofMinutes(3));
                Thread.sleep(6_000); // the build that exited 4.3 s after start stays up now
                assertTrue(late.isAlive(), late.tail());
                assertEquals(503, send(late, get("/q/health/ready")).statusCode());
                HttpResponse<String> login = send(late, get("/login"));
                assertEquals(503, login.statusCode(), login.body());
                assertTrue(Jsoup.parse(login.body()).select(".error-detail").text().contains("waiting for its database"),
                        login.body());
                HttpResponse<String> apiCall = send(late, get("/api/v1/projects"));
                assertEquals("database_unavailable", json(apiCall, 503).path("error").asText());
            } finally {
                pg.start();
            }
            late.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(90));
            assertTrue(login(late, "admin", ADMIN_PASSWORD).startsWith("credence-session="),
                    "the admin was created once the database arrived");
            assertTrue(Integer.parseInt(pg.psql("credence_late",
                    "select count(*) from flyway_schema_history where success")) >= 4, "migrated when the database came");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A scraped-looking article of about 4 kB: menu noise, reported speech, curly quotes, an emoji. */
    static String harbourReport(int n) {
        StringBuilder text = new StringBuilder("Home | World | Business | Opinion | Subscribe\n\n");
        text.append("Port officials deny reports of sensor outage at Kelvar harbour (update ").append(n).append(")\n\n");
        for (int p = 0; p < 6; p++) {
            text.append("The harbour authority of Kelvar said on Tuesday that its tide sensors had “worked without"
                    + " interruption” during the storm, contradicting an account by two dock workers who told the"
                    + " Coastal Ledger that the gauges went dark for nearly three hours. According to a maintenance"
                    + " log seen by the paper, technicians were called out twice that night. “We have nothing to"
                    + " hide,” a spokeswoman said, adding that an independent audit would be published by March. ");
            text.append("Shipping analysts at the consultancy Meridian Tide believe the gap, if confirmed, could"
                    + " explain why two freighters were held outside the breakwater 🌊 for most of the evening.\n\n");
            if (p == 2) {
                text.append("STORY CONTINUES BELOW THIS AD\n\nRelated: Ferry timetable changes for the winter season\n\n");
            }
        }
        text.append("Comments (14) | Share this article | © The Coastal Ledger\n");
        return text.toString();
    }

    static Path jar() {
        return Path.of(System.getProperty("credence.pg.app", "target/quarkus-app-pg/quarkus-run.jar"));
    }

    static Map<String, String> env(String database) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "pg");
        env.put("CREDENCE_DB_URL", pg.jdbcUrl(database));
        env.put("CREDENCE_DB_USER", "postgres");
        env.put("CREDENCE_DB_PASSWORD", "");
        env.put("CREDENCE_SESSION_KEY", "two-instances-share-this-session-key-0123456789");
        env.put("CREDENCE_ADMIN_USER", "admin");
        env.put("CREDENCE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("QUARKUS_LOG_CONSOLE_LEVEL", "INFO");
        return env;
    }

    static String login(AppProcess app, String user, String password) throws Exception {
        HttpResponse<String> r = send(app, form("/j_security_check", Map.of("j_username", user, "j_password", password)));
        assertEquals(302, r.statusCode(), r.body());
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence-session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + r.headers()));
    }

    static String token(AppProcess app, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(app, HttpRequest.newBuilder().uri(at("/api/v1/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        return json(r, 200).path("token").asText();
    }

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder().uri(at(path)).GET();
    }

    static HttpRequest.Builder api(String token, String path, Map<String, ?> body) throws IOException {
        return HttpRequest.newBuilder().uri(at(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    static HttpRequest.Builder form(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder().uri(at(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /** A placeholder host: {@link #send} points the request at one instance or the other. */
    static URI at(String path) {
        return URI.create("http://instance" + path);
    }

    /** Sends a request built with {@link #at} to the instance. */
    static HttpResponse<String> send(AppProcess app, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest r = request.timeout(Duration.ofSeconds(60)).build();
        String query = r.uri().getRawQuery() == null ? "" : "?" + r.uri().getRawQuery();
        HttpRequest absolute = HttpRequest.newBuilder(r, (k, v) -> true).uri(URI.create(app.url(r.uri().getRawPath() + query)))
                .build();
        return HTTP.send(absolute, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.request().uri() + ": " + response.body());
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static void awaitOk(AppProcess app, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 40; i++) {
            last = send(app, request);
            if (last.statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no recovery: " + last.statusCode() + " " + last.body());
    }
}
