package org.conference.callback.deliveries;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The endpoints collection: one document per (subscriber, callback URL), created by its first delivery. */
@Component
class EndpointStore {

    private final ReactiveMongoTemplate mongo;

    EndpointStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> ensure(String id, String url, String subscriberSid, List<String> lineage, long now) {
        Update update = new Update().set("url", url).set("subscriberSid", subscriberSid)
                .set("ownerLineage", lineage).setOnInsert("disabled", false).setOnInsert("created", now);
        return mongo.upsert(byId(id), update, Endpoint.COLLECTION).then();
    }

    Mono<Endpoint> find(String id) {
        return mongo.findById(id, Endpoint.class, Endpoint.COLLECTION);
    }

    Mono<Endpoint> disable(String id, String reason, long now) {
        return mongo.findAndModify(byId(id), new Update().set("disabled", true).set("disabledReason", reason)
                .set("disabledAt", now), FindAndModifyOptions.options().returnNew(true), Endpoint.class,
                Endpoint.COLLECTION);
    }

    Mono<Endpoint> enable(String id) {
        return mongo.findAndModify(byId(id), new Update().set("disabled", false).unset("disabledReason")
                .unset("disabledAt"), FindAndModifyOptions.options().returnNew(true), Endpoint.class,
                Endpoint.COLLECTION);
    }

    Flux<String> disabledIds() {
        Query disabled = Query.query(Criteria.where("disabled").is(true));
        disabled.fields().include("_id");
        return mongo.find(disabled, Document.class, Endpoint.COLLECTION).map(found -> found.getString("_id"));
    }

    Flux<Endpoint> find(Query query) {
        return mongo.find(query, Endpoint.class, Endpoint.COLLECTION);
    }

    Mono<Long> count(Query query) {
        return mongo.count(query, Endpoint.COLLECTION);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
