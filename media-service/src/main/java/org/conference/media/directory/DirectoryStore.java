package org.conference.media.directory;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Applies state records idempotently: a record replaces the entry only if its version is newer than the one held,
 * so redeliveries and replays from the earliest offset change nothing; a tombstone deletes the entry.
 */
@Component
class DirectoryStore {

    private final ReactiveMongoTemplate mongo;

    DirectoryStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Boolean> putIfNewer(String collection, Object id, long version, Object entry) {
        Document fields = new Document();
        mongo.getConverter().write(entry, fields);
        fields.remove("_id");
        fields.remove("_class");
        Query older = Query.query(Criteria.where("_id").is(id).and("version").lt(version));
        return mongo.upsert(older, Update.fromDocument(new Document("$set", fields)), collection)
                .map(result -> true)
                // the upsert tried to insert because the held version is not older: an old or repeated record
                .onErrorResume(DuplicateKeyException.class, same -> Mono.just(false));
    }

    Mono<Void> delete(String collection, Object id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), collection).then();
    }

    <T> Mono<T> find(String collection, Object id, Class<T> type) {
        return mongo.findById(id, type, collection);
    }
}
