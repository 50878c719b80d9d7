package org.conference.callback.deliveries;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.conference.callback.support.CallbackSettings;
import org.conference.callback.targets.CallbackTarget;
import org.conference.common.query.ListQuery;
import org.conference.common.query.MongoQueries;
import org.conference.common.query.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The life of a delivery: recorded once per event and endpoint, claimed by one instance, sent in its lane's order,
 * retried on the schedule, ended as succeeded, failed or refused, and reopened by a replay.
 */
@Service
public class Deliveries {

    private final DeliveryStore store;
    private final LaneStore lanes;
    private final EndpointStore endpoints;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final Duration lease;
    private final Duration heldBackRecheck;
    /** Endpoints this instance has recorded as they are now, so a burst of events writes each one once. */
    private final Cache<String, CallbackTarget> knownEndpoints =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    Deliveries(DeliveryStore store, LaneStore lanes, EndpointStore endpoints, RetrySchedule schedule, Clock clock,
            CallbackSettings settings) {
        this.store = store;
        this.lanes = lanes;
        this.endpoints = endpoints;
        this.schedule = schedule;
        this.clock = clock;
        this.lease = settings.lease();
        this.heldBackRecheck = settings.heldBackRecheck();
    }

    /** A delivery of an event to one target, not yet stored; {@code ordered} puts it in its meeting's lane. */
    public Delivery pending(String eventId, String type, long occurredAt, Long meetingNumber, Long sequence,
            boolean ordered, CallbackTarget target, String body) {
        long now = clock.millis();
        String lane = ordered && meetingNumber != null && sequence != null
                ? target.endpointId() + ":" + meetingNumber : null;
        return new Delivery(eventId + "." + target.endpointId(), eventId, type, occurredAt, meetingNumber, sequence,
                lane, target.endpointId(), target.url(), target.subscriberSid(), target.lineage(), body,
                Delivery.PENDING, 0, 0, now, 0, null, false, null, null, null, null, now, null, null);
    }

    /**
     * Stores the delivery (once: a redelivered event finds it there) and puts it in its lane. Completes with the
     * delivery when it is open and worth an attempt now, empty when it had already ended.
     */
    public Mono<Delivery> record(Delivery delivery, CallbackTarget target) {
        return ensureEndpoint(target)
                .then(store.insert(delivery))
                .flatMap(stored -> {
                    Delivery held = stored.delivery();
                    if (!held.open()) {
                        return Mono.empty();
                    }
                    return held.lane() == null ? Mono.just(held)
                            : lanes.join(held.lane(), held.sequence(), held.id()).thenReturn(held);
                });
    }

    private Mono<Void> ensureEndpoint(CallbackTarget target) {
        if (target.equals(knownEndpoints.getIfPresent(target.endpointId()))) {
            return Mono.empty();
        }
        return endpoints.ensure(target.endpointId(), target.url(), target.subscriberSid(), target.lineage(),
                clock.millis()).doOnSuccess(done -> knownEndpoints.put(target.endpointId(), target));
    }

    public Mono<Delivery> claim(String id, String instance) {
        long now = clock.millis();
        return store.claim(id, now, instance, now + lease.toMillis());
    }

