package org.conference.common.persistence;

import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * The second half of a create that points at other documents (an owner, a group): once written, its targets must
 * still remain. A deletion that raced with it has either seen the new document (and refused) or flagged its target
 * before this check ({@link GuardedDeletion}), and then the create takes itself back.
 */
public final class GuardedCreation {

    /**
     * {@code written} if {@code targetsRemain} answers true; otherwise {@code takeBack} undoes the write (usually by
     * writing its deleted version) and the create fails with {@code targetGone}.
     */
    public static <T> Mono<T> keepIfTargetsRemain(T written, Mono<Boolean> targetsRemain,
            Function<? super T, ? extends Mono<?>> takeBack, Supplier<? extends Throwable> targetGone) {
        return targetsRemain.flatMap(remain -> remain ? Mono.just(written)
                : takeBack.apply(written).then(Mono.error(targetGone.get())));
    }

    private GuardedCreation() {
    }
}
