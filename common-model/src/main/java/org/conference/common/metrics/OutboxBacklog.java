package org.conference.common.metrics;

import java.time.Clock;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;

/**
 * What one collection's outbox still owes Kafka: how many entries wait, and since when the oldest has waited (epoch
 * milliseconds; 0 when none, or when no waiting entry says since when).
 */
public record OutboxBacklog(long pending, long oldestSince) {

    public static final OutboxBacklog NONE = new OutboxBacklog(0, 0);

    /** How long the oldest entry has waited at {@code now}, in seconds: 0 when nothing waits. */
    public double lagSeconds(long now) {
        return pending == 0 || oldestSince == 0 ? 0 : Math.max(0, now - oldestSince) / 1000.0;
    }

    /**
     * Publishes {@code conference_outbox_pending{collection}} and {@code conference_outbox_lag_seconds{collection}}
     * of one collection, from {@code read} each refresh; the lag is the oldest entry's age when it is scraped.
     */
    public static void publish(RefreshedGauges gauges, String collection, Clock clock,
            Supplier<Mono<OutboxBacklog>> read) {
        Tags tags = Tags.of("collection", collection);
        gauges.reading("the outbox backlog of " + collection, NONE, read)
                .gauge("conference.outbox.pending", "Outbox entries not yet relayed to Kafka", null, tags,
                        OutboxBacklog::pending)
                .gauge("conference.outbox.lag", "Age of the oldest outbox entry not yet relayed to Kafka", "seconds",
                        tags, backlog -> backlog.lagSeconds(clock.millis()));
    }
}
