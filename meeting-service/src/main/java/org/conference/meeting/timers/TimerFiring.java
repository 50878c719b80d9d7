package org.conference.meeting.timers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fires the deadlines {@link Timers} keeps: every instance polls for due timers and claims each with one atomic
 * update before firing it, so a timer fires on one instance; a claim that outlives its holder (it died while
 * firing) expires and another instance fires the timer again, so handlers are idempotent. A timer re-armed while
 * firing is kept.
 */
@Component
public class TimerFiring implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimerFiring.class);
    private static final String COLLECTION = Timers.COLLECTION;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Map<String, TimerHandler> handlers;
    private final Duration pollInterval;
    private final Duration claimFor;
    private final String holder = UUID.randomUUID().toString();
    private volatile Disposable poller;

    public TimerFiring(ReactiveMongoTemplate mongo, Clock clock, List<TimerHandler> handlers,
            @Value("${conference.timers.poll-interval:PT0.2S}") Duration pollInterval,
            @Value("${conference.timers.claim-for:PT30S}") Duration claimFor) {
        this.mongo = mongo;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(TimerHandler::kind, Function.identity()));
        this.pollInterval = pollInterval;
        this.claimFor = claimFor;
    }

    /** One round: claims and fires what is due now; exposed so tests can drive time. */
    public Mono<Long> fireDue() {
        long now = clock.millis();
        // the earliest first, along the index on due (Timers): a backlog is worked off in deadline order
        Query due = Query.query(Criteria.where("due").lte(now).and("claimedUntil").lt(now))
                .with(Sort.by("due")).limit(100);
        return mongo.find(due, Document.class, COLLECTION)
                .flatMap(timer -> claim(timer, now), 8)
                .flatMap(this::fire, 8)
                .count();
    }

    private Mono<Document> claim(Document timer, long now) {
        Query unclaimed = Query.query(Criteria.where("_id").is(timer.get("_id")).and("due").is(timer.get("due"))
                .and("claimedUntil").lt(now));
        Update claim = new Update().set("claimedUntil", now + claimFor.toMillis()).set("holder", holder);
        return mongo.findAndModify(unclaimed, claim, FindAndModifyOptions.options().returnNew(true), Document.class,
                COLLECTION);
    }

    private Mono<Boolean> fire(Document timer) {
        String kind = timer.getString("kind");
        TimerHandler handler = handlers.get(kind);
        if (handler == null) {
            log.warn("No handler for timer kind {}; dropping {}", kind, timer.get("_id"));
            return done(timer);
        }
        return handler.fire(timer.getString("key"))
                .then(done(timer))
                .onErrorResume(failure -> {
                    log.warn("Timer {} failed, it fires again after its claim expires: {}", timer.get("_id"),
                            failure.toString());
                    return Mono.just(false);
                });
    }

    /** Removes the timer unless it was re-armed while firing. */
    private Mono<Boolean> done(Document timer) {
        Query fired = Query.query(Criteria.where("_id").is(timer.get("_id")).and("due").is(timer.get("due"))
                .and("holder").is(holder));
        return mongo.remove(fired, COLLECTION).map(result -> result.getDeletedCount() == 1);
    }

    @Override
    public void start() {
        poller = Flux.interval(pollInterval).onBackpressureDrop()
                .concatMap(tick -> Mono.defer(this::fireDue).onErrorResume(failure -> {
                    log.warn("Timer round failed: {}", failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = poller;
        if (running != null) {
            running.dispose();
        }
        poller = null;
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
