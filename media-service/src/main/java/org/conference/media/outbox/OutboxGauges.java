package org.conference.media.outbox;

import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.conference.common.metrics.OutboxBacklog;
import org.conference.common.metrics.RefreshedGauges;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * {@code conference_outbox_pending{collection}} (events not yet relayed) and {@code conference_outbox_lag_seconds}
 * (the age of the oldest of them, by its {@code occurredAt}) of every relayed collection.
 */
@Component
class OutboxGauges {

    OutboxGauges(RefreshedGauges gauges, ReactiveMongoTemplate mongo, List<RelayedCollection> collections) {
        Clock clock = Clock.systemUTC();
        collections.forEach(relayed -> OutboxBacklog.publish(gauges, relayed.collection(), clock,
                () -> backlog(mongo, relayed.collection())));
    }

    private static Mono<OutboxBacklog> backlog(ReactiveMongoTemplate mongo, String collection) {
        Aggregation waiting = Aggregation.newAggregation(Aggregation.match(Criteria.where(Outbox.PENDING).is(true)),
                Aggregation.unwind(Outbox.EVENTS),
                Aggregation.group().count().as("events").min(Outbox.EVENTS + ".occurredAt").as("oldest"));
        return mongo.aggregate(waiting, collection, Document.class).next()
                .map(found -> new OutboxBacklog(((Number) found.get("events")).longValue(),
                        ((Number) found.get("oldest")).longValue()))
                .defaultIfEmpty(OutboxBacklog.NONE);
    }
}
