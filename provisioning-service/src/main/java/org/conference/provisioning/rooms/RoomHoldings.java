package org.conference.provisioning.rooms;

import org.conference.provisioning.subscribers.SubscriberHoldings;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Meeting rooms that keep a subscriber or a DID group from being deleted. */
@Component
public class RoomHoldings implements SubscriberHoldings {

    private final ReactiveMongoTemplate mongo;

    public RoomHoldings(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Holding> firstHeldBy(String sid) {
        return first(Criteria.where("subscriberSid").is(sid));
    }

    /** A room that can be reached through DID group {@code didGroupId}. */
    public Mono<Holding> firstReferencing(long didGroupId) {
        return first(Criteria.where("didGroupReferences.didGroupId").is(didGroupId));
    }

    private Mono<Holding> first(Criteria criteria) {
        return mongo.findOne(Query.query(criteria.and("deleted").is(false)), RoomDocument.class,
                        RoomDocument.COLLECTION)
                .map(room -> new Holding("meeting room", Long.toString(room.meetingNumber())));
    }
}
