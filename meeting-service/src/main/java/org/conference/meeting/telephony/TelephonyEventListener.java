package org.conference.meeting.telephony;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;
import org.conference.meeting.calls.Lobby;
import org.conference.meeting.support.ListenerWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the edge reports (ARCHITECTURE.md §6), keyed by edge call id. A poll's records are taken as a batch and
 * grouped by call: one call's events are applied in order, different calls side by side, so a burst of a thousand
 * callers keying their codes is not handled one at a time. Events that cannot apply are counted and logged, never
 * thrown: only an unreadable record (or a failure of our own storage) is retried and then dead-lettered.
 */
@Component
class TelephonyEventListener {

    private static final Logger log = LoggerFactory.getLogger(TelephonyEventListener.class);
    private static final int CALLS_AT_ONCE = 64;

    private final Lobby lobby;
    private final ListenerWork work;
    private final MeterRegistry meters;

    TelephonyEventListener(Lobby lobby, ListenerWork work, MeterRegistry meters) {
        this.lobby = lobby;
        this.work = work;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.TELEPHONY_EVENTS, groupId = "meeting-service", batch = "true",
            properties = "spring.json.value.default.type=org.conference.common.events.TelephonyEvent")
    void onEvents(List<ConsumerRecord<String, TelephonyEvent>> records) {
        ConsumerRecord<String, TelephonyEvent> unreadable = null;
        Map<String, List<ConsumerRecord<String, TelephonyEvent>>> byCall = new LinkedHashMap<>();
        for (ConsumerRecord<String, TelephonyEvent> record : records) {
            if (record.value() == null && record.headers()
                    .lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                unreadable = record;
                break;
            }
            byCall.computeIfAbsent(String.valueOf(record.key()), call -> new ArrayList<>()).add(record);
        }
        work.await(Flux.fromIterable(byCall.values())
                .flatMap(call -> Flux.fromIterable(call).concatMap(this::handle), CALLS_AT_ONCE)
                .then());
        if (unreadable != null) {
            // everything before it is applied; the container retries it, then sends it to the -dlt topic
            throw new BatchListenerFailedException("unreadable telephony event", unreadable);
        }
    }

    private Mono<Void> handle(ConsumerRecord<String, TelephonyEvent> record) {
        TelephonyEvent event = record.value();
        if (event == null || event.id() == null || event.type() == null || event.callId() == null) {
            return ignore("malformed", record);
        }
        Mono<Void> handled = switch (event.type()) {
            case TelephonyEvent.CALL_OFFERED -> event.to() == null ? null : lobby.offered(event);
            case TelephonyEvent.CALL_DTMF -> event.digits() == null ? null : lobby.keyed(event);
            case TelephonyEvent.CALL_HUNGUP -> lobby.hungUp(event);
            // recordings are media-service's to fetch (ARCHITECTURE.md §6); nothing to decide here
            case TelephonyEvent.RECORDING_COMPLETED -> Mono.empty();
            default -> null;
        };
        return handled == null ? ignore("malformed", record) : handled;
    }

    private Mono<Void> ignore(String reason, ConsumerRecord<String, TelephonyEvent> record) {
        Counter.builder("conference.telephony.events.ignored")
                .description("Telephony events that could not apply, by reason").tag("reason", reason)
                .register(meters).increment();
        log.warn("Ignoring telephony event ({}) at {}-{}@{}: {}", reason, record.topic(), record.partition(),
                record.offset(), record.value());
        return Mono.empty();
    }
}
