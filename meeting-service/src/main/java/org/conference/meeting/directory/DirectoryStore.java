package org.conference.meeting.directory;


import org.conference.common.persistence.ReadModelWrites;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies state records idempotently: a record replaces the entry only if its version is newer than the one held,
 * so redeliveries and replays from the earliest offset change nothing; a tombstone deletes the entry.
 */
@Component
class DirectoryStore implements InitializingBean {

    private final ReactiveMongoTemplate mongo;
    private final ReadModelWrites readModel;

    DirectoryStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.readModel = new ReadModelWrites(mongo);
    }

    /** Start-up: calls are routed by phone number and by the DID groups that reach a room. */
    @Override
    public void afterPropertiesSet() {
        Flux.concat(
                mongo.indexOps(DirectoryEntries.DIDS).createIndex(new Index("phoneNumber", Direction.ASC)),
                mongo.indexOps(DirectoryEntries.ROOMS).createIndex(new Index("didGroupIds", Direction.ASC)))
                .then().block();
    }

    /** Writes {@code entry} unless an entry of the same id with this version or a newer one is already held. */
    Mono<Boolean> putIfNewer(String collection, Object id, long version, Object entry) {
        return readModel.putIfNewer(collection, id, version, entry);
    }

    Mono<Void> delete(String collection, Object id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), collection).then();
    }

    <T> Mono<T> find(String collection, Object id, Class<T> type) {
        return mongo.findById(id, type, collection);
    }

    <T> Flux<T> findAll(Query query, Class<T> type, String collection) {
        return mongo.find(query, type, collection);
    }

}
