package org.conference.common.attributes;

import java.util.List;
import java.util.Map;

/**
 * One meeting attribute of the catalog: its type, the levels where it may be set ({@code group} bits), the allowed
 * values of a choice, and each call flow's default, keyed by call flow id.
 */
public record AttributeDefinition(
        String name,
        String description,
        AttributeType type,
        int group,
        List<String> enumValues,
        Map<Integer, String> defaults) {

    public AttributeDefinition {
        enumValues = List.copyOf(enumValues);
        defaults = Map.copyOf(defaults);
    }

    public boolean settableAt(AttributeLevel level) {
        return level.allowedIn(group);
    }

    /** {@code enumValues} as the API shows it: comma-separated for a choice, empty otherwise. */
    public String enumValuesText() {
        return String.join(",", enumValues);
    }
}
