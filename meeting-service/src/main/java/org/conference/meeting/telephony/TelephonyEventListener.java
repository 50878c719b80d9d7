package org.conference.meeting.telephony;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;
import org.conference.meeting.calls.Lobby;
import org.conference.meeting.support.ListenerWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * What the edge reports (ARCHITECTURE.md §6), keyed by edge call id, so one call's events arrive in order at one
 * consumer. Events that cannot apply are counted and logged, never thrown: only an unreadable record (or a failure
 * of our own storage) is retried and then dead-lettered.
 */
@Component
class TelephonyEventListener {

    private static final Logger log = LoggerFactory.getLogger(TelephonyEventListener.class);

    private final Lobby lobby;
    private final ListenerWork work;
    private final MeterRegistry meters;

    TelephonyEventListener(Lobby lobby, ListenerWork work, MeterRegistry meters) {
        this.lobby = lobby;
        this.work = work;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.TELEPHONY_EVENTS, groupId = "meeting-service",
            properties = "spring.json.value.default.type=org.conference.common.events.TelephonyEvent")
    void onEvent(ConsumerRecord<String, TelephonyEvent> record) {
        TelephonyEvent event = record.value();
        String problem = problem(event);
        if (problem != null) {
            ignore(problem, record);
            return;
        }
        Mono<Void> handled = switch (event.type()) {
            case TelephonyEvent.CALL_OFFERED -> event.to() == null ? null : lobby.offered(event);
            case TelephonyEvent.CALL_DTMF -> event.digits() == null ? null : lobby.keyed(event);
            case TelephonyEvent.CALL_HUNGUP -> lobby.hungUp(event);
            // recordings are media-service's to fetch (ARCHITECTURE.md §6); nothing to decide here
            case TelephonyEvent.RECORDING_COMPLETED -> Mono.empty();
            default -> null;
        };
        if (handled == null) {
            ignore("malformed", record);
            return;
        }
        work.await(handled);
    }

    private static String problem(TelephonyEvent event) {
        if (event == null) {
            return "malformed";
        }
        return event.id() == null || event.type() == null || event.callId() == null ? "malformed" : null;
    }

    private void ignore(String reason, ConsumerRecord<String, TelephonyEvent> record) {
        Counter.builder("conference.telephony.events.ignored")
                .description("Telephony events that could not apply, by reason").tag("reason", reason)
                .register(meters).increment();
        log.warn("Ignoring telephony event ({}) at {}-{}@{}: {}", reason, record.topic(), record.partition(),
                record.offset(), record.value());
    }
}
