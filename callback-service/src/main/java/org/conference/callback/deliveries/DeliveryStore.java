package org.conference.callback.deliveries;

import java.util.Collection;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The deliveries collection. Every change of a claimed delivery names the claiming instance, and a claim is one
 * atomic find-and-modify, so two instances never both send one delivery while its lease holds. Each write is to one
 * document by {@code _id}, the only kind of query the MongoDB-wire server of the local stack answers from an index;
 * the due-work query ({@link #findDue}) is the one that needs the secondary index on real MongoDB.
 */
@Component
class DeliveryStore implements InitializingBean {

    private final ReactiveMongoTemplate mongo;

    DeliveryStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Flux.concat(
                mongo.indexOps(Delivery.COLLECTION).createIndex(new Index("status", Sort.Direction.ASC)
                        .on("nextAttemptAt", Sort.Direction.ASC)),
                mongo.indexOps(Delivery.COLLECTION).createIndex(new Index("ownerLineage", Sort.Direction.ASC)),
                mongo.indexOps(Delivery.COLLECTION).createIndex(new Index("subscriberSid", Sort.Direction.ASC)),
                mongo.indexOps(Delivery.COLLECTION).createIndex(new Index("status", Sort.Direction.ASC)
                        .on("finishedAt", Sort.Direction.ASC)))
                .then().block();
    }

    /** Stores a new delivery; the one already stored under its id when the event came before. */
    Mono<Stored> insert(Delivery delivery) {
        return mongo.insert(delivery, Delivery.COLLECTION).map(saved -> new Stored(saved, true))
                .onErrorResume(DuplicateKeyException.class, again -> find(delivery.id())
                        .map(held -> new Stored(held, false)));
    }

    record Stored(Delivery delivery, boolean created) {
    }

    Mono<Delivery> find(String id) {
        return mongo.findById(id, Delivery.class, Delivery.COLLECTION);
    }

    /** The claim: open, due, and nobody's lease running; the claimed delivery, or empty when it is not to be had. */
    Mono<Delivery> claim(String id, long now, String instance, long leaseUntil) {
        Query claimable = Query.query(Criteria.where("_id").is(id).and("status").in(Delivery.OPEN)
                .and("leaseUntil").lt(now).and("nextAttemptAt").lte(now));
        Update claim = new Update().set("leaseUntil", leaseUntil).set("claimedBy", instance);
        return mongo.findAndModify(claimable, claim, FindAndModifyOptions.options().returnNew(true), Delivery.class,
                Delivery.COLLECTION);
    }

    Mono<Void> release(String id, String instance) {
        return mongo.updateFirst(mine(id, instance), new Update().set("leaseUntil", 0L), Delivery.COLLECTION).then();
    }

    /** Waits behind an earlier delivery of its lane until woken, or looked at again at {@code until} at the latest. */
    Mono<Void> holdBack(String id, String instance, long until) {
        return mongo.updateFirst(mine(id, instance), new Update().set("leaseUntil", 0L).set("heldBack", true)
                .set("nextAttemptAt", until), Delivery.COLLECTION).then();
    }

    /** Its turn has come: a held-back delivery is due now (a retry keeps its wait). */
    Mono<Void> wake(String id, long now) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("heldBack").is(true)),
                new Update().set("heldBack", false).set("nextAttemptAt", now), Delivery.COLLECTION).then();
    }

    Mono<Delivery> succeed(String id, String instance, Attempt attempt, long now) {
        return finish(id, instance, attempted(attempt, now).set("status", Delivery.SUCCEEDED)
                .set("deliveredBy", instance), now);
    }

    Mono<Delivery> fail(String id, String instance, Attempt attempt, long now) {
        return finish(id, instance, attempted(attempt, now).set("status", Delivery.FAILED), now);
    }

    Mono<Delivery> retryLater(String id, String instance, Attempt attempt, long now, long next, int retries) {
        Update update = attempted(attempt, now).set("status", Delivery.RETRYING).set("nextAttemptAt", next)
                .set("retries", retries).set("leaseUntil", 0L).set("heldBack", false);
        return mongo.findAndModify(mine(id, instance), update, FindAndModifyOptions.options().returnNew(true),
                Delivery.class, Delivery.COLLECTION);
    }

    Mono<Delivery> refuse(String id, String instance, String reason, long now) {
        return finish(id, instance, new Update().set("status", Delivery.REFUSED).set("lastError", reason)
                .set("lastAttemptAt", now), now);
    }

    /** Open again from the first step of the schedule; the same id, body and {@code webhook-id}. */
    Mono<Delivery> reopen(String id, long now) {
        Query finished = Query.query(Criteria.where("_id").is(id).and("status").nin(Delivery.OPEN));
        Update reopen = new Update().set("status", Delivery.PENDING).set("retries", 0).set("nextAttemptAt", now)
                .set("leaseUntil", 0L).set("heldBack", false).unset("finishedAt");
        return mongo.findAndModify(finished, reopen, FindAndModifyOptions.options().returnNew(true), Delivery.class,
                Delivery.COLLECTION);
    }

    /** Open deliveries whose time has come and whose endpoint is not among {@code skipped}, the longest due first. */
    Flux<Delivery> findDue(long now, Collection<String> skipped, int limit) {
        Criteria due = Criteria.where("status").in(Delivery.OPEN).and("nextAttemptAt").lte(now)
                .and("leaseUntil").lt(now);
        if (!skipped.isEmpty()) {
            due = due.and("endpointId").nin(skipped);
        }
        return mongo.find(Query.query(due).with(Sort.by("nextAttemptAt")).limit(limit), Delivery.class,
                Delivery.COLLECTION);
    }

    Mono<Long> countOpen() {
        return mongo.count(Query.query(Criteria.where("status").in(Delivery.OPEN)), Delivery.COLLECTION);
    }

    Flux<Delivery> find(Query query) {
        return mongo.find(query, Delivery.class, Delivery.COLLECTION);
    }

    Mono<Long> count(Query query) {
        return mongo.count(query, Delivery.COLLECTION);
    }

    private Mono<Delivery> finish(String id, String instance, Update update, long now) {
        update.set("leaseUntil", 0L).set("heldBack", false).set("finishedAt", now);
        return mongo.findAndModify(mine(id, instance), update, FindAndModifyOptions.options().returnNew(true),
                Delivery.class, Delivery.COLLECTION);
    }

    private static Update attempted(Attempt attempt, long now) {
        return new Update().inc("attempts", 1).set("lastAttemptAt", now)
                .set("lastResponseStatus", attempt.status()).set("lastResponseBody", attempt.responseBody())
                .set("lastError", attempt.error());
    }

    private static Query mine(String id, String instance) {
        return Query.query(Criteria.where("_id").is(id).and("claimedBy").is(instance));
    }
}
