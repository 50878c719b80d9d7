package org.conference.common.persistence;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * The one home of the read-model write that every consumer of a compacted, versioned topic needs: keep an entry
 * unless the same id is already held at this version or a newer one, so replays and out-of-order redeliveries change
 * nothing. One upsert guarded by the version; its duplicate-key failure is the "already newer" answer.
 */
public class ReadModelWrites {

    private final ReactiveMongoTemplate mongo;

    public ReadModelWrites(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Writes {@code entry} (converted as its mapping says, without its id) unless a newer or equal version is held. */
    public Mono<Boolean> putIfNewer(String collection, Object id, long version, Object entry) {
        Document fields = new Document();
        mongo.getConverter().write(entry, fields);
        fields.remove("_id");
        fields.remove("_class");
        return putFieldsIfNewer(collection, id, version, fields);
    }

    /** As {@link #putIfNewer}, with the stored fields given ({@code fields} must carry {@code version}). */
    public Mono<Boolean> putFieldsIfNewer(String collection, Object id, long version, Document fields) {
        Query older = Query.query(Criteria.where("_id").is(id).and(OptimisticWrites.VERSION).lt(version));
        return mongo.upsert(older, Update.fromDocument(new Document("$set", fields)), collection)
                .map(result -> true)
                // the upsert tried to insert because the held version is not older: an old or repeated record
                .onErrorResume(DuplicateKeyException.class, same -> Mono.just(false));
    }
}
