package org.conference.provisioning.outbox;

import java.time.Clock;
import java.time.Duration;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * Short leases that make one relay instance at a time publish a given document, so two instances never interleave
 * an older and a newer state of one key on a compacted topic (the newest must be written last). Kept apart from the
 * documents, so API writes never conflict with a relay. A crashed holder's lease simply expires.
 */
class OutboxClaims {

    private static final String COLLECTION = "outboxClaims";

    private final ReactiveMongoTemplate mongo;
    private final String instanceId;
    private final Duration lease;
    private final Clock clock;

    OutboxClaims(ReactiveMongoTemplate mongo, String instanceId, Duration lease, Clock clock) {
        this.mongo = mongo;
        this.instanceId = instanceId;
        this.lease = lease;
        this.clock = clock;
    }

    /** True when this instance now holds the lease on {@code key}. */
    Mono<Boolean> claim(String key) {
        long now = clock.millis();
        Document lease = new Document("_id", key).append("holder", instanceId).append("until", now + this.lease.toMillis());
        return mongo.insert(lease, COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, duplicate -> takeOverExpired(key, now));
    }

    private Mono<Boolean> takeOverExpired(String key, long now) {
        Query expired = Query.query(Criteria.where("_id").is(key).and("until").lt(now));
        Update takeOver = new Update().set("holder", instanceId).set("until", now + lease.toMillis());
        return mongo.updateFirst(expired, takeOver, COLLECTION).map(result -> result.getModifiedCount() == 1);
    }

    Mono<Void> release(String key) {
        return mongo.remove(Query.query(Criteria.where("_id").is(key).and("holder").is(instanceId)), COLLECTION)
                .then();
    }
}
