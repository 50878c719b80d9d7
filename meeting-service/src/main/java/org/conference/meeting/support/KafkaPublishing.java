package org.conference.meeting.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one way this service writes to Kafka. {@code KafkaProducer.send} may block its caller (waiting for metadata or
 * buffer space, up to {@code max.block.ms}), so the call is made on the bounded-elastic scheduler, never on a Netty
 * or Mongo driver event loop; the returned Mono completes when the broker acknowledged the record.
 */
@Component
public class KafkaPublishing {

    private final KafkaTemplate<String, Object> kafka;
    private final Duration ackTimeout;

    public KafkaPublishing(KafkaTemplate<String, Object> kafka,
            @Value("${conference.kafka.ack-timeout:PT30S}") Duration ackTimeout) {
        this.kafka = kafka;
        this.ackTimeout = ackTimeout;
    }

    /** A record to send: Kafka key and JSON value. */
    public record Outgoing(String key, Object value) {
    }

    /**
     * Sends every record from one thread in the given order, so records of one key keep their order on the topic
     * (the producer is idempotent), and completes when the broker acknowledged them all.
     */
    public Mono<Void> sendInOrder(String topic, List<Outgoing> records) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
                    CompletableFuture<?>[] sent = records.stream()
                            .map(record -> kafka.send(topic, record.key(), record.value()))
                            .toArray(CompletableFuture[]::new);
                    return Mono.fromFuture(CompletableFuture.allOf(sent));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(ackTimeout)
                .then();
    }

    public Mono<Void> send(String topic, String key, Object value) {
        return Mono.defer(() -> Mono.fromFuture(kafka.send(topic, key, value)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(ackTimeout)
                .then();
    }
}
