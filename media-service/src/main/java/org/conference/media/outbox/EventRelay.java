package org.conference.media.outbox;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.conference.common.lifecycle.Rounds;
import org.conference.common.events.MediaEvent;
import org.conference.common.events.Topics;
import org.conference.common.persistence.SoftDeletion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.BasicUpdate;
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
 * Publishes the pending events of every relayed collection to {@link Topics#MEDIA_EVENTS} (keyed by subscriber sid),
 * oldest first, then removes each from its document. Runs on a timer and whenever a local write wakes it, so an event
 * whose write reached Mongo survives a crash before Kafka saw it: the next round, here or on another instance, finds
 * it. At-least-once: an event may be published twice (consumers deduplicate by its id).
 * <p>
 * {@code KafkaProducer.send} may block its caller (metadata, buffer space), so records are handed over only on the
 * relay's own thread, never on an event loop; writers merely {@link #wake()} it.
 */
@Component
public class EventRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final int BATCH = 100;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, Object> kafka;
    private final List<RelayedCollection> collections;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Counter published;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private final Scheduler publisher = Schedulers.newBoundedElastic(1, Integer.MAX_VALUE, "media-outbox-relay");
    private final Rounds rounds = new Rounds(EventRelay.class, "Media outbox round");

    public EventRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, Object> kafka,
            List<RelayedCollection> collections, MeterRegistry meters,
            @Value("${conference.outbox.poll-interval:PT0.5S}") Duration pollInterval,
            @Value("${conference.outbox.send-timeout:PT10S}") Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections;
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.published = Counter.builder("conference.outbox.published")
                .description("Media events relayed from the outbox to Kafka").register(meters);
    }

    /** Ask for a round now instead of at the next tick; never waits for it. */
    public void wake() {
        wakeUps.tryEmitNext(Boolean.TRUE);
    }

    /** One pass over every collection; completes when everything pending at its start has been tried. */
    public Mono<Void> relayPending() {
        return Flux.fromIterable(collections).concatMap(this::relay).then();
    }

    private Mono<Void> relay(RelayedCollection target) {
        Query pending = Query.query(Criteria.where(Outbox.PENDING).is(true)).limit(BATCH);
        return mongo.find(pending, Document.class, target.collection())
                .concatMap(document -> relayOne(target, document).onErrorResume(failure -> {
                    log.warn("Could not relay the events of {} {} yet: {}", target.collection(),
                            document.get("_id"), failure.toString());
                    return Mono.empty();
                }))
                .then();
    }

    private Mono<Void> relayOne(RelayedCollection target, Document document) {
        Document outbox = document.get("outbox", Document.class);
        List<MediaEvent> events = outbox == null ? List.of() : outbox.getList("events", Document.class, List.of())
                .stream().map(event -> mongo.getConverter().read(MediaEvent.class, event)).toList();
        Object id = document.get("_id");
        return Flux.fromIterable(events).concatMap(this::send).then(Mono.defer(() -> markSent(target, id, events)));
    }

    private Mono<Object> send(MediaEvent event) {
        return Mono.fromFuture(() -> kafka.send(Topics.MEDIA_EVENTS, event.subscriberSid(), event))
                .subscribeOn(publisher)
                // the Mongo write that follows must not run on the producer's I/O thread, which completes the future
                .publishOn(publisher)
                .timeout(sendTimeout)
                .doOnSuccess(result -> published.increment())
                .cast(Object.class);
    }

    /**
     * Removes exactly the events sent (a writer may have added one meanwhile); the flag goes down, or a deleted
     * document goes away, only when nothing is left.
     */
    private Mono<Void> markSent(RelayedCollection target, Object id, List<MediaEvent> sent) {
        List<String> ids = sent.stream().map(MediaEvent::id).toList();
        Query byId = Query.query(Criteria.where("_id").is(id));
        // the mapping layer stores an event's id as _id, in an embedded document too
        Update pull = new BasicUpdate(new Document("$pull",
                new Document(Outbox.EVENTS, new Document("_id", new Document("$in", ids)))));
        Query drained = Query.query(Criteria.where("_id").is(id).and(Outbox.EVENTS).size(0));
        Query drainedAndDeleted = Query.query(Criteria.where("_id").is(id).and(Outbox.EVENTS).size(0)
                .and(SoftDeletion.DELETED).is(true));
        return (ids.isEmpty() ? Mono.empty() : mongo.updateFirst(byId, pull, target.collection()))
                .then(mongo.remove(drainedAndDeleted, target.collection()))
                .then(mongo.updateFirst(drained, new Update().set(Outbox.PENDING, false), target.collection()))
                .then();
    }

    @Override
    public void start() {
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