    /**
     * Whether its turn has come: no earlier delivery of its lane is still open. A head that has ended but is still
     * listed (its instance died between the two writes) is taken off the lane here, so the lane never sticks.
     */
    public Mono<Turn> turnOf(Delivery delivery) {
        if (delivery.lane() == null) {
            return Mono.just(Turn.GO);
        }
        return lanes.head(delivery.lane()).flatMap(head -> {
            if (head.isEmpty()) {
                return Mono.just(new Turn(false, 0));
            }
            String headId = head.get().delivery();
            if (headId.equals(delivery.id())) {
                return Mono.just(Turn.GO);
            }
            return store.find(headId).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> found
                    .filter(Delivery::open).isPresent()
                    ? Mono.just(new Turn(false, found.get().nextAttemptAt()))
                    : lanes.leave(delivery.lane(), headId).then(Mono.defer(() -> turnOf(delivery))));
        });
    }

    /** {@code go}, or wait: the earlier delivery it waits for is not tried again before {@code earlierDueAt}. */
    public record Turn(boolean go, long earlierDueAt) {
        static final Turn GO = new Turn(true, 0);
    }

    /**
     * Waits behind an earlier delivery of its lane: until the earlier one ends (which wakes it) or, should that wake
     * be lost with a crashed instance, until it is looked at again. Then looks at the lane once more, so a wake that
     * came while it was being held back is not missed; completes with true when its turn has come meanwhile.
     */
    public Mono<Boolean> holdBack(Delivery delivery, String instance, Turn turn) {
        long until = Math.max(clock.millis() + heldBackRecheck.toMillis(), turn.earlierDueAt());
        return store.holdBack(delivery.id(), instance, until)
                .then(turnOf(delivery))
                .flatMap(again -> again.go() ? wake(delivery.id()).thenReturn(true) : Mono.just(false));
    }

    public Mono<Void> release(Delivery delivery, String instance) {
        return store.release(delivery.id(), instance);
    }

    /** Makes a held-back delivery due now: its turn has come. */
    public Mono<Void> wake(String id) {
        return store.wake(id, clock.millis());
    }

    /** Ends it as succeeded; completes with the id of the next delivery of its lane, if one waits. */
    public Mono<Ended> succeed(Delivery delivery, String instance, Attempt attempt) {
        return end(store.succeed(delivery.id(), instance, attempt, clock.millis()), delivery);
    }

    public Mono<Ended> fail(Delivery delivery, String instance, Attempt attempt) {
        return end(store.fail(delivery.id(), instance, attempt, clock.millis()), delivery);
    }

    public Mono<Ended> refuse(Delivery delivery, String instance, String reason) {
        return end(store.refuse(delivery.id(), instance, reason, clock.millis()), delivery);
    }

    /** A failed attempt: the next one on the schedule, or the end as failed when the schedule is spent. */
    public Mono<Ended> retryOrFail(Delivery delivery, String instance, Attempt attempt) {
        int failures = delivery.retries() + 1;
        Optional<Duration> wait = schedule.after(failures, attempt.retryAfter());
        if (wait.isEmpty()) {
            return fail(delivery, instance, attempt);
        }
        long now = clock.millis();
        return store.retryLater(delivery.id(), instance, attempt, now, now + wait.get().toMillis(), failures)
                .map(retrying -> new Ended(retrying, Optional.empty()));
    }

    /** What became of a delivery, and the delivery of its lane whose turn it now is. */
    public record Ended(Delivery delivery, Optional<String> nextInLane) {
    }

    private Mono<Ended> end(Mono<Delivery> ending, Delivery delivery) {
        return ending.flatMap(ended -> ended.lane() == null ? Mono.just(new Ended(ended, Optional.empty()))
                : lanes.leave(ended.lane(), ended.id())
                        .map(next -> new Ended(ended, next.map(LaneStore.Waiting::delivery))));
    }

    /** Opens a finished delivery again, at the first step of the schedule, in its lane's order. */
    public Mono<Delivery> replay(String id) {
        return store.reopen(id, clock.millis()).flatMap(reopened -> reopened.lane() == null ? Mono.just(reopened)
                : lanes.join(reopened.lane(), reopened.sequence(), reopened.id()).thenReturn(reopened));
    }

    public Mono<Delivery> find(String id) {
        return store.find(id);
    }

    /** Due open deliveries, none of an endpoint in {@code skipped}. */
    public Flux<Delivery> due(Set<String> skipped, int limit) {
        return store.findDue(clock.millis(), skipped, limit);
    }

    public Mono<Long> countOpen() {
        return store.countOpen();
    }

    public Mono<Endpoint> endpoint(String id) {
        return endpoints.find(id);
    }

    public Mono<Set<String>> disabledEndpoints() {
        return endpoints.disabledIds().collect(HashSet::new, Set::add);
    }

    public Mono<Endpoint> disable(String endpointId, String reason) {
        return endpoints.disable(endpointId, reason, clock.millis());
    }

    public Mono<Endpoint> enable(String endpointId) {
        return endpoints.enable(endpointId);
    }

    /** One page of deliveries within {@code scope}, the client's filter, order and paging applied in the database. */
    public Mono<Page<Delivery>> page(Criteria scope, ListQuery request) {
        Criteria criteria = within(scope, request);
        Query page = new Query(criteria).with(MongoQueries.toSort(request)).skip(request.offset())
                .limit(request.limit());
        return Mono.zip(store.find(page).collectList(), store.count(new Query(criteria)))
                .map(found -> new Page<>(found.getT1(), request.offset(), found.getT2()));
    }

    public Mono<Page<Endpoint>> endpointPage(Criteria scope, ListQuery request) {
        Criteria criteria = within(scope, request);
        Query page = new Query(criteria).with(MongoQueries.toSort(request)).skip(request.offset())
                .limit(request.limit());
        return Mono.zip(endpoints.find(page).collectList(), endpoints.count(new Query(criteria)))
                .map(found -> new Page<>(found.getT1(), request.offset(), found.getT2()));
    }

    /** Deliveries within {@code scope} that ended as {@code status} at or after {@code since}. */
    public Flux<Delivery> endedSince(Criteria scope, String status, long since) {
        return store.find(new Query(new Criteria().andOperator(scope,
                Criteria.where("status").is(status).and("finishedAt").gte(since))));
    }

    private static Criteria within(Criteria scope, ListQuery request) {
        return request.filter().isEmpty() ? scope
                : new Criteria().andOperator(scope, MongoQueries.toCriteria(request.filter()));
    }

}
