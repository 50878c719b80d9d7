package org.conference.bench.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The benchmark's report reads exact nearest-rank percentiles of every latency it kept. */
class PercentilesTest {

    @Test
    void nearestRankOfAHundredValues() {
        List<Long> values = LongStream.rangeClosed(1, 100).boxed().toList();

        assertThat(Percentiles.of(values)).isEqualTo(new Percentiles(100, 50, 90, 99, 100));
    }

    @Test
    void oneSlowValueInAThousandIsTheMaximumNotTheP99() {
        List<Long> values = new java.util.ArrayList<>(LongStream.range(0, 999).map(i -> 10).boxed().toList());
        values.add(5_000L);

        Percentiles result = Percentiles.of(values);

        assertThat(result.p99()).isEqualTo(10);
        assertThat(result.max()).isEqualTo(5_000);
        assertThat(Percentiles.of(List.of()).count()).isZero();
    }
}
