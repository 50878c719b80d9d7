package org.conference.common.query;

import java.util.Locale;
import java.util.Optional;

/** The filter operators of the reference's quick reference, spelled as clients write them (case-insensitively). */
public enum Operator {
    EQ, NE, GT, GE, LT, LE, LIKE, ILIKE, IN, NOTIN, BIT;

    /** The operator a filter word names, ignoring case. */
    public static Optional<Operator> of(String word) {
        for (Operator op : values()) {
            if (op.keyword().equalsIgnoreCase(word)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }

    /**
     * Which operators make sense for a type. Strings take everything but {@code bit}; numbers take comparisons and
     * lists ({@code bit} only on declared bitmask fields); booleans only equality and lists. {@code like} on a number
     * is rejected rather than matched against its decimal text, because MongoDB's {@code $regex} never matches
     * numbers and the two back-ends would otherwise have to disagree or pretend.
     */
    boolean appliesTo(FieldSpec field) {
        return switch (this) {
            case EQ, NE, IN, NOTIN -> true;
            case GT, GE, LT, LE -> field.type() != FieldType.BOOLEAN;
            case LIKE, ILIKE -> field.type() == FieldType.STRING;
            case BIT -> field.isBitmask();
        };
    }
}
