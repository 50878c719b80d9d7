package org.conference.media.support;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.conference.common.api.ListEnvelope;
import org.conference.common.query.FieldSelection;
import org.conference.common.query.Page;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Renders API objects with the reference's field filtering ({@code include_fields} / {@code exclude_fields}): the
 * object is turned into its JSON tree exactly as it would be written, then the selection applies to that.
 */
@Component
public class ApiViews {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public ApiViews(ObjectMapper json) {
        this.json = json;
    }

    public <T> ListEnvelope<Map<String, Object>> list(String plural, Page<T> page, Function<T, ?> view,
            FieldSelection fields) {
        List<Map<String, Object>> items = page.items().stream()
                .map(item -> fields.apply(json.convertValue(view.apply(item), OBJECT))).toList();
        return new ListEnvelope<>(plural, items, page.offset(), page.total());
    }
}
