package org.conference.provisioning.rooms;

import org.conference.common.persistence.Dependent;
import org.conference.common.persistence.SoftDeletion;
import org.conference.provisioning.didgroups.DidGroupDependents;
import org.conference.provisioning.subscribers.SubscriberHoldings;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Meeting rooms that keep a subscriber or a DID group from being deleted. Named before DIDs and DID groups: a room
 * points at its groups, so it has to go first.
 */
@Component
@Order(1)
class RoomHoldings implements SubscriberHoldings, DidGroupDependents {

    private final ReactiveMongoTemplate mongo;

    RoomHoldings(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Dependent> firstHeldBy(String sid) {
        return first(Criteria.where("subscriberSid").is(sid));
    }

    /** A room that can be reached through DID group {@code didGroupId}. */
    @Override
    public Mono<Dependent> firstUsing(long didGroupId) {
        return first(Criteria.where("didGroupReferences.didGroupId").is(didGroupId));
    }

    private Mono<Dependent> first(Criteria criteria) {
        return mongo.findOne(SoftDeletion.liveWhere(criteria), RoomDocument.class, RoomDocument.COLLECTION)
                .map(room -> new Dependent("meeting room", Long.toString(room.meetingNumber())));
    }
}
