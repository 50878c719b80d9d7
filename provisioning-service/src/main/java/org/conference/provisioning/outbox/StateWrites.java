package org.conference.provisioning.outbox;

import org.conference.common.persistence.OptimisticWrites;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The only way features write published documents: each write is one single-document operation that carries the new
 * version and the pending publication together ({@link OptimisticWrites}: guarded by the version read, so two
 * instances never lose each other's change). The relay is woken afterwards; if this process dies first, the relay's
 * timer on any instance still finds the pending flag.
 */
@Component
public class StateWrites {

    private final ReactiveMongoTemplate mongo;
    private final OptimisticWrites writes;
    private final OutboxRelay relay;

    public StateWrites(ReactiveMongoTemplate mongo, OptimisticWrites writes, OutboxRelay relay) {
        this.mongo = mongo;
        this.writes = writes;
        this.relay = relay;
    }

    public <T extends OutboxEntity> Mono<T> insert(T entity, String collection) {
        return mongo.insert(entity, collection).doOnSuccess(saved -> relay.wake());
    }

    /** Replaces {@code current} by its next version {@code next} if nobody wrote since it was read. */
    public <T extends OutboxEntity> Mono<T> replace(T current, T next, String collection) {
        return writes.replace(current, next, collection).doOnSuccess(saved -> relay.wake());
    }
}
