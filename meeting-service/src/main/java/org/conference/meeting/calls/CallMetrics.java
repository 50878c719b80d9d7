package org.conference.meeting.calls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.conference.meeting.meetings.MeetingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Telephony events that could not apply (unknown call, DTMF after hang-up, …), callers the lobby refused (counted
 * with the meetings' refusals, in {@link MeetingMetrics#refused}), and the platform-wide count of calls
 * ({@code conference_calls_active}, the same on every instance: aggregate with max).
 */
@Component
class CallMetrics {

    private static final Logger log = LoggerFactory.getLogger(CallMetrics.class);

    private final MeterRegistry meters;
    private final MeetingMetrics meetings;
    private final AtomicLong active = new AtomicLong();
    private final Disposable refresh;

    CallMetrics(MeterRegistry meters, CallStore calls, MeetingMetrics meetings) {
        this.meters = meters;
        this.meetings = meetings;
        Gauge.builder("conference.calls.active", active, AtomicLong::get)
                .description("Calls on the platform: keying in a code or in a meeting").register(meters);
        this.refresh = Flux.interval(Duration.ofSeconds(2))
                .concatMap(tick -> Mono.defer(() -> calls.count(new Query())).doOnNext(active::set).onErrorResume(failure -> {
                    log.warn("Could not count for the gauge, keeping the last value: {}", failure.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    void refused(String reason) {
        meetings.refused(reason);
    }

    void ignored(String reason) {
        Counter.builder("conference.telephony.events.ignored")
                .description("Telephony events that could not apply, by reason").tag("reason", reason)
                .register(meters).increment();
    }

    @PreDestroy
    void stop() {
        refresh.dispose();
    }
}
