package org.conference.common.query;

import java.util.List;
import java.util.Map;

/** The schema the query tests share: every type, renamed paths, nesting through objects and arrays, a bitmask. */
final class TestSchemas {

    static final ResourceSchema ROOMS = ResourceSchema.builder()
            .integer("id", "_id").id()
            .string("name")
            .integer("count")
            .number("score")
            .bool("active")
            .bitmask("capabilities", 5)
            // Paths that cross arrays are filter-only, as services should declare them: the MongoDB-wire server
            // used without Docker cannot sort arrays consistently (its comparator breaks ties arbitrarily).
            .string("keychain.access_code", "keychain.accessCode").notSortable()
            .integer("did_group_references.did_group_id", "didGroupReferences.didGroupId").notSortable()
            .string("tags").notSortable()
            .string("callback.url")
            .string("notes").notFilterable()
            .integer("secret").notSortable()
            .build();

    /** Fields a client may filter on, with the operators that apply to each. */
    static final List<String> FILTERABLE = List.of("id", "name", "count", "score", "active", "capabilities",
            "keychain.access_code", "did_group_references.did_group_id", "tags", "callback.url", "secret");

    static final List<String> SORTABLE = List.of("id", "name", "count", "score", "active", "capabilities",
            "callback.url", "notes");

    static FieldSpec field(String name) {
        return ROOMS.field(name).orElseThrow();
    }

    static Map<String, List<String>> params(String... nameValuePairs) {
        java.util.LinkedHashMap<String, List<String>> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            params.computeIfAbsent(nameValuePairs[i], k -> new java.util.ArrayList<>()).add(nameValuePairs[i + 1]);
        }
        return params;
    }

    private TestSchemas() {
    }
}
