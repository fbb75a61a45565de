package dev.credence.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the app answered: every claim write acknowledged (2xx), refused (4xx/5xx) or in doubt (no
 * answer: the app died or timed out), and every import. A reviewer works its claims one request at a
 * time and stops after a request without answer, so only the last event of a claim can be in doubt.
 */
final class Journal {
    /** A claim's values as the reviewer sent them. */
    record Values(int start, int end, int credibility, String rationale, String firm, String outlet,
            String reliability0, String reliability1) {
    }

    enum Kind { CREATE, UPDATE, DELETE }

    enum Outcome { ACKED, REFUSED, IN_DOUBT }

    record Event(Kind kind, Outcome outcome, Values values) {
    }

    /** One claim, known by the marker at the start of its rationale (unique per run). */
    static final class ClaimLog {
        final String marker;
        final String reviewer;
        volatile Long id;
        final List<Event> events = new ArrayList<>();

        ClaimLog(String marker, String reviewer) {
            this.marker = marker;
            this.reviewer = reviewer;
        }

        synchronized void add(Kind kind, Outcome outcome, Values values) {
            events.add(new Event(kind, outcome, values));
        }

        /** The states the database may hold: after the last acknowledged event, or after an in-doubt last one. */
        synchronized Allowed allowed() {
            Values acked = null;
            boolean present = false;
            for (Event e : events) {
                if (e.outcome() == Outcome.ACKED) {
                    present = e.kind() != Kind.DELETE;
                    acked = present ? e.values() : null;
                }
            }
            List<Values> states = new ArrayList<>();
            boolean absentOk = !present;
            if (present) {
                states.add(acked);
            }
            Event last = events.isEmpty() ? null : events.get(events.size() - 1);
            if (last != null && last.outcome() == Outcome.IN_DOUBT) {
                if (last.kind() == Kind.DELETE) {
                    absentOk = true;
                } else {
                    states.add(last.values());
                }
            }
            return new Allowed(states, absentOk);
        }
    }

    /** Row values the database may hold for a claim, and whether it may be absent. */
    record Allowed(List<Values> present, boolean absentOk) {
    }

    /** An import of {@code count} articles whose titles start with "Operation {tag}-". */
    record ImportLog(String tag, int count, Outcome outcome, List<Long> ids) {
    }

    final String runId;
    final Map<String, ClaimLog> claims = new ConcurrentHashMap<>();
    final List<ImportLog> imports = java.util.Collections.synchronizedList(new ArrayList<>());
    /** reviewer username → document ids whose submit was acknowledged. */
    final Map<Long, String> submitted = new ConcurrentHashMap<>();

    Journal(String runId) {
        this.runId = runId;
    }

    ClaimLog claim(String reviewer, int seq) {
        String marker = "lg:" + runId + ":" + reviewer + ":" + seq;
        return claims.computeIfAbsent(marker, m -> new ClaimLog(m, reviewer));
    }

    long count(Kind kind, Outcome outcome) {
        long n = 0;
        for (ClaimLog c : claims.values()) {
            synchronized (c) {
                n += c.events.stream().filter(e -> e.kind() == kind && e.outcome() == outcome).count();
            }
        }
        return n;
    }
}
