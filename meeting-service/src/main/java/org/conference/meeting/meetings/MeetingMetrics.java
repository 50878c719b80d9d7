package org.conference.meeting.meetings;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What an operator watches about meetings. {@code conference_meetings_active} is the platform-wide count read from
 * Mongo, so every instance reports the same number: aggregate it with {@code max}, not {@code sum}. The one home of
 * {@code conference_calls_refused_total}: the lobby's refusals (no route, wrong codes) and the meetings' (caps, lock,
 * start wait) are one series by reason.
 */
@Component
public class MeetingMetrics {

    private static final Logger log = LoggerFactory.getLogger(MeetingMetrics.class);

    private final MeterRegistry meters;
    private final Counter joined;
    private final Counter ticks;
    private final Timer joinLatency;
    private final AtomicLong active = new AtomicLong();
    private final Disposable refresh;

    MeetingMetrics(MeterRegistry meters, MeetingStore store) {
        this.meters = meters;
        this.ticks = Counter.builder("conference.meeting.ticks")
                .description("Deadline ticks applied to meetings (a meeting's durable timer fired)").register(meters);
        this.joined = Counter.builder("conference.calls.joined").description("Calls that joined a meeting")
                .register(meters);
        this.joinLatency = Timer.builder("conference.calls.join.latency")
                .description("From the access code's last digit at the edge to the call joined in its meeting")
                .publishPercentileHistogram().register(meters);
        Gauge.builder("conference.meetings.active", active, AtomicLong::get).description("Live meetings")
                .register(meters);
        this.refresh = Flux.interval(Duration.ofSeconds(2))
                .concatMap(tick -> Mono.defer(() -> store.count(Query.query(Criteria.where("live").is(true))))
                        .doOnNext(active::set).onErrorResume(failure -> {
                    log.warn("Could not count for the gauge, keeping the last value: {}", failure.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    /** A call joined at {@code joinedAt}; its code was complete at {@code codeKeyedAt} (0: not known, not timed). */
    void joined(long codeKeyedAt, long joinedAt) {
        joined.increment();
        if (codeKeyedAt > 0) {
            joinLatency.record(Duration.ofMillis(Math.max(0, joinedAt - codeKeyedAt)));
        }
    }

    /** A caller hung up before entering, or turned away or released by its meeting, for {@code reason}. */
    public void refused(String reason) {
        Counter.builder("conference.calls.refused")
                .description("Callers hung up before entering a meeting or turned away by it, by reason")
                .tag("reason", reason).register(meters).increment();
    }

    void ticked() {
        ticks.increment();
    }

    @PreDestroy
    void stop() {
        refresh.dispose();
    }
}
