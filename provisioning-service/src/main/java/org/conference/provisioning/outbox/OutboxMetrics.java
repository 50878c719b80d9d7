package org.conference.provisioning.outbox;

import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.conference.common.metrics.OutboxBacklog;
import org.conference.common.metrics.RefreshedGauges;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * What an operator watches of provisioning's stored state: {@code conference_provisioning_writes_total{resource,
 * operation}} (every API change written, by collection and create, update or delete) and, per collection, what the
 * outbox still owes Kafka ({@code conference_outbox_pending}, {@code conference_outbox_lag_seconds}). Every series
 * exists from start-up, at 0.
 */
@Component
class OutboxMetrics {

    static final String CREATE = "create";
    static final String UPDATE = "update";
    static final String DELETE = "delete";

    private final MeterRegistry meters;

    OutboxMetrics(MeterRegistry meters, RefreshedGauges gauges, ReactiveMongoTemplate mongo,
            List<PublishedCollection<?>> collections) {
        this.meters = meters;
        Clock clock = Clock.systemUTC();
        for (PublishedCollection<?> published : collections) {
            String collection = published.collection();
            List.of(CREATE, UPDATE, DELETE).forEach(operation -> writes(collection, operation));
            OutboxBacklog.publish(gauges, collection, clock, () -> backlog(mongo, collection));
        }
    }

    void written(String collection, String operation) {
        writes(collection, operation).increment();
    }

    private Counter writes(String collection, String operation) {
        return Counter.builder("conference.provisioning.writes")
                .description("Changes written by the provisioning API, by collection and operation")
                .tag("resource", collection).tag("operation", operation).register(meters);
    }

    /** The pending count along the index on outbox.pending; the oldest among those that say since when. */
    private static Mono<OutboxBacklog> backlog(ReactiveMongoTemplate mongo, String collection) {
        Criteria pending = Criteria.where("outbox.pending").is(true);
        Query oldest = Query.query(Criteria.where("outbox.pending").is(true).and("outbox." + Outbox.SINCE).gt(0L))
                .with(Sort.by("outbox." + Outbox.SINCE)).limit(1);
        oldest.fields().include("outbox." + Outbox.SINCE);
        Mono<Long> since = mongo.findOne(oldest, Document.class, collection)
                .map(document -> document.get("outbox", Document.class).get(Outbox.SINCE, Number.class).longValue())
                .defaultIfEmpty(0L);
        return mongo.count(Query.query(pending), collection)
                .flatMap(count -> count == 0 ? Mono.just(OutboxBacklog.NONE)
                        : since.map(oldestSince -> new OutboxBacklog(count, oldestSince)));
    }
}
