package org.conference.callback.deliveries;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The order of one endpoint's deliveries for one meeting, kept as one small document per lane that lists its open
 * deliveries: the one with the lowest sequence is the only one that may be sent. Joining ({@code $addToSet}) and
 * leaving ({@code $pull}) are atomic and idempotent, and every read is by {@code _id}, so the order costs one indexed
 * read per send on real MongoDB and on the MongoDB-wire server alike, however many deliveries wait.
 */
@Component
class LaneStore {

    static final String COLLECTION = "lanes";

    private final ReactiveMongoTemplate mongo;

    LaneStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Waiting(long sequence, String delivery) {
    }

    record Lane(String id, List<Waiting> open) {
        Optional<Waiting> head() {
            return open == null ? Optional.empty() : open.stream().min(Comparator.comparingLong(Waiting::sequence));
        }
    }

    Mono<Void> join(String lane, long sequence, String deliveryId) {
        // the same fields in the same order every time: $addToSet compares whole documents. Not "id": the mapping
        // would read that as the subdocument's _id.
        Document waiting = new Document("sequence", sequence).append("delivery", deliveryId);
        return mongo.upsert(Query.query(Criteria.where("_id").is(lane)), new Update().addToSet("open", waiting),
                COLLECTION).then();
    }

    /** Leaves the lane; the lane's next delivery, if any, is then its head. */
    Mono<Optional<Waiting>> leave(String lane, String deliveryId) {
        Query theLane = Query.query(Criteria.where("_id").is(lane));
        return mongo.updateFirst(theLane, new Update().pull("open", new Document("delivery", deliveryId)), COLLECTION)
                .then(head(lane))
                .flatMap(next -> next.isPresent() ? Mono.just(next)
                        : mongo.remove(Query.query(Criteria.where("_id").is(lane).and("open").size(0)), COLLECTION)
                                .thenReturn(next));
    }

    Mono<Optional<Waiting>> head(String lane) {
        return mongo.findById(lane, Lane.class, COLLECTION).map(Lane::head).defaultIfEmpty(Optional.empty());
    }
}
