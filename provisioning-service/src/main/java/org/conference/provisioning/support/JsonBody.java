package org.conference.provisioning.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.conference.common.api.ApiException;
import org.conference.common.attributes.AttributeInput;

/**
 * A request body as the client sent it, so that a PUT can tell "absent" (leave as is) from "present" (change),
 * as the reference's partial updates require. Typed reads answer 422 naming the field when the type is wrong.
 * Fields the resource does not accept (read-only ones among them) are simply never read: ignored, not errors.
 */
public record JsonBody(Map<String, Object> fields) {

    public JsonBody {
        fields = fields == null ? Map.of() : fields;
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public Optional<String> string(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw ApiException.validation(name, name + " must be a string");
    }

    public String requiredString(String name) {
        return string(name).filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiException.validation(name, name + " is required"));
    }

    /** An integer given as a JSON number or as a string of digits (the reference sends {@code "callFlowId":"1"}). */
    public Optional<Long> integer(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return Optional.of(number.longValue());
        }
        if (value instanceof String text && text.trim().matches("-?\\d{1,18}")) {
            return Optional.of(Long.parseLong(text.trim()));
        }
        throw ApiException.validation(name, name + " must be an integer");
    }

    public long requiredInteger(String name) {
        return integer(name).orElseThrow(() -> ApiException.validation(name, name + " is required"));
    }

    /** A list of JSON objects, each as its own body; absent or null is empty. */
    public List<JsonBody> objects(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ApiException.validation(name, name + " must be an array of objects");
        }
        List<JsonBody> bodies = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> map)) {
                throw ApiException.validation(name, name + " must be an array of objects");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            bodies.add(new JsonBody(object));
        }
        return bodies;
    }

    public Optional<JsonBody> object(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw ApiException.validation(name, name + " must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return Optional.of(new JsonBody(object));
    }

    /** {@code "attributes": [{"name", "value"}]}; each entry must name its attribute. */
    public List<AttributeInput> attributes() {
        List<AttributeInput> inputs = new ArrayList<>();
        for (JsonBody entry : objects("attributes")) {
            String attributeName = entry.string("name")
                    .orElseThrow(() -> ApiException.validation("attributes", "every attribute needs a name"));
            inputs.add(new AttributeInput(attributeName, entry.fields().get("value")));
        }
        return inputs;
    }
}
