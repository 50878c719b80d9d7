package org.conference.callback.targets;

import java.util.Collection;

import org.bson.Document;
import org.conference.common.persistence.ReadModelWrites;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies subscriber records idempotently: a record replaces the entry only if its version is newer than the one
 * held, so redeliveries and replays from the earliest offset change nothing; a tombstone deletes the entry.
 */
@Component
class TargetStore {

    private final ReactiveMongoTemplate mongo;
    private final ReadModelWrites readModel;

    TargetStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.readModel = new ReadModelWrites(mongo);
    }

    Mono<Boolean> putIfNewer(SubscriberCallback entry) {
        Document fields = new Document("lineage", entry.lineage()).append("url", entry.url())
                .append("secret", entry.secret()).append("version", entry.version());
        return readModel.putFieldsIfNewer(SubscriberCallback.COLLECTION, entry.id(), entry.version(), fields);
    }

    Mono<Void> delete(String sid) {
        return mongo.remove(Query.query(Criteria.where("_id").is(sid)), SubscriberCallback.COLLECTION).then();
    }

    Mono<SubscriberCallback> find(String sid) {
        return mongo.findById(sid, SubscriberCallback.class, SubscriberCallback.COLLECTION);
    }

    Flux<SubscriberCallback> findAll(Collection<String> sids) {
        return mongo.find(Query.query(Criteria.where("_id").in(sids)), SubscriberCallback.class,
                SubscriberCallback.COLLECTION);
    }
}
