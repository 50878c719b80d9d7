package org.conference.media.directory;

import org.conference.common.persistence.ReadModelWrites;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Applies state records idempotently: a record replaces the entry only if its version is newer than the one held,
 * so redeliveries and replays from the earliest offset change nothing; a tombstone deletes the entry.
 */
@Component
class DirectoryStore {

    private final ReactiveMongoTemplate mongo;
    private final ReadModelWrites readModel;

    DirectoryStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.readModel = new ReadModelWrites(mongo);
    }

    Mono<Boolean> putIfNewer(String collection, Object id, long version, Object entry) {
        return readModel.putIfNewer(collection, id, version, entry);
    }

    Mono<Void> delete(String collection, Object id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), collection).then();
    }

    <T> Mono<T> find(String collection, Object id, Class<T> type) {
        return mongo.findById(id, type, collection);
    }
}
