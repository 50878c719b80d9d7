package org.conference.common.query;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compiles a {@link Filter} into a predicate over JSON-like documents with the semantics of the MongoDB translation.
 * A condition holds when any value the path reaches satisfies it ({@link DocumentPaths}); {@code ne} and
 * {@code notin} are the exact complements of {@code eq} and {@code in}, as {@code $ne} and {@code $nin} are.
 */
final class InMemoryMatcher {

    static Predicate<Map<String, ?>> compile(Filter filter) {
        Predicate<Map<String, ?>> all = document -> true;
        for (Condition condition : filter.conditions()) {
            all = all.and(compile(condition));
        }
        return all;
    }

    private static Predicate<Map<String, ?>> compile(Condition condition) {
        DocumentPaths path = new DocumentPaths(condition.field().path());
        Predicate<Object> test = valueTest(condition);
        Predicate<Map<String, ?>> any = document -> anyValue(path.values(document), test);
        return isNegated(condition) ? any.negate() : any;
    }

    private static boolean isNegated(Condition condition) {
        return condition instanceof Condition.In in && in.negated()
                || condition instanceof Condition.Compare compare && compare.op() == Operator.NE;
    }

    private static boolean anyValue(List<Object> values, Predicate<Object> test) {
        for (Object value : values) {
            if (test.test(value)) {
                return true;
            }
        }
        return false;
    }

    /** What one value reached by the path must satisfy; for ne and notin, the test that is then negated. */
    private static Predicate<Object> valueTest(Condition condition) {
        if (condition instanceof Condition.Compare compare) {
            return comparison(compare.op(), compare.value());
        }
        if (condition instanceof Condition.In in) {
            return value -> anyEquals(in.values(), value);
        }
        if (condition instanceof Condition.Like like) {
            Pattern pattern = Pattern.compile(like.regex(), LikePattern.javaFlags(like.ignoreCase()));
            return value -> value instanceof String text && pattern.matcher(text).find();
        }
        Condition.BitsAllSet bits = (Condition.BitsAllSet) condition;
        return value -> hasBits(value, bits.mask(), bits.field().bitWidth());
    }

    private static Predicate<Object> comparison(Operator op, Object wanted) {
        return switch (op) {
            case EQ, NE -> value -> equalsValue(wanted, value);
            case GT -> value -> ordered(wanted, value) && BsonOrder.compare(value, wanted) > 0;
            case GE -> value -> ordered(wanted, value) && BsonOrder.compare(value, wanted) >= 0;
            case LT -> value -> ordered(wanted, value) && BsonOrder.compare(value, wanted) < 0;
            case LE -> value -> ordered(wanted, value) && BsonOrder.compare(value, wanted) <= 0;
            default -> throw new IllegalStateException("not a comparison: " + op);
        };
    }

    private static boolean anyEquals(List<Object> wanted, Object value) {
        for (Object candidate : wanted) {
            if (equalsValue(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    /** {@code null} wanted: the path is missing or null there. An empty array is neither. */
    static boolean equalsValue(Object wanted, Object value) {
        if (wanted == null) {
            return value == null || value == DocumentPaths.Marker.MISSING;
        }
        return ordered(wanted, value) && BsonOrder.compare(value, wanted) == 0;
    }

    /** Ordering only relates values of one kind: MongoDB's {@code $gt: 5} never matches a string. */
    private static boolean ordered(Object wanted, Object value) {
        return value != null && !(value instanceof DocumentPaths.Marker) && BsonOrder.sameType(value, wanted);
    }

    /** Equal to one of the values the Mongo translation enumerates: a whole number in range with the bits set. */
    private static boolean hasBits(Object value, long mask, int width) {
        if (!(value instanceof Number number)) {
            return false;
        }
        long bits = number.longValue();
        boolean whole = BsonOrder.compareNumbers(number, bits) == 0;
        return whole && bits >= 0 && bits < 1L << width && (bits & mask) == mask;
    }

    private InMemoryMatcher() {
    }
}
