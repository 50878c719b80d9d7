package org.conference.provisioning.support;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.conference.common.query.Page;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API objects that embed related objects (a subscriber's meeting rooms, a DID group's DIDs): the related objects of a
 * whole page come from one query, never one query per listed item.
 */
public final class Embedding {

    /**
     * A view of each item with its related objects, which {@code related} finds for all items' keys at once (a key
     * missing from its answer has none).
     */
    public static <T, K, V> Mono<List<V>> views(List<T> items, Function<? super T, K> key,
            Function<List<K>, Mono<Map<K, List<Object>>>> related, BiFunction<? super T, List<?>, V> view) {
        if (items.isEmpty()) {
            return Mono.just(List.of());
        }
        return related.apply(items.stream().map(key).toList())
                .map(byKey -> items.stream().map(item -> view.apply(item, byKey.getOrDefault(key.apply(item),
                        List.of()))).toList());
    }

    /** One item's view, by the same {@code views} a page uses. */
    public static <T, V> Mono<V> one(Mono<T> item, Function<List<T>, Mono<List<V>>> views) {
        return item.flatMap(found -> views.apply(List.of(found))).map(found -> found.get(0));
    }

    /** A page of views: the same offset and total, each item's view in its place. */
    public static <T, V> Mono<Page<V>> page(Mono<Page<T>> page, Function<List<T>, Mono<List<V>>> views) {
        return page.flatMap(found -> views.apply(found.items())
                .map(items -> new Page<>(items, found.offset(), found.total())));
    }

    /** The answer of a {@code related} look-up: the views of what one query found, by the key they belong to. */
    public static <T, K> Mono<Map<K, List<Object>>> byKey(Flux<T> found, Function<? super T, K> key,
            Function<? super T, ?> view) {
        Function<T, Object> asView = view::apply;
        return found.collect(Collectors.groupingBy(key, Collectors.mapping(asView, Collectors.toList())));
    }

    private Embedding() {
    }
}
