package org.conference.common.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * MongoDB's comparison of values of the kinds JSON-like documents hold: first by type (empty array, null and missing,
 * numbers, strings, objects, arrays, booleans), then by value. Numbers compare exactly across integer and floating
 * types (NaN lowest); strings by Unicode code point, which is MongoDB's binary UTF-8 order. Objects and nested arrays
 * are not ordered among themselves: schemas never declare them sortable.
 */
final class BsonOrder {

    static final Comparator<Object> VALUES = BsonOrder::compare;

    /** 2^53: below it a long converts to double exactly, so the cheap comparison is the exact one. */
    private static final long EXACT_DOUBLE = 1L << 53;

    static int compare(Object a, Object b) {
        int byType = Integer.compare(rank(a), rank(b));
        if (byType != 0) {
            return byType;
        }
        if (a instanceof Number x) {
            return compareNumbers(x, (Number) b);
        }
        if (a instanceof String x) {
            return compareCodePoints(x, (String) b);
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        return 0;
    }

    static boolean sameType(Object a, Object b) {
        return rank(a) == rank(b);
    }

    private static int rank(Object value) {
        if (value == DocumentPaths.Marker.EMPTY_ARRAY) {
            return 0;
        }
        if (value == null || value == DocumentPaths.Marker.MISSING) {
            return 1;
        }
        if (value instanceof Number) {
            return 2;
        }
        if (value instanceof String) {
            return 3;
        }
        if (value instanceof Map) {
            return 4;
        }
        if (value instanceof List) {
            return 5;
        }
        return value instanceof Boolean ? 6 : 7;
    }

    static int compareNumbers(Number a, Number b) {
        boolean integralA = isIntegral(a);
        boolean integralB = isIntegral(b);
        if (integralA && integralB) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (integralA) {
            return -compareMixed(b.doubleValue(), a.longValue());
        }
        if (integralB) {
            return compareMixed(a.doubleValue(), b.longValue());
        }
        return compareDoubles(a.doubleValue(), b.doubleValue());
    }

    /** MongoDB: -0.0 equals 0.0, NaN equals NaN and is below every other number. */
    private static int compareDoubles(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Boolean.compare(!Double.isNaN(x), !Double.isNaN(y));
        }
        return x < y ? -1 : x > y ? 1 : 0;
    }

    private static int compareMixed(double x, long y) {
        if (Double.isNaN(x)) {
            return -1;
        }
        if (Math.abs(y) <= EXACT_DOUBLE || Double.isInfinite(x)) {
            return compareDoubles(x, y);
        }
        return new BigDecimal(x).compareTo(BigDecimal.valueOf(y));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || (n instanceof BigInteger big && big.bitLength() < 64);
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private BsonOrder() {
    }
}
