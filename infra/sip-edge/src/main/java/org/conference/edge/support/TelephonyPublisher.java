package org.conference.edge.support;

import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Puts what the edge reports onto {@link Topics#TELEPHONY_EVENTS}, keyed by the edge call id (ARCHITECTURE.md §4). */
@Component
public class TelephonyPublisher {

    private static final Logger log = LoggerFactory.getLogger(TelephonyPublisher.class);

    private final KafkaTemplate<String, Object> kafka;
    private final MeterRegistry meters;

    public TelephonyPublisher(KafkaTemplate<String, Object> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    /**
     * Completes once the broker has acknowledged the event (acks=all), on a thread that may block: what follows an
     * acknowledgement is mostly a SIP message, and JAIN-SIP's send path takes locks and writes sockets.
     */
    public Mono<Void> publish(TelephonyEvent event) {
        return Mono.fromFuture(() -> kafka.send(Topics.TELEPHONY_EVENTS, event.callId(), event))
                // send() blocks while it waits for metadata or buffer space (bounded by max.block.ms).
                .subscribeOn(Schedulers.boundedElastic())
                .publishOn(Schedulers.boundedElastic())
                .doOnSuccess(sent -> counter(event, "published").increment())
                .doOnError(failure -> {
                    counter(event, "failed").increment();
                    log.warn("Could not publish {} of call {}: {}", event.type(), event.callId(), failure.toString());
                })
                .then();
    }

    /** Publishes in the background; a failure is counted and logged (the event's caller has nothing left to do). */
    public void publishLater(TelephonyEvent event) {
        publish(event).subscribe(null, failure -> { });
    }

    private Counter counter(TelephonyEvent event, String outcome) {
        return Counter.builder("edge.events").description("Telephony events sent to the platform")
                .tag("type", event.type()).tag("outcome", outcome).register(meters);
    }
}
