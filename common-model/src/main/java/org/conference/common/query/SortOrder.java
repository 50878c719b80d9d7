package org.conference.common.query;

/**
 * One sort key. Both back-ends order as MongoDB does: missing and null first when ascending (last when descending),
 * then numbers, then strings (by code point), then booleans; an array sorts by its smallest element ascending and its
 * largest descending, and an empty array below null. Ties are broken by the resource's id ({@link
 * ListQuery#sortKeys()}).
 */
public record SortOrder(FieldSpec field, boolean descending) {

    public static SortOrder ascending(FieldSpec field) {
        return new SortOrder(field, false);
    }
}
