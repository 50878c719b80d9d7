package org.conference.provisioning.didgroups;

import org.conference.common.persistence.Dependent;
import org.conference.common.persistence.SoftDeletion;
import org.conference.provisioning.subscribers.SubscriberHoldings;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
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
    public Mono<Dependent> firstHeldBy(String sid) {
        return mongo.findOne(SoftDeletion.liveWhere(Criteria.where("subscriberSid").is(sid)), DidGroupDocument.class,
                        DidGroupDocument.COLLECTION)
                .map(group -> new Dependent("DID group", Long.toString(group.id())));
    }
}
