package org.conference.meeting.support;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Integer ids (call, meeting) from atomic per-collection counters (ARCHITECTURE.md §7): one {@code $inc} on one
 * document, so any number of instances draw distinct ids.
 */
@Component
public class Counters {

    private static final String COLLECTION = "counters";

    private final ReactiveMongoTemplate mongo;

    public Counters(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Long> next(String counter) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(counter)), new Update().inc("value", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(document -> ((Number) document.get("value")).longValue());
    }
}
