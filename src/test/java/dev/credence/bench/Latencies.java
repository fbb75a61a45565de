package dev.credence.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Per-operation latency samples and error counts, thread-safe; percentiles by sorting at the end. */
final class Latencies {
    private static final class Op {
        long[] samples = new long[1024];
        int n;
        final AtomicLong errors = new AtomicLong();

        synchronized void add(long nanos) {
            if (n == samples.length) {
                samples = Arrays.copyOf(samples, n * 2);
            }
            samples[n++] = nanos;
        }

        synchronized long[] sorted() {
            long[] s = Arrays.copyOf(samples, n);
            Arrays.sort(s);
            return s;
        }
    }

    private final Map<String, Op> ops = new ConcurrentHashMap<>();

    void ok(String op, long nanos) {
        ops.computeIfAbsent(op, k -> new Op()).add(nanos);
    }

    void error(String op) {
        ops.computeIfAbsent(op, k -> new Op()).errors.incrementAndGet();
    }

    long count(String op) {
        Op o = ops.get(op);
        return o == null ? 0 : o.sorted().length;
    }

    long errors(String op) {
        Op o = ops.get(op);
        return o == null ? 0 : o.errors.get();
    }

    long totalErrors() {
        return ops.values().stream().mapToLong(o -> o.errors.get()).sum();
    }

    /** p in 0..100 of the op's samples, in milliseconds. */
    double percentile(String op, double p) {
        Op o = ops.get(op);
        long[] s = o == null ? new long[0] : o.sorted();
        return percentile(s, p);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** A Markdown table: op, count, ok/s over {@code seconds}, p50, p95, p99, max, errors. */
    String table(double seconds) {
        StringBuilder b = new StringBuilder("| operation | ok | per s | p50 ms | p95 ms | p99 ms | max ms | errors |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Op> e : new TreeMap<>(ops).entrySet()) {
            long[] s = e.getValue().sorted();
            b.append(String.format(java.util.Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d |%n",
                    e.getKey(), s.length, s.length / seconds, percentile(s, 50), percentile(s, 95),
                    percentile(s, 99), percentile(s, 100), e.getValue().errors.get()));
        }
        return b.toString();
    }
}
