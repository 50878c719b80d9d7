package org.conference.meeting.calls;

import java.util.List;

import org.conference.common.metrics.RefreshedGauges;
import org.conference.meeting.meetings.MeetingMetrics;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Telephony events that could not apply (unknown call, DTMF after hang-up, malformed), callers the lobby refused
 * (counted with the meetings' refusals, in {@link MeetingMetrics#refused}), and the platform-wide count of calls
 * ({@code conference_calls_active}, the same on every instance: aggregate with max). Every reason is exported from
 * start-up, at 0.
 */
@Component
class CallMetrics {

    /** {@code malformed} is the telephony listener's; the other two are the lobby's. */
    static final List<String> IGNORED = List.of("malformed", "unknown-call", "dtmf-after-hangup");

    private final MeterRegistry meters;
    private final MeetingMetrics meetings;

    CallMetrics(MeterRegistry meters, CallStore calls, MeetingMetrics meetings, RefreshedGauges gauges) {
        this.meters = meters;
        this.meetings = meetings;
        gauges.gauge("conference.calls.active", "Calls on the platform: keying in a code or in a meeting", null,
                Tags.empty(), () -> calls.count(new Query()));
        IGNORED.forEach(this::ignoredEvents);
    }

    void refused(String reason) {
        meetings.refused(reason);
    }

    void ignored(String reason) {
        ignoredEvents(reason).increment();
    }

    private Counter ignoredEvents(String reason) {
        return Counter.builder("conference.telephony.events.ignored")
                .description("Telephony events that could not apply, by reason").tag("reason", reason)
                .register(meters);
    }
}
