package org.conference.provisioning.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.conference.common.attributes.AttributeCatalog;
import org.conference.common.attributes.AttributeDefinition;
import org.conference.common.attributes.AttributeInput;
import org.conference.common.attributes.AttributeLevel;
import org.conference.common.events.AttributeSetting;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Meeting attributes on DID groups, DIDs and rooms: validated against the catalog, merged on update the way the
 * reference merges nested records (same name replaces, new name adds, {@code null} value removes), and shown with
 * the catalog's description, group and type.
 */
public final class Attributes {

    private static final AttributeCatalog CATALOG = AttributeCatalog.standard();

    /** The attribute object of a response; unset fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttributeView(String description, int group, String name, int type, String value) {
    }

    public static List<AttributeSetting> create(List<AttributeInput> inputs, AttributeLevel level) {
        return CATALOG.validate(inputs, level);
    }

    /** The attributes after a partial update: merged with those the request sends, unchanged when it sends none. */
    public static List<AttributeSetting> changed(List<AttributeSetting> current, Patch<List<AttributeRequest>> sent,
            AttributeLevel level) {
        return sent.isSent() ? merge(current, AttributeRequest.inputs(sent.value()), level) : current;
    }

    private static List<AttributeSetting> merge(List<AttributeSetting> current, List<AttributeInput> inputs,
            AttributeLevel level) {
        Map<String, String> merged = new LinkedHashMap<>();
        current.forEach(setting -> merged.put(setting.name(), setting.value()));
        List<AttributeInput> values = new ArrayList<>();
        for (AttributeInput input : inputs) {
            if (input.value() == null && CATALOG.find(input.name()).isPresent()) {
                merged.remove(input.name());
            } else {
                values.add(input);
            }
        }
        CATALOG.validate(values, level).forEach(setting -> merged.put(setting.name(), setting.value()));
        return merged.entrySet().stream().map(e -> new AttributeSetting(e.getKey(), e.getValue())).toList();
    }

    public static List<AttributeView> views(List<AttributeSetting> settings) {
        return settings.stream().map(setting -> {
            AttributeDefinition definition = CATALOG.find(setting.name()).orElseThrow();
            return new AttributeView(definition.description(), definition.group(), setting.name(),
                    definition.type().code(), setting.value());
        }).toList();
    }

    private Attributes() {
    }
}
