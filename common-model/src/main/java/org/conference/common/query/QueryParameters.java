package org.conference.common.query;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the pagination parameters; the filter has its own parser. */
final class QueryParameters {

    /** No list is that long; the bound keeps the skip within what every MongoDB server (and wire server) takes. */
    static final long MAX_OFFSET = Integer.MAX_VALUE;

    static int limit(Map<String, ? extends List<String>> params) {
        String value = single(params, "limit");
        if (value == null) {
            return ListQuery.DEFAULT_LIMIT;
        }
        long limit = integer(value, "limit", "limit must be an integer between 1 and " + ListQuery.MAX_LIMIT);
        if (limit > ListQuery.MAX_LIMIT) {
            throw QueryErrors.parameter("limit", "limit must not exceed " + ListQuery.MAX_LIMIT);
        }
        if (limit < 1) {
            throw QueryErrors.parameter("limit", "limit must be an integer between 1 and " + ListQuery.MAX_LIMIT);
        }
        return (int) limit;
    }

    static long offset(Map<String, ? extends List<String>> params) {
        String value = single(params, "offset");
        if (value == null) {
            return 0;
        }
        String message = "offset must be an integer between 0 and " + MAX_OFFSET;
        long offset = integer(value, "offset", message);
        if (offset < 0 || offset > MAX_OFFSET) {
            throw QueryErrors.parameter("offset", message);
        }
        return offset;
    }

    /** {@code field}, {@code field asc} or {@code field desc}; without it, id order. */
    static SortOrder order(Map<String, ? extends List<String>> params, ResourceSchema schema) {
        String value = single(params, "order");
        if (value == null) {
            return SortOrder.ascending(schema.id());
        }
        String[] parts = value.split("\\s+");
        boolean descending = parts.length == 2 && parts[1].toLowerCase(Locale.ROOT).equals("desc");
        boolean ascending = parts.length == 1 || parts[1].toLowerCase(Locale.ROOT).equals("asc");
        if (parts.length > 2 || !(ascending || descending)) {
            throw QueryErrors.order("expected 'field', 'field asc' or 'field desc'", value);
        }
        FieldSpec field = schema.field(parts[0]).orElseThrow(() -> QueryErrors.order("unknown field", parts[0]));
        if (!field.sortable()) {
            throw QueryErrors.order("field not sortable", parts[0]);
        }
        return new SortOrder(field, descending);
    }

    /** The parameter's one value, stripped; {@code null} when absent or empty. */
    private static String single(Map<String, ? extends List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw QueryErrors.repeated(name);
        }
        String value = values.get(0);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value as an integer, saturated at the bounds of {@code long} so that huge values fail the range check. */
    private static long integer(String value, String name, String message) {
        if (!value.matches("[+-]?\\d+")) {
            throw QueryErrors.parameter(name, message);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException outOfRange) {
            return value.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private QueryParameters() {
    }
}
