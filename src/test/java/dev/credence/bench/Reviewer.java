package dev.credence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.bench.BenchArticles.ClaimSpot;
import dev.credence.bench.Journal.Kind;
import dev.credence.bench.Journal.Outcome;
import dev.credence.bench.Journal.Values;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One reviewer: logs in (API token and form login), takes the next document, opens its page, marks
 * claims with two-hop chains naming sources by name, edits and deletes some, sends a few invalid ones
 * (which must be refused), submits, and takes the next document. Every answer goes into the journal.
 */
final class Reviewer implements Runnable {
    private final BenchHttp http;
    private final Latencies stats;
    private final Journal journal;
    private final String username;
    private final String password;
    private final long projectId;
    private final Map<Long, BenchArticles.Article> articles;
    private final int maxDocuments;
    private final AtomicBoolean stop;
    private int seq;
    private boolean dead;
    volatile String token;
    /** When set, the reviewer logs in, then waits here until every reviewer has (the timed window starts). */
    java.util.concurrent.CyclicBarrier loggedIn;
    private boolean started;

    Reviewer(BenchHttp http, Latencies stats, Journal journal, String username, String password, long projectId,
            Map<Long, BenchArticles.Article> articles, int maxDocuments, AtomicBoolean stop) {
        this.http = http;
        this.stats = stats;
        this.journal = journal;
        this.username = username;
        this.password = password;
        this.projectId = projectId;
        this.articles = articles;
        this.maxDocuments = maxDocuments;
        this.stop = stop;
    }

    @Override
    public void run() {
        try {
            String cookie = timed("login (form)", () -> http.formLogin(username, password));
            if (token == null) {
                token = timed("login (token)", () -> http.token(username, password));
            }
            if (loggedIn != null) {
                awaitStart();
                started = true;
            }
            for (int d = 0; d < maxDocuments && !stop.get() && !dead; d++) {
                BenchHttp.Reply next = timed("next document",
                        () -> http.json("POST", "/api/v1/projects/" + projectId + "/next", token, null));
                if (next.status() == 204) {
                    return;
                }
                if (next.status() != 200) {
                    stats.error("next document");
                    return;
                }
                long doc = next.json().get("documentId").asLong();
                BenchHttp.Reply page = timed("document page", () -> http.page("/documents/" + doc, cookie));
                if (page.status() != 200) {
                    stats.error("document page");
                }
                annotate(doc, articles.get(doc));
                if (!dead && !stop.get()) {
                    submit(doc);
                }
            }
        } catch (IOException e) {
            dead = true;
            if (loggedIn != null && !started) {
                loggedIn.reset(); // the others must not wait for a reviewer who never logged in
            }
        }
    }

