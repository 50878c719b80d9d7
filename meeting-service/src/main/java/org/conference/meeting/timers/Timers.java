package org.conference.meeting.timers;

import java.time.Clock;
import java.time.Duration;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Deadlines kept in Mongo, so they fire even if the instance that armed them died ({@link TimerFiring} fires them on
 * any instance). Re-arming a timer replaces its deadline.
 */
@Component
public class Timers {

    static final String COLLECTION = "timers";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public Timers(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Arms (or re-arms) the timer {@code kind}/{@code key} to fire {@code after} from now. */
    public Mono<Void> arm(String kind, String key, Duration after) {
        long due = clock.millis() + after.toMillis();
        Update deadline = new Update().set("kind", kind).set("key", key).set("due", due).set("claimedUntil", 0L)
                .set("holder", null);
        return mongo.upsert(Query.query(Criteria.where("_id").is(id(kind, key))), deadline, COLLECTION).then();
    }

    public Mono<Void> cancel(String kind, String key) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id(kind, key))), COLLECTION).then();
    }

    private static String id(String kind, String key) {
        return kind + ":" + key;
    }
}
