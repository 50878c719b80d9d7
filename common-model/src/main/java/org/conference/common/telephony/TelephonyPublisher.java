package org.conference.common.telephony;

import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * An edge's side of {@link Topics#TELEPHONY_EVENTS} (ARCHITECTURE.md §4, §6): each event keyed by the edge call id,
 * acknowledged by the broker before the edge acts on it, counted by type and outcome. Every edge (the simulator, the
 * SIP edge) publishes through one of these, declared as a bean with the edge's own meter name.
 */
public class TelephonyPublisher {

    private static final Logger log = LoggerFactory.getLogger(TelephonyPublisher.class);

    private final KafkaTemplate<String, Object> kafka;
    private final MeterRegistry meters;
    private final String meterName;
    private final Scheduler continuation;

    /**
     * @param meterName    the counter of events sent, tagged {@code type} and {@code outcome}
     * @param continuation where what follows an acknowledgement runs: never the producer's network thread, and one
     *                     that may block if the edge's next step does (a SIP stack's send path does)
     */
    public TelephonyPublisher(KafkaTemplate<String, Object> kafka, MeterRegistry meters, String meterName,
            Scheduler continuation) {
        this.kafka = kafka;
        this.meters = meters;
        this.meterName = meterName;
        this.continuation = continuation;
    }

    /** Completes once the broker has acknowledged the event (acks=all), on the continuation scheduler. */
    public Mono<Void> publish(TelephonyEvent event) {
        return Mono.fromFuture(() -> kafka.send(Topics.TELEPHONY_EVENTS, event.callId(), event))
                // send() blocks while it waits for metadata or buffer space (bounded by max.block.ms).
                .subscribeOn(Schedulers.boundedElastic())
                .publishOn(continuation)
                .doOnSuccess(sent -> counter(event, "published").increment())
                .doOnError(failure -> {
                    counter(event, "failed").increment();
                    log.warn("Could not publish {} of call {}: {}", event.type(), event.callId(), failure.toString());
                })
                .then();
    }

    /** Publishes in the background; a failure is counted and logged (the caller has nothing left to do about it). */
    public void publishLater(TelephonyEvent event) {
        publish(event).subscribe(null, failure -> { });
    }

    private Counter counter(TelephonyEvent event, String outcome) {
        return Counter.builder(meterName).description("Telephony events sent to the platform")
                .tag("type", event.type()).tag("outcome", outcome).register(meters);
    }
}
