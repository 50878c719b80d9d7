package org.conference.meeting.meetings;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Short leases that let one relay at a time publish a meeting's pending events, so two instances never interleave
 * them on the topic. A crashed holder's lease simply expires.
 */
@Component
class MeetingLeases {

    private static final String COLLECTION = "meetingRelayLeases";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;
    private final String holder = UUID.randomUUID().toString();

    MeetingLeases(ReactiveMongoTemplate mongo, Clock clock,
            @Value("${conference.meetings.relay-lease:PT30S}") Duration lease) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
    }

    Mono<Boolean> claim(long meetingNumber) {
        long now = clock.millis();
        Document held = new Document("_id", meetingNumber).append("holder", holder).append("until", now + lease.toMillis());
        return mongo.insert(held, COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, taken -> takeOverExpired(meetingNumber, now));
    }

    private Mono<Boolean> takeOverExpired(long meetingNumber, long now) {
        Query expired = Query.query(Criteria.where("_id").is(meetingNumber).and("until").lt(now));
        return mongo.updateFirst(expired, new Update().set("holder", holder).set("until", now + lease.toMillis()),
                COLLECTION).map(result -> result.getModifiedCount() == 1);
    }

    Mono<Void> release(long meetingNumber) {
        return mongo.remove(Query.query(Criteria.where("_id").is(meetingNumber).and("holder").is(holder)), COLLECTION)
                .then();
    }
}
