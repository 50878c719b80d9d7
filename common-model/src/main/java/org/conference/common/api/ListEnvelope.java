package org.conference.common.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The Conference list envelope: {@code {"<plural>": [...], "last", "offset", "total"}}. {@code last} is the index of the
 * last item returned ({@code offset + count - 1}), or -1 when the page is empty, as the reference's samples show.
 */
@JsonPropertyOrder({"last", "offset", "total"})
public record ListEnvelope<T>(@JsonIgnore String plural, @JsonIgnore List<T> items, long offset, long total) {

    @JsonProperty("last")
    public long last() {
        return items.isEmpty() ? -1 : offset + items.size() - 1;
    }

    @JsonAnyGetter
    public Map<String, Object> itemsByPlural() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(plural, items);
        return map;
    }
}
