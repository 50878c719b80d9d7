package org.conference.localstack.mongo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The one place where the MongoDB-wire server is taught to use an index the way MongoDB's planner does.
 *
 * <p>mongo-java-server 1.47 uses an index only when the query names exactly the index's fields
 * ({@code AbstractUniqueIndex.canHandle}), so a guarded write such as {@code {_id: 7, "lobby.version": 3}} or
 * {@code {_id: 7, meetingVersion: {$lt: 12}}} scans and deserialises the whole collection while it holds the
 * collection's lock. MongoDB answers the same query from the {@code _id} index and then applies the rest of the
 * query to the one document found. This does that: a plain equality on the field of a single-field unique index (at
 * the top level or inside a top-level {@code $and}) picks the documents the index holds under that value; the caller
 * then matches the whole query against them, so a stale guard still matches nothing.
 */
final class UniqueKeyLookup {

    private static final String AND = "$and";

    /** The positions of the only documents that can match {@code query}, or empty when no index narrows it. */
    static <P> Optional<Iterable<P>> candidates(Document query, List<Index<P>> indexes) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (Index<P> index : indexes) {
            if (index.isUnique() && index.getKeys().size() == 1) {
                String field = index.getKeys().get(0).getKey();
                Optional<Object> value = equality(query, field);
                if (value.isPresent()) {
                    return Optional.of(index.getPositions(new Document(field, value.get())));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> equality(Document query, String field) {
        Object value = query.get(field);
        if (isPlainValue(value)) {
            return Optional.of(value);
        }
        if (query.get(AND) instanceof List<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document nested) {
                    Optional<Object> found = equality(nested, field);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A value the index can be asked for as it is. Left to the scan: operator documents and embedded documents, arrays
     * (equality with an array also matches arrays that hold it), null (it also matches a missing field, which a sparse
     * index does not hold) and regular expressions.
     */
    private static boolean isPlainValue(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Map) && !(value instanceof Collection)
                && !(value instanceof Pattern) && !BsonRegularExpression.isRegularExpression(value);
    }

    private UniqueKeyLookup() {
    }
}
