package org.conference.common.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One clause of a filter, already checked against the schema and with its value converted to the field's type: a
 * {@link String}, {@link Long} (INTEGER), {@link Double} (NUMBER) or {@link Boolean}. Both back-ends interpret these
 * nodes; their javadoc is the contract the two must agree on.
 */
public sealed interface Condition {

    FieldSpec field();

    /**
     * {@code eq ne gt ge lt le}. {@code eq} matches when any value at the path equals {@code value}; {@code ne} is
     * its exact complement (so it also matches documents where the field is missing, and arrays none of whose
     * elements equal the value), which is what MongoDB's {@code $ne} does. A {@code null} value (only with
     * {@code eq}/{@code ne}) means "missing or null" / "present and not null". Ordering operators match values of
     * the same kind only (numbers with numbers, strings with strings), again as MongoDB does.
     */
    record Compare(FieldSpec field, Operator op, Object value) implements Condition {
        public Compare {
            if (!(op == Operator.EQ || op == Operator.NE || op.isOrdering())) {
                throw new IllegalArgumentException("not a comparison: " + op);
            }
            if (value == null && op.isOrdering()) {
                throw new IllegalArgumentException(op + " needs a value");
            }
        }
    }

    /**
     * {@code in}: any value at the path equals any listed value ({@code null} in the list matches missing or null).
     * {@code notin} ({@code negated}) is its exact complement, like MongoDB's {@code $nin}.
     */
    record In(FieldSpec field, List<Object> values, boolean negated) implements Condition {
        public In {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("in needs at least one value");
            }
            // List.copyOf rejects nulls, and null is a legitimate member of the list.
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /**
     * {@code like} / {@code ilike} ({@code ignoreCase}): a SQL pattern where {@code %} is any run of characters,
     * {@code _} exactly one, and a backslash makes the next {@code %}, {@code _} or backslash literal. It matches
     * string values only (elements of arrays one by one), and the whole string.
     */
    record Like(FieldSpec field, String pattern, boolean ignoreCase) implements Condition {
        /** The equivalent regular expression, valid for both {@link java.util.regex.Pattern} and MongoDB (PCRE). */
        public String regex() {
            return LikePattern.toRegex(pattern);
        }
    }

    /**
     * {@code bit}: an integer value with all bits of {@code mask} set, among the values the field's declared bit width
     * allows ({@code 0 <= value < 2^bitWidth}); values outside that range never match.
     */
    record BitsAllSet(FieldSpec field, long mask) implements Condition {
        public BitsAllSet {
            if (mask < 0 || mask >= 1L << field.bitWidth()) {
                throw new IllegalArgumentException("mask outside the field's bit width: " + mask);
            }
        }
    }
}
