package org.conference.callback.targets;

import java.util.Collection;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

    TargetStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Boolean> putIfNewer(SubscriberCallback entry) {
        Document fields = new Document("lineage", entry.lineage()).append("url", entry.url())
                .append("secret", entry.secret()).append("version", entry.version());
        Query older = Query.query(Criteria.where("_id").is(entry.id()).and("version").lt(entry.version()));
        return mongo.upsert(older, Update.fromDocument(new Document("$set", fields)), SubscriberCallback.COLLECTION)
                .map(result -> true)
                // the upsert tried to insert because the held version is not older: an old or repeated record
                .onErrorResume(DuplicateKeyException.class, same -> Mono.just(false));
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
