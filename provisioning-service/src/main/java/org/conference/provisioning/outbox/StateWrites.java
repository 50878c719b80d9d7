package org.conference.provisioning.outbox;

import java.time.Clock;

import org.bson.Document;
import org.conference.common.persistence.OptimisticWrites;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The only way features write published documents: each write is one single-document operation that carries the new
 * version and the pending publication together ({@link OptimisticWrites}: guarded by the version read, so two
 * instances never lose each other's change). The relay is woken afterwards; if this process dies first, the relay's
 * timer on any instance still finds the pending flag.
 * <p>
 * Each write also stamps since when its publication is pending ({@link Outbox#since}), in the same operation: the
 * time of this write, or the earlier one's if that is still unpublished, so the outbox lag is the age of the oldest
 * change Kafka has not seen.
 */
@Component
public class StateWrites {

    private final ReactiveMongoTemplate mongo;
    private final OptimisticWrites writes;
    private final OutboxRelay relay;
    private final OutboxMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    StateWrites(ReactiveMongoTemplate mongo, OptimisticWrites writes, OutboxRelay relay, OutboxMetrics metrics) {
        this.mongo = mongo;
        this.writes = writes;
        this.relay = relay;
        this.metrics = metrics;
    }

    public <T extends OutboxEntity> Mono<T> insert(T entity, String collection) {
        return mongo.insert(stamped(entity, clock.millis()), collection).thenReturn(entity)
                .doOnSuccess(saved -> written(collection, OutboxMetrics.CREATE));
    }

    /** Replaces {@code current} by its next version {@code next} if nobody wrote since it was read. */
    public <T extends OutboxEntity> Mono<T> replace(T current, T next, String collection) {
        Outbox owed = current.outbox();
        long since = owed.pending() && owed.since() != null ? owed.since() : clock.millis();
        return writes.replace(current, next, stamped(next, since), collection)
                .doOnSuccess(saved -> written(collection, next.deleted() ? OutboxMetrics.DELETE : OutboxMetrics.UPDATE));
    }

    private void written(String collection, String operation) {
        metrics.written(collection, operation);
        relay.wake();
    }

    private Document stamped(OutboxEntity entity, long since) {
        Document stored = new Document();
        mongo.getConverter().write(entity, stored);
        Document outbox = stored.get("outbox", Document.class);
        if (outbox == null) {
            outbox = new Document();
            stored.put("outbox", outbox);
        }
        outbox.put(Outbox.SINCE, since);
        return stored;
    }
}
