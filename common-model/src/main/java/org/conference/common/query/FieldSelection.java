package org.conference.common.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code include_fields} / {@code exclude_fields}: comma-separated top-level field names of the API object. Names the
 * object does not have are ignored rather than rejected, because the reference says the fields depend on the object
 * (one list can mix objects with different optional fields). When both are given, include applies first, then exclude.
 *
 * @param include the names to keep, or {@code null} to keep every field
 * @param exclude the names to drop
 */
public record FieldSelection(Set<String> include, Set<String> exclude) {

    public static final FieldSelection ALL = new FieldSelection(null, Set.of());

    public FieldSelection {
        include = include == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(include));
        exclude = Set.copyOf(exclude);
    }

    /** Reads {@code include_fields} and {@code exclude_fields}; each may be repeated, and empty names are skipped. */
    public static FieldSelection from(Map<String, ? extends List<String>> params) {
        Set<String> include = names(params.get("include_fields"));
        Set<String> exclude = names(params.get("exclude_fields"));
        return new FieldSelection(include.isEmpty() ? null : include, exclude);
    }

    public boolean isAll() {
        return include == null && exclude.isEmpty();
    }

    /** A copy of {@code object} with only the selected top-level fields, in their original order. */
    public Map<String, Object> apply(Map<String, ?> object) {
        Map<String, Object> selected = new LinkedHashMap<>();
        object.forEach((name, value) -> {
            if ((include == null || include.contains(name)) && !exclude.contains(name)) {
                selected.put(name, value);
            }
        });
        return selected;
    }

    public List<Map<String, Object>> applyAll(List<? extends Map<String, ?>> objects) {
        List<Map<String, Object>> selected = new ArrayList<>(objects.size());
        objects.forEach(object -> selected.add(apply(object)));
        return selected;
    }

    private static Set<String> names(List<String> values) {
        Set<String> names = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String name : value == null ? new String[0] : value.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
        }
        return names;
    }
}
