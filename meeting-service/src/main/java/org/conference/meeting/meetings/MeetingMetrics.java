package org.conference.meeting.meetings;

import java.time.Duration;
import java.util.List;

import org.conference.common.metrics.RefreshedGauges;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * What an operator watches about meetings. {@code conference_meetings_active} is the platform-wide count read from
 * Mongo, so every instance reports the same number: aggregate it with {@code max}, not {@code sum}. The one home of
 * {@code conference_calls_refused_total}: the lobby's refusals (no route, wrong codes) and the meetings' (caps, lock,
 * start wait) are one series by reason, each exported from start-up at 0.
 */
@Component
public class MeetingMetrics {

    /**
     * Every reason a caller is refused: the lobby's ({@code no-route}, {@code wrong-code}), the limits rule's
     * ({@code max-calls}, {@code max-calls-role}), the lock's ({@code locked}) and the start rule's
     * ({@code start-wait}).
     */
    public static final List<String> REFUSALS = List.of("no-route", "wrong-code", "max-calls", "max-calls-role",
            "locked", "start-wait");

    private final MeterRegistry meters;
    private final Counter joined;
    private final Counter ticks;
    private final Timer joinLatency;

    MeetingMetrics(MeterRegistry meters, MeetingStore store, RefreshedGauges gauges) {
        this.meters = meters;
        this.ticks = Counter.builder("conference.meeting.ticks")
                .description("Deadline ticks applied to meetings (a meeting's durable timer fired)").register(meters);
        this.joined = Counter.builder("conference.calls.joined").description("Calls that joined a meeting")
                .register(meters);
        this.joinLatency = Timer.builder("conference.calls.join.latency")
                .description("From the access code's last digit at the edge to the call joined in its meeting")
                .publishPercentileHistogram().register(meters);
        gauges.gauge("conference.meetings.active", "Live meetings", null, Tags.empty(),
                () -> store.count(Query.query(Criteria.where("live").is(true))));
        REFUSALS.forEach(this::refusals);
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
        refusals(reason).increment();
    }

    private Counter refusals(String reason) {
        return Counter.builder("conference.calls.refused")
                .description("Callers hung up before entering a meeting or turned away by it, by reason")
                .tag("reason", reason).register(meters);
    }

    void ticked() {
        ticks.increment();
    }
}
