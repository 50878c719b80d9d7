package org.conference.common.query;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The MongoDB back-end: filtering, sorting, counting and paging all run in the database.
 *
 * <pre>{@code
 * Flux<Document> page = template.find(MongoQueries.toQuery(query), Document.class, "rooms");
 * Mono<Long> total = template.count(MongoQueries.toCountQuery(query), "rooms");
 * }</pre>
 *
 * The schema's paths are document field names. With an entity class instead of {@code Document}, Spring Data maps
 * criteria keys through the entity's properties, so declare paths that are both (the usual case without
 * {@code @Field} renames).
 *
 * <p>{@code bit} is translated to {@code $in} over every value of the field's declared bit width that has the mask's
 * bits set, not to {@code $bitsAllSet}: the list can use an index, and the MongoDB-wire server of the Docker-free
 * stack does not implement {@code $bitsAllSet}.
 *
 * <p>That wire server (de.bwaldvogel mongo-java-server, used by tests and the local stack without Docker) departs from
 * MongoDB in two places, where {@link InMemoryQueries} follows MongoDB: it sorts array values inconsistently (declare
 * paths that reach arrays {@code notSortable()}), and it also matches {@code like} against an array's text form, so a
 * pattern can match an array none of whose elements matches.
 */
public final class MongoQueries {

    /** The criteria of a query with its sort order, {@code skip(offset)} and {@code limit(limit)}. */
    public static Query toQuery(ListQuery query) {
        return toCountQuery(query).with(toSort(query)).skip(query.offset()).limit(query.limit());
    }

    /** The criteria alone: {@code count} honours skip and limit, so the total needs a query without them. */
    public static Query toCountQuery(ListQuery query) {
        return new Query(toCriteria(query.filter()));
    }

    /** The requested order with the id as the last key, so that pages never overlap or skip objects. */
    public static Sort toSort(ListQuery query) {
        Sort sort = Sort.unsorted();
        for (SortOrder key : query.sortKeys()) {
            sort = sort.and(Sort.by(key.descending() ? Sort.Direction.DESC : Sort.Direction.ASC, key.field().path()));
        }
        return sort;
    }

    public static Criteria toCriteria(Filter filter) {
        List<Criteria> criteria = new ArrayList<>();
        filter.conditions().forEach(condition -> criteria.add(toCriteria(condition)));
        return switch (criteria.size()) {
            case 0 -> new Criteria();
            case 1 -> criteria.get(0);
            // $and, because several clauses may name the same path and a document cannot repeat a key.
            default -> new Criteria().andOperator(criteria);
        };
    }

    static Criteria toCriteria(Condition condition) {
        Criteria where = Criteria.where(condition.field().path());
        if (condition instanceof Condition.Compare compare) {
            return compare(where, compare);
        }
        if (condition instanceof Condition.In in) {
            return in.negated() ? where.nin(in.values()) : where.in(in.values());
        }
        if (condition instanceof Condition.Like like) {
            return where.regex(like.regex(), LikePattern.mongoOptions(like.ignoreCase()));
        }
        Condition.BitsAllSet bits = (Condition.BitsAllSet) condition;
        return where.in(valuesWithBits(bits.mask(), bits.field().bitWidth()));
    }

    private static Criteria compare(Criteria where, Condition.Compare compare) {
        Object value = compare.value();
        return switch (compare.op()) {
            case EQ -> where.is(value);
            case NE -> where.ne(value);
            case GT -> where.gt(value);
            case GE -> where.gte(value);
            case LT -> where.lt(value);
            case LE -> where.lte(value);
            default -> throw new IllegalStateException("not a comparison: " + compare.op());
        };
    }

    /** Every value below {@code 2^width} with all bits of {@code mask} set, ascending. */
    static List<Long> valuesWithBits(long mask, int width) {
        long free = ((1L << width) - 1) & ~mask;
        List<Long> values = new ArrayList<>();
        // Walks the subsets of the free bits upwards: the classic (subset - free) & free successor.
        long subset = 0;
        do {
            values.add(mask | subset);
            subset = (subset - free) & free;
        } while (subset != 0);
        return values;
    }

    private MongoQueries() {
    }
}
