package org.conference.common.persistence;

import java.util.function.Predicate;

import org.bson.Document;

import org.conference.common.api.ApiException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Writes guarded by the version they were computed from (optimistic concurrency): each is one single-document
 * operation that matches only while the document still has the version read, so two instances never lose each other's
 * change and no multi-document transaction is needed. The loser of a race gets a {@link ConcurrentWriteException} and
 * reads again ({@link #retryingConflicts}).
 */
public class OptimisticWrites {

    /** The stored version field. */
    public static final String VERSION = "version";
    /** Concurrent writers of one document retry their read-modify-write this many times before giving up. */
    private static final int CONFLICT_RETRIES = 8;

    private final ReactiveMongoTemplate mongo;

    public OptimisticWrites(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Replaces {@code current} by {@code next}, which must be its next version, if nobody wrote since it was read. */
    public <T extends Versioned> Mono<T> replace(T current, T next, String collection) {
        return replace(current, next, next, collection);
    }

    /**
     * Like {@link #replace(Versioned, Versioned, String)}, but stores {@code stored}: {@code next} as the mapping
     * layer wrote it, plus bookkeeping its record does not set (e.g. since when its publication is pending).
     */
    public <T extends Versioned> Mono<T> replace(T current, T next, Document stored, String collection) {
        return replace(current, next, (Object) stored, collection);
    }

    private <T extends Versioned> Mono<T> replace(T current, T next, Object stored, String collection) {
        if (!next.documentId().equals(current.documentId()) || next.version() != current.version() + 1) {
            return Mono.error(new IllegalArgumentException("version " + next.version() + " of " + next.documentId()
                    + " does not follow version " + current.version() + " of " + current.documentId()));
        }
        return mongo.replace(sameVersion(current), stored, collection)
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(next)
                        : Mono.error(new ConcurrentWriteException(collection, current.documentId())));
    }

    /**
     * Applies {@code update} to {@code current} without a new version, if nobody wrote since it was read; a
     * {@link ConcurrentWriteException} otherwise. For bookkeeping that is not a change of the document's state.
     */
    public Mono<Void> updateUnchanged(Versioned current, Update update, String collection) {
        return mongo.updateFirst(sameVersion(current), update, collection)
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.<Void>empty()
                        : Mono.error(new ConcurrentWriteException(collection, current.documentId())));
    }

    /** The document as it was read: its id at its version. */
    public static Query sameVersion(Versioned document) {
        return sameVersion(document.documentId(), document.version());
    }

    public static Query sameVersion(Object id, long version) {
        return Query.query(Criteria.where("_id").is(id).and(VERSION).is(version));
    }

    /**
     * Wraps a whole read-modify-write so that it runs again when another writer got there first; if it keeps losing,
     * the client gets a 409 and may try again.
     */
    public static <T> Mono<T> retryingConflicts(Mono<T> readModifyWrite) {
        return readModifyWrite.retryWhen(retries(CONFLICT_RETRIES, ConcurrentWriteException.class::isInstance))
                .onErrorMap(ConcurrentWriteException.class, e -> ApiException.conflict(VERSION,
                        "the object is being changed by another request, try again", null));
    }

    /** Up to {@code times} immediate retries of failures that {@code retryable} accepts; then the last failure. */
    public static Retry retries(int times, Predicate<Throwable> retryable) {
        return Retry.max(times).filter(retryable).onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }
}
