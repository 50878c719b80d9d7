package org.conference.bench.meetings;

import java.util.Arrays;
import java.util.Locale;

/** A distribution of durations, by nearest rank: every value is kept, so the percentiles are exact. */
record Latencies(long[] sortedNanos) {

    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The smallest value that at least {@code percentile} % of the values do not exceed; -1 when there are none. */
    long percentile(double percentile) {
        if (sortedNanos.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(rank, sortedNanos.length) - 1)];
    }

    long max() {
        return sortedNanos.length == 0 ? -1 : sortedNanos[sortedNanos.length - 1];
    }

    /** {@code p50 12.3 ms, p90 …, p99 …, max …}, or "none". */
    String describe() {
        if (sortedNanos.length == 0) {
            return "none";
        }
        return String.format(Locale.ROOT, "p50 %s, p90 %s, p99 %s, max %s", millis(percentile(50)),
                millis(percentile(90)), millis(percentile(99)), millis(max()));
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
