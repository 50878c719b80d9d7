package org.conference.common.query;

import java.util.ArrayList;
import java.util.List;

/** A parsed {@code filter}: conditions that must all hold (the language has {@code and} only). Empty matches all. */
public record Filter(List<Condition> conditions) {

    public static final Filter NONE = new Filter(List.of());

    public Filter {
        conditions = List.copyOf(conditions);
    }

    /**
     * Parses {@code text} against {@code schema}.
     *
     * @throws org.conference.common.api.ApiException 400 "invalid filter" naming the offending token and its 0-based
     *                                                 position (a char index into {@code text}), for any text that is
     *                                                 not a valid filter
     */
    public static Filter parse(String text, ResourceSchema schema) {
        return new FilterParser(text, schema).parse();
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** Both filters at once, as when {@code filter} is given more than once. */
    public Filter and(Filter other) {
        List<Condition> all = new ArrayList<>(conditions);
        all.addAll(other.conditions);
        return new Filter(all);
    }
}
