package org.conference.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;

class RefreshedGaugesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RefreshedGauges gauges = new RefreshedGauges(meters, Duration.ofHours(1));

    @Test
    void showsZeroBeforeTheFirstReadingThenWhatTheDatabaseSaid() {
        AtomicReference<Long> stored = new AtomicReference<>(42L);
        gauges.gauge("conference.media.files", "files", null, Tags.of("kind", "all"), () -> Mono.just(stored.get()));

        assertThat(value("conference.media.files")).isZero();
        gauges.refresh().block();
        assertThat(value("conference.media.files")).isEqualTo(42);
        stored.set(7L);
        gauges.refresh().block();
        assertThat(value("conference.media.files")).isEqualTo(7);
    }

    @Test
    void keepsTheLastValueWhenAReadingFails() {
        AtomicReference<Mono<Long>> next = new AtomicReference<>(Mono.just(5L));
        gauges.gauge("conference.meetings.active", "meetings", null, Tags.empty(), next::get);
        gauges.refresh().block();

        next.set(Mono.error(new IllegalStateException("database down")));
        gauges.refresh().block();

        assertThat(value("conference.meetings.active")).isEqualTo(5);
    }

    @Test
    void theOutboxLagIsTheOldestEntrysAgeWhenScrapedAndZeroOnceNothingWaits() {
        long now = 1_764_300_000_000L;
        Clock clock = Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        AtomicReference<OutboxBacklog> backlog = new AtomicReference<>(new OutboxBacklog(3, now - 12_500));
        OutboxBacklog.publish(gauges, "dids", clock, () -> Mono.just(backlog.get()));
        gauges.refresh().block();

        assertThat(meters.get("conference.outbox.pending").tag("collection", "dids").gauge().value()).isEqualTo(3);
        assertThat(meters.get("conference.outbox.lag").tag("collection", "dids").gauge().value()).isEqualTo(12.5);
        assertThat(meters.get("conference.outbox.lag").gauge().getId().getBaseUnit()).isEqualTo("seconds");

        backlog.set(OutboxBacklog.NONE);
        gauges.refresh().block();
        assertThat(meters.get("conference.outbox.pending").gauge().value()).isZero();
        assertThat(meters.get("conference.outbox.lag").gauge().value()).isZero();
    }

    private double value(String name) {
        return meters.get(name).gauge().value();
    }
}
