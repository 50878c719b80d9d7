package org.conference.provisioning.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.conference.common.lifecycle.Rounds;
import org.conference.common.persistence.OptimisticWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes every pending state to Kafka, then marks it published (or removes a deleted document) only if no newer
 * write happened meanwhile. Runs on a timer and whenever a local write wakes it; if Kafka or this process dies
 * between the API's answer and the publication, the pending flag is still in Mongo and the next relay round (here or
 * on another instance) publishes it. At-least-once: consumers ignore versions they already hold.
 * <p>
 * {@code KafkaProducer.send} blocks its caller while it waits for metadata or buffer space (up to {@code max.block.ms})
 * and creates the producer on first use, so records are handed to Kafka only on the relay's own thread, never on the
 * Mongo driver's or the web server's event loop: a frozen or dead broker then slows the relay, not the API. The API's
 * writes only {@link #wake()} the relay, which returns at once.
 */
@Component
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final long DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, Object> kafka;
    private final List<PublishedCollection<?>> collections;
    private final OutboxClaims claims;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Counter published;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    /** One thread that may block: records leave in the order the relay's sequential rounds hand them over. */
    private final Scheduler publisher = Schedulers.newBoundedElastic(1, Integer.MAX_VALUE, "outbox-relay");
    private final Rounds rounds = new Rounds(OutboxRelay.class, "Outbox relay round");

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, Object> kafka,
            List<PublishedCollection<?>> collections, MeterRegistry meters,
            @Value("${conference.outbox.poll-interval:PT0.5S}") Duration pollInterval,
            @Value("${conference.outbox.send-timeout:PT10S}") Duration sendTimeout) {
        requireGiveUpAfterTheProducer(kafka, sendTimeout);
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections;
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.claims = new OutboxClaims(mongo, UUID.randomUUID().toString(), sendTimeout.multipliedBy(3),
                Clock.systemUTC());
        this.published = Counter.builder("conference.outbox.published")
                .description("State records relayed from the outbox to Kafka").register(meters);
    }

    /**
     * A send the relay gave up on must not be delivered later by the producer's own retries (it would land after a
     * newer version another instance published meanwhile), so the producer must fail it first.
     */
    private static void requireGiveUpAfterTheProducer(KafkaTemplate<?, ?> kafka, Duration sendTimeout) {
        Object configured = kafka.getProducerFactory().getConfigurationProperties()
                .get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        long deliveryTimeoutMs = configured == null ? DEFAULT_DELIVERY_TIMEOUT_MS
                : Long.parseLong(configured.toString());
        if (sendTimeout.toMillis() <= deliveryTimeoutMs) {
            throw new IllegalStateException("conference.outbox.send-timeout (" + sendTimeout
                    + ") must be longer than the producer's delivery.timeout.ms (" + deliveryTimeoutMs + " ms)");
        }
    }

    /** Ask for a relay round now (after a write), instead of at the next tick; never waits for the round. */
    public void wake() {
        wakeUps.tryEmitNext(Boolean.TRUE);
    }

    /** One pass over every collection; completes when everything pending at its start has been tried. */
    public Mono<Void> relayPending() {
        return Flux.fromIterable(collections).concatMap(this::relay).then();
    }

    private <T extends OutboxEntity> Mono<Void> relay(PublishedCollection<T> target) {
        Query pending = Query.query(Criteria.where("outbox.pending").is(true)).limit(BATCH);
        return mongo.find(pending, target.type(), target.collection())
                .concatMap(entity -> relayOne(target, entity)
                        .onErrorResume(failure -> {
                            log.warn("Could not relay {} {} v{} yet: {}", target.collection(), entity.documentId(),
                                    entity.version(), failure.toString());
                            return Mono.empty();
                        }))
                .then();
    }

    private <T extends OutboxEntity> Mono<Void> relayOne(PublishedCollection<T> target, T entity) {
        String lease = target.collection() + ":" + entity.documentId();
        return claims.claim(lease).flatMap(held -> !held ? Mono.<Void>empty()
                : send(target, entity).then(markPublished(target, entity))
                        .then(Mono.defer(() -> claims.release(lease)))
                        .onErrorResume(failure -> claims.release(lease).then(Mono.error(failure))));
    }

    private Mono<Void> send(PublishedCollection<?> target, OutboxEntity entity) {
        Flux<Object> tombstones = Flux.fromIterable(entity.outbox().tombstones())
                .concatMap(key -> sendRecord(target.topic(), key, null));
        Object value = entity.deleted() ? null : entity.publishedState();
        return tombstones.then(sendRecord(target.topic(), entity.stateKey(), value)).then();
    }

    private Mono<Object> sendRecord(String topic, String key, Object value) {
        return Mono.fromFuture(() -> kafka.send(topic, key, value))
                .subscribeOn(publisher)
                // Continue on the relay thread too: the Mongo write that follows must not hold up the producer's I/O
                // thread, which completes the future.
                .publishOn(publisher)
                .timeout(sendTimeout)
                .doOnSuccess(result -> published.increment())
                .cast(Object.class);
    }

    private Mono<Void> markPublished(PublishedCollection<?> target, OutboxEntity entity) {
        Query sameVersion = OptimisticWrites.sameVersion(entity);
        if (entity.deleted()) {
            return mongo.remove(sameVersion, target.collection()).then();
        }
        Update done = new Update().set("outbox.pending", false).set("outbox.tombstones", List.of())
                .unset("outbox." + Outbox.SINCE);
        return mongo.updateFirst(sameVersion, done, target.collection()).then();
    }

    @Override
    public void start() {
        // A wake-up arrives on the writer's thread (an event loop): the round starts on the relay's own.
        rounds.start(Flux.merge(Flux.interval(pollInterval).map(tick -> Boolean.TRUE), wakeUps.asFlux()),
                () -> relayPending().subscribeOn(publisher));
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }

    @Override
    public void destroy() {
        publisher.dispose();
    }
}
