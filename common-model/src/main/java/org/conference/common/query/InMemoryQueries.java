package org.conference.common.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The in-memory back-end, for lists that are not Mongo collections (live calls, meeting attributes, keychains, file
 * lists). It evaluates the same {@link ListQuery} against JSON-like documents (nested maps and lists, strings,
 * numbers, booleans, null) addressed by the schema's document paths, and filters, orders and pages exactly as
 * {@link MongoQueries} makes MongoDB do. Dotted paths are meant to cross objects and arrays of objects, as the schema
 * declares them.
 */
public final class InMemoryQueries {

    /** The page of {@code documents} the query asks for, and the number of all matches. */
    public static <M extends Map<String, ?>> Page<M> apply(ListQuery query, List<M> documents) {
        return apply(query, documents, Function.identity());
    }

    /**
     * The page of {@code items} the query asks for, where {@code document} gives the JSON-like view of an item (its
     * stored form, with the schema's paths).
     */
    public static <T> Page<T> apply(ListQuery query, List<T> items,
                                    Function<? super T, ? extends Map<String, ?>> document) {
        Predicate<Map<String, ?>> filter = InMemoryMatcher.compile(query.filter());
        List<SortKeys.Keyed<T>> matches = new ArrayList<>();
        SortKeys keys = new SortKeys(query.sortKeys());
        for (T item : items) {
            Map<String, ?> view = document.apply(item);
            if (filter.test(view)) {
                matches.add(keys.keyed(item, view));
            }
        }
        matches.sort(keys.comparator());
        int from = (int) Math.min(query.offset(), matches.size());
        int to = (int) Math.min((long) from + query.limit(), matches.size());
        List<T> page = new ArrayList<>(to - from);
        matches.subList(from, to).forEach(keyed -> page.add(keyed.item()));
        return new Page<>(page, query.offset(), matches.size());
    }

    /** Whether {@code document} satisfies {@code filter}; compile once with this when testing many documents. */
    public static Predicate<Map<String, ?>> matcher(Filter filter) {
        return InMemoryMatcher.compile(filter);
    }

    /** The query's order as a comparator of documents. */
    public static Comparator<Map<String, ?>> comparator(ListQuery query) {
        SortKeys keys = new SortKeys(query.sortKeys());
        return (a, b) -> keys.comparator().compare(keys.keyed(a, a), keys.keyed(b, b));
    }

    private InMemoryQueries() {
    }
}
