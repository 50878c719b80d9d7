package org.conference.callback.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.conference.callback.deliveries.Delivery;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code conference.callbacks.deliveries{outcome}} (succeeded, failed, refused: deliveries that ended),
 * {@code conference.callbacks.attempts{result}} (2xx, 3xx, 4xx, 5xx, error: every HTTP attempt),
 * {@code conference.callbacks.delivery.latency} (from the event's {@code occurredAt} to the 2xx, a histogram) and
 * {@code conference.callbacks.queue.depth} (open deliveries in the database, as this instance last counted them).
 */
@Component
class DispatchMetrics {

    private final MeterRegistry registry;
    private final Timer latency;
    private final AtomicLong queueDepth = new AtomicLong();

    DispatchMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("conference.callbacks.delivery.latency")
                .description("from the event's occurredAt to the receiver's 2xx")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofHours(12))
                .register(registry);
        Gauge.builder("conference.callbacks.queue.depth", queueDepth, AtomicLong::get)
                .description("open deliveries: pending, retrying or waiting their turn")
                .register(registry);
        // every outcome and result is exported from start-up, at 0
        List.of(Delivery.SUCCEEDED, Delivery.FAILED, Delivery.REFUSED).forEach(this::deliveries);
        List.of("2xx", "3xx", "4xx", "5xx", "error").forEach(this::attempts);
    }

    void ended(String outcome) {
        deliveries(outcome).increment();
    }

    void attempted(Integer status) {
        attempts(status == null ? "error" : (status / 100) + "xx").increment();
    }

    private Counter deliveries(String outcome) {
        return Counter.builder("conference.callbacks.deliveries").description("Deliveries that ended, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter attempts(String result) {
        return Counter.builder("conference.callbacks.attempts").description("HTTP attempts, by result")
                .tag("result", result).register(registry);
    }

    void delivered(long occurredAt, long now) {
        latency.record(Duration.ofMillis(Math.max(0, now - occurredAt)));
    }

    void queueDepth(long open) {
        queueDepth.set(open);
    }
}
