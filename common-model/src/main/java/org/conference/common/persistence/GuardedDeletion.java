package org.conference.common.persistence;

import java.util.Collection;
import java.util.function.Function;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * Deleting a document that others may point at, without multi-document transactions. The deletion flags its target
 * ({@value #DELETING}, no new version) before it looks for dependents; a create that points at documents writes
 * first and then checks that its targets {@linkplain #allRemain remain} ({@link GuardedCreation}). Of a deletion and
 * a create that race, one always sees the other, so nothing is left pointing at a deleted document.
 *
 * <p>The flag belongs to no stored record type, so the next {@linkplain OptimisticWrites#replace replace} of the
 * document drops it: a deletion that goes ahead, or any later change, clears it with its write.
 */
public class GuardedDeletion {

    static final String DELETING = "deleting";

    private final ReactiveMongoTemplate mongo;
    private final OptimisticWrites writes;

    public GuardedDeletion(ReactiveMongoTemplate mongo, OptimisticWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    /**
     * Deletes {@code current} with {@code remove} (which writes its deleted version) unless {@code firstDependent}
     * finds something that points at it: then the flag is taken off again and the deletion fails with
     * {@code refusal}. A write to the document since it was read fails it with {@link ConcurrentWriteException}.
     */
    public <T extends Versioned> Mono<T> deleteUnlessDepended(T current, String collection,
            Mono<Dependent> firstDependent, Function<Dependent, ? extends Throwable> refusal,
            Function<? super T, Mono<T>> remove) {
        return writes.updateUnchanged(current, new Update().set(DELETING, true), collection)
                .then(firstDependent)
                .flatMap(dependent -> unflag(current, collection).then(Mono.<T>error(refusal.apply(dependent))))
                .switchIfEmpty(Mono.defer(() -> remove.apply(current)));
    }

    /** True when every id names a document of {@code collection} that is neither deleted nor being deleted. */
    public Mono<Boolean> allRemain(String collection, Collection<?> ids) {
        Query remaining = Query.query(SoftDeletion.live(Criteria.where("_id").in(ids)).and(DELETING).ne(true));
        return mongo.count(remaining, collection).map(count -> count == ids.stream().distinct().count());
    }

    private Mono<Void> unflag(Versioned current, String collection) {
        return mongo.updateFirst(OptimisticWrites.sameVersion(current), new Update().unset(DELETING), collection)
                .then();
    }
}
