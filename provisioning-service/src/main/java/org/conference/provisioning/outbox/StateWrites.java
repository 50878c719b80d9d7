package org.conference.provisioning.outbox;

import java.util.Collection;
import java.util.function.Predicate;

import org.conference.common.api.ApiException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The only way features write published documents: each write is one single-document operation that carries the new
 * version and the pending publication together, guarded by the version read (optimistic concurrency, so two
 * instances never lose each other's change). The relay is woken afterwards; if this process dies first, the relay's
 * timer on any instance still finds the pending flag.
 */
@Component
public class StateWrites {

    /** Concurrent writers of one document retry their read-modify-write this many times before giving up. */
    private static final int CONFLICT_RETRIES = 8;
    private static final String DELETING = "deleting";

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public StateWrites(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public <T extends OutboxEntity> Mono<T> insert(T entity, String collection) {
        return mongo.insert(entity, collection).doOnSuccess(saved -> relay.wake());
    }

    /** Replaces {@code current} by {@code next} (whose version is {@code current.version() + 1}) if nobody wrote since. */
    public <T extends OutboxEntity> Mono<T> replace(T current, T next, String collection) {
        Query unchanged = Query.query(Criteria.where("_id").is(current.documentId()).and("version").is(current.version()));
        return mongo.replace(unchanged, next, collection)
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(next)
                        : Mono.error(new ConcurrentWriteException(collection, current.documentId())))
                .doOnSuccess(saved -> relay.wake());
    }

    /**
     * First step of a guarded deletion: flags the document (without a new version) so that a concurrent create that
     * points at it sees, in its check after writing, that its target is going away. The order "flag, then look for
     * dependents" against "write dependent, then check target" means one of the two always sees the other, without
     * multi-document transactions. Any later replace of the document clears the flag.
     */
    public Mono<Void> markDeleting(OutboxEntity current, String collection) {
        return mongo.updateFirst(sameVersion(current), new Update().set(DELETING, true), collection)
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.<Void>empty()
                        : Mono.error(new ConcurrentWriteException(collection, current.documentId())));
    }

    public Mono<Void> unmarkDeleting(OutboxEntity current, String collection) {
        return mongo.updateFirst(sameVersion(current), new Update().unset(DELETING), collection).then();
    }

    /** True when every id names a document that is neither deleted nor being deleted. */
    public Mono<Boolean> allLive(String collection, Collection<?> ids) {
        Query live = Query.query(Criteria.where("_id").in(ids).and("deleted").is(false).and(DELETING).ne(true));
        return mongo.count(live, collection).map(count -> count == ids.stream().distinct().count());
    }

    private static Query sameVersion(OutboxEntity current) {
        return Query.query(Criteria.where("_id").is(current.documentId()).and("version").is(current.version()));
    }

    /**
     * Wraps a whole read-modify-write so that it is retried when another writer got there first; if it keeps losing,
     * the client gets a 409 and may try again.
     */
    public static <T> Mono<T> retryingConflicts(Mono<T> readModifyWrite) {
        return readModifyWrite.retryWhen(retries(CONFLICT_RETRIES, ConcurrentWriteException.class::isInstance))
                .onErrorMap(ConcurrentWriteException.class, e -> ApiException.conflict("version",
                        "the object is being changed by another request, try again", null));
    }

    /** Up to {@code times} immediate retries of failures that {@code retryable} accepts; then the last failure. */
    public static Retry retries(int times, Predicate<Throwable> retryable) {
        return Retry.max(times).filter(retryable).onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    /** Another writer changed the document between our read and our write. */
    public static class ConcurrentWriteException extends RuntimeException {
        ConcurrentWriteException(String collection, Object id) {
            super("concurrent write to " + collection + " " + id);
        }
    }
}
