package org.conference.meeting.timers;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Deadlines kept in Mongo, so they fire even if the instance that armed them died ({@link TimerFiring} fires them on
 * any instance). One timer per kind and key: re-arming it replaces its deadline.
 */
@Component
public class Timers implements InitializingBean {

    static final String COLLECTION = "timers";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public Timers(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Start-up: every instance polls for what is due several times a second, which must not scan the collection. */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index("due", Direction.ASC)).then().block();
    }

    /** Arms (or re-arms) the timer {@code kind}/{@code key} to fire {@code after} from now. */
    public Mono<Void> arm(String kind, String key, Duration after) {
        long due = clock.millis() + after.toMillis();
        return mongo.upsert(Query.query(Criteria.where("_id").is(id(kind, key))), deadline(kind, key, due),
                COLLECTION).then();
    }

    /**
     * Arms the timer {@code kind}/{@code key} to fire at {@code epochMillis}. Arming it again at the instant it
     * already has changes nothing, not even a claim in progress, so a deadline mirrored twice fires once.
     */
    public Mono<Void> armAt(String kind, String key, long epochMillis) {
        // matches only a timer set to another instant; one already set to this one makes the upsert insert its _id
        // a second time, which Mongo refuses
        Query elsewhere = Query.query(Criteria.where("_id").is(id(kind, key)).and("due").ne(epochMillis));
        return mongo.upsert(elsewhere, deadline(kind, key, epochMillis), COLLECTION).then()
                .onErrorResume(DuplicateKeyException.class, alreadyArmed -> Mono.empty());
    }

    public Mono<Void> cancel(String kind, String key) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id(kind, key))), COLLECTION).then();
    }

    private static Update deadline(String kind, String key, long due) {
        return new Update().set("kind", kind).set("key", key).set("due", due).set("claimedUntil", 0L)
                .set("holder", null);
    }

    private static String id(String kind, String key) {
        return kind + ":" + key;
    }
}
