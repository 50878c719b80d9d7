package org.conference.provisioning.rooms;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.conference.common.persistence.SoftDeletion;
import org.conference.provisioning.subscribers.SubscriberRooms;
import org.conference.provisioning.support.Embedding;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The rooms a Subscriber object shows: every live room it owns. */
@Component
class RoomsOfSubscribers implements SubscriberRooms {

    private final ReactiveMongoTemplate mongo;

    RoomsOfSubscribers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Map<String, List<Object>>> byOwner(Collection<String> sids) {
        return mongo.find(SoftDeletion.liveWhere(Criteria.where("subscriberSid").in(sids)), RoomDocument.class,
                RoomDocument.COLLECTION).as(found -> Embedding.byKey(found, RoomDocument::subscriberSid, RoomView::of));
    }
}