    private void awaitStart() throws IOException {
        try {
            loggedIn.await();
        } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
            Thread.currentThread().interrupt();
            throw new IOException("start barrier broken", e);
        }
    }

    private void annotate(long doc, BenchArticles.Article article) {
        List<ClaimSpot> spots = article.claims();
        for (int i = 0; i < spots.size() && !stop.get() && !dead; i++) {
            ClaimSpot spot = spots.get(i);
            int n = ++seq;
            Journal.ClaimLog log = journal.claim(username, n);
            boolean invalid = n % 20 == 0;
            Values v = new Values(spot.start(), spot.end(), invalid ? 7 : 1 + n % 6, log.marker + " v1 ‘as told’ 📰",
                    spot.firm(), spot.outlet(), "B", "C");
            JsonNode created = write(log, Kind.CREATE, v, invalid ? "create claim (invalid: 422 expected)"
                    : "create claim", "POST", "/api/v1/documents/" + doc + "/claims", body(v, spot, null, null, null),
                    invalid ? 422 : 201);
            if (created == null || invalid) {
                continue;
            }
            log.id = created.get("id").asLong();
            long mentionId = created.get("attribution").get(0).get("mention").get("id").asLong();
            long cueId = created.get("attribution").get(1).get("cue").get("id").asLong();
            if (i % 4 == 1) {
                Values edited = new Values(v.start(), v.end(), 1 + (n + 2) % 6, log.marker + " v2 revised “after a second source”",
                        v.firm(), v.outlet(), "A", "D");
                JsonNode updated = write(log, Kind.UPDATE, edited, "edit claim", "PUT", "/api/v1/claims/" + log.id,
                        body(edited, spot, mentionId, cueId, created.get("version").asLong()), 200);
                if (updated == null) {
                    continue;
                }
            }
            if (i % 5 == 2) {
                write(log, Kind.DELETE, null, "delete claim", "DELETE", "/api/v1/claims/" + log.id, null, 204);
            }
        }
    }

    private void submit(long doc) {
        try {
            BenchHttp.Reply r = timed("submit", () -> http.json("POST", "/api/v1/documents/" + doc + "/submit", token,
                    null));
            if (r.status() == 200) {
                journal.submitted.put(doc, username);
            } else {
                stats.error("submit");
            }
        } catch (IOException e) {
            stats.error("submit");
            dead = true;
        }
    }

    /** Sends one claim write and journals its outcome; the reply's JSON when it was {@code expected}. */
    private JsonNode write(Journal.ClaimLog log, Kind kind, Values v, String op, String method, String path,
            Object body, int expected) {
        long t0 = System.nanoTime();
        try {
            BenchHttp.Reply r = http.json(method, path, token, body);
            long t = System.nanoTime() - t0;
            if (r.status() == expected) {
                stats.ok(op, t);
            } else {
                stats.error(op);
                if (stats.errors(op) <= 3) {
                    System.err.println(op + " " + path + ": HTTP " + r.status() + " " + abbreviate(r.body()));
                }
            }
            log.add(kind, r.ok() ? Outcome.ACKED : Outcome.REFUSED, v);
            return r.ok() && !r.body().isEmpty() ? r.json() : null;
        } catch (IOException e) {
            stats.error(op);
            log.add(kind, Outcome.IN_DOUBT, v);
            dead = true;
            return null;
        }
    }

    /** The body the load run sends for {@code spot}, with fixed values (SaveCost). */
    static Map<String, Object> bodyForCost(ClaimSpot spot, Long mentionId, Long cueId, Long version) {
        Values v = new Values(spot.start(), spot.end(), 2, "cost probe ‘as told’ 📰", spot.firm(), spot.outlet(), "B", "C");
        return body(v, spot, mentionId, cueId, version);
    }

    private static Map<String, Object> body(Values v, ClaimSpot spot, Long mentionId, Long cueId, Long version) {
        Map<String, Object> hop0 = new java.util.LinkedHashMap<>();
        hop0.put("source", Map.of("name", v.firm(), "type", "firm_report"));
        if (mentionId != null) {
            hop0.put("mentionId", mentionId);
        } else {
            hop0.put("mention", Map.of("start", spot.mentionStart(), "end", spot.mentionEnd()));
        }
        hop0.put("relation", "asserts");
        hop0.put("reliability", v.reliability0());
        Map<String, Object> hop1 = new java.util.LinkedHashMap<>();
        hop1.put("source", Map.of("name", v.outlet(), "type", "independent_media"));
        if (cueId != null) {
            hop1.put("cueId", cueId);
        } else {
            hop1.put("cue", Map.of("start", spot.cueStart(), "end", spot.cueEnd()));
        }
        hop1.put("relation", "reports");
        hop1.put("reliability", v.reliability1());
        Map<String, Object> claim = new java.util.LinkedHashMap<>();
        claim.put("start", v.start());
        claim.put("end", v.end());
        claim.put("kind", "event");
        claim.put("stance", "asserted");
        claim.put("credibility", v.credibility());
        claim.put("rationale", v.rationale());
        claim.put("attribution", List.of(hop0, hop1));
        if (version != null) {
            claim.put("version", version);
        }
        return claim;
    }

    interface Call<T> {
        T call() throws IOException;
    }

    private <T> T timed(String op, Call<T> call) throws IOException {
        long t0 = System.nanoTime();
        try {
            T result = call.call();
            stats.ok(op, System.nanoTime() - t0);
            return result;
        } catch (IOException e) {
            stats.error(op);
            dead = true;
            throw e;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
