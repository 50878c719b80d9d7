package org.conference.common.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.conference.common.lifecycle.Rounds;

import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gauges of stored state (live meetings, files kept, what an outbox still owes Kafka), read from the database when
 * the application starts and every interval after. Counting since the process started would be wrong after a restart
 * and on every instance but one; a reading of the database is right at once and the same on every instance
 * (aggregate such gauges with {@code max}, not {@code sum}). Readings run one after another on a timer, never during
 * a scrape, which must not wait for the database; a reading that fails keeps the gauges' last values.
 */
public class RefreshedGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RefreshedGauges.class);

    private final MeterRegistry meters;
    private final Duration interval;
    private final List<Reading<?>> readings = new CopyOnWriteArrayList<>();
    private final Rounds rounds = new Rounds(RefreshedGauges.class, "Gauge reading");

    public RefreshedGauges(MeterRegistry meters, Duration interval) {
        this.meters = meters;
        this.interval = interval;
    }

    /**
     * A value read from the database each refresh ({@code initial} until the first reading succeeds), on which
     * {@linkplain Reading#gauge gauges} are registered; {@code what} names it in the log when a reading fails.
     */
    public <T> Reading<T> reading(String what, T initial, Supplier<Mono<T>> read) {
        Reading<T> reading = new Reading<>(what, initial, read, meters);
        readings.add(reading);
        return reading;
    }

    /** One gauge whose value {@code read} gives each refresh (0 until the first reading). */
    public void gauge(String name, String description, String baseUnit, Tags tags,
            Supplier<Mono<? extends Number>> read) {
        reading(name + tags, (Number) 0L, () -> read.get().map(Number.class::cast))
                .gauge(name, description, baseUnit, tags, Number::doubleValue);
    }

    /** Reads everything once now; the timer does the same every interval. */
    public Mono<Void> refresh() {
        return Flux.fromIterable(readings).concatMap(Reading::refresh).then();
    }

    @Override
    public void start() {
        rounds.start(Flux.interval(Duration.ZERO, interval), this::refresh);
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }

    /** The last value one reading gave, and the gauges that show it. */
    public static final class Reading<T> {

        private final String what;
        private final Supplier<Mono<T>> read;
        private final MeterRegistry meters;
        private final AtomicReference<T> last;

        private Reading(String what, T initial, Supplier<Mono<T>> read, MeterRegistry meters) {
            this.what = what;
            this.read = read;
            this.meters = meters;
            this.last = new AtomicReference<>(initial);
        }

        /** Registers a gauge that shows {@code value} of the last reading, computed when it is scraped. */
        public Reading<T> gauge(String name, String description, String baseUnit, Tags tags,
                ToDoubleFunction<T> value) {
            Gauge.builder(name, last, current -> value.applyAsDouble(current.get()))
                    .description(description).baseUnit(baseUnit).tags(tags).strongReference(true).register(meters);
            return this;
        }

        private Mono<Void> refresh() {
            return Mono.defer(read).doOnNext(last::set).then().onErrorResume(failure -> {
                log.warn("Could not read {} for its gauges, keeping the last value: {}", what, failure.toString());
                return Mono.empty();
            });
        }
    }
}
