package org.conference.common.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * MongoDB's sort keys: per key, the smallest value the path reaches when ascending and the largest when descending
 * (an array sorts by its extreme element), null when it reaches none. Computed once per document, not per comparison.
 */
final class SortKeys {

    record Keyed<T>(T item, Object[] keys) {
    }

    private final List<SortOrder> orders;
    private final List<DocumentPaths> paths = new ArrayList<>();

    SortKeys(List<SortOrder> orders) {
        this.orders = List.copyOf(orders);
        orders.forEach(order -> paths.add(new DocumentPaths(order.field().path())));
    }

    <T> Keyed<T> keyed(T item, Map<String, ?> document) {
        Object[] keys = new Object[orders.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = extreme(paths.get(i).values(document), orders.get(i).descending());
        }
        return new Keyed<>(item, keys);
    }

    <T> Comparator<Keyed<T>> comparator() {
        return (a, b) -> {
            for (int i = 0; i < orders.size(); i++) {
                int c = BsonOrder.compare(a.keys()[i], b.keys()[i]);
                if (c != 0) {
                    return orders.get(i).descending() ? -c : c;
                }
            }
            return 0;
        };
    }

    private static Object extreme(List<Object> values, boolean largest) {
        Object best = null;
        boolean found = false;
        for (Object value : values) {
            int c = found ? BsonOrder.compare(value, best) : 0;
            if (!found || (largest ? c > 0 : c < 0)) {
                best = value;
                found = true;
            }
        }
        return best;
    }
}
