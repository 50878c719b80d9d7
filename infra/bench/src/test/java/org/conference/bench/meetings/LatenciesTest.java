package org.conference.bench.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverEveryValue() {
        // 1..100 ms, shuffled order must not matter
        long[] values = LongStream.rangeClosed(1, 100).map(i -> (i * 37 % 100 + 1) * 1_000_000).toArray();
        Latencies latencies = Latencies.of(values);

        assertThat(latencies.percentile(50)).isEqualTo(50_000_000);
        assertThat(latencies.percentile(90)).isEqualTo(90_000_000);
        assertThat(latencies.percentile(99)).isEqualTo(99_000_000);
        assertThat(latencies.max()).isEqualTo(100_000_000);
        assertThat(latencies.describe()).isEqualTo("p50 50.0 ms, p90 90.0 ms, p99 99.0 ms, max 100.0 ms");
    }

    @Test
    void aSingleSlowCallerIsTheP99OfAHundredOnlyIfItIsTheWorstOne() {
        long[] values = LongStream.range(0, 1000).map(i -> i == 0 ? 900_000_000 : 10_000_000).toArray();
        Latencies latencies = Latencies.of(values);

        assertThat(latencies.percentile(99)).isEqualTo(10_000_000);
        assertThat(latencies.max()).isEqualTo(900_000_000);
    }

    @Test
    void noValuesIsSaidPlainly() {
        Latencies none = Latencies.of(new long[0]);

        assertThat(none.percentile(50)).isEqualTo(-1);
        assertThat(none.describe()).isEqualTo("none");
    }
}
