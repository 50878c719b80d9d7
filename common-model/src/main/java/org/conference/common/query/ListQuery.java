package org.conference.common.query;

import java.util.List;
import java.util.Map;

/**
 * Everything a list request asks for: which objects ({@link #filter}), in what order, which page and which fields.
 * Build it with {@link #from} from the request's query parameters (a Spring {@code MultiValueMap<String, String>} is
 * such a map), then hand it to {@link MongoQueries} or {@link InMemoryQueries}: both give the same page.
 */
public record ListQuery(ResourceSchema schema, Filter filter, SortOrder order, long offset, int limit,
                        FieldSelection fields) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 1000;

    public ListQuery {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit 1.." + MAX_LIMIT + " and offset >= 0 required");
        }
    }

    /** The first page of everything, in id order. */
    public static ListQuery of(ResourceSchema schema) {
        return new ListQuery(schema, Filter.NONE, SortOrder.ascending(schema.id()), 0, DEFAULT_LIMIT,
                FieldSelection.ALL);
    }

    /**
     * Reads {@code limit}, {@code offset}, {@code order}, {@code filter} (repeatable: repeated filters must all hold),
     * {@code include_fields} and {@code exclude_fields}. Absent or empty parameters take their defaults.
     *
     * @throws org.conference.common.api.ApiException 422 naming {@code limit} or {@code offset} when not an integer in
     *                                                 range (limit 1..1000, offset >= 0); 400 for an invalid order or
     *                                                 filter, or a repeated limit, offset or order
     */
    public static ListQuery from(Map<String, ? extends List<String>> params, ResourceSchema schema) {
        Filter filter = Filter.NONE;
        List<String> filters = params.get("filter");
        for (String text : filters == null ? List.<String>of() : filters) {
            filter = text == null ? filter : filter.and(Filter.parse(text, schema));
        }
        return new ListQuery(schema, filter, QueryParameters.order(params, schema), QueryParameters.offset(params),
                QueryParameters.limit(params), FieldSelection.from(params));
    }

    /** The order both back-ends apply: the requested key, then the id unless it already is the id. */
    public List<SortOrder> sortKeys() {
        SortOrder tiebreak = SortOrder.ascending(schema.id());
        return order.field().equals(schema.id()) ? List.of(order) : List.of(order, tiebreak);
    }
}
