package org.conference.bench.callbacks;

import java.util.Collection;

/** Exact percentiles of every latency kept (nearest rank). */
record Percentiles(int count, long p50, long p90, long p99, long max) {

    static Percentiles of(Collection<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public String toString() {
        return "n=" + count + " p50=" + p50 + " ms p90=" + p90 + " ms p99=" + p99 + " ms max=" + max + " ms";
    }
}
