package org.conference.provisioning.didgroups;

import org.conference.provisioning.subscribers.SubscriberHoldings;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** DID groups that keep their owner from being deleted. */
@Component
class DidGroupHoldings implements SubscriberHoldings {

    private final ReactiveMongoTemplate mongo;

    DidGroupHoldings(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Holding> firstHeldBy(String sid) {
        return mongo.findOne(Query.query(Criteria.where("subscriberSid").is(sid).and("deleted").is(false)),
                        DidGroupDocument.class, DidGroupDocument.COLLECTION)
                .map(group -> new Holding("DID group", Long.toString(group.id())));
    }
}
