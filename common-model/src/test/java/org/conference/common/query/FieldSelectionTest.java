package org.conference.common.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.common.query.TestSchemas.params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldSelectionTest {

    static Map<String, Object> room() {
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("meeting_room_id", 7);
        room.put("name", "Board");
        room.put("properties", Map.of("login", "x"));
        room.put("callback_url", null);
        return room;
    }

    static Map<String, Object> select(String... nameValuePairs) {
        return FieldSelection.from(params(nameValuePairs)).apply(room());
    }

    @Test
    void withoutParametersEveryFieldStays() {
        assertThat(FieldSelection.from(Map.of()).isAll()).isTrue();
        assertThat(select()).isEqualTo(room());
    }

    @Test
    void includeKeepsOnlyTheNamedFieldsInTheirOriginalOrder() {
        assertThat(select("include_fields", "name,meeting_room_id")).containsExactly(
                Map.entry("meeting_room_id", 7), Map.entry("name", "Board"));
    }

    @Test
    void excludeDropsTheNamedFields() {
        assertThat(select("exclude_fields", "properties").keySet())
                .containsExactly("meeting_room_id", "name", "callback_url");
    }

    @Test
    void nullValuedFieldsAreFieldsLikeAnyOther() {
        assertThat(select("include_fields", "callback_url")).containsOnlyKeys("callback_url")
                .containsEntry("callback_url", null);
    }

    @Test
    void bothGivenIncludeAppliesFirstThenExclude() {
        assertThat(select("include_fields", "name,properties", "exclude_fields", "properties,meeting_room_id").keySet())
                .containsExactly("name");
    }

    @Test
    void unknownNamesAreIgnored() {
        assertThat(select("include_fields", "name,nonexistent").keySet()).containsExactly("name");
        assertThat(select("exclude_fields", "nonexistent")).isEqualTo(room());
        assertThat(select("include_fields", "nonexistent")).isEmpty();
    }

    @Test
    void namesAreTrimmedAndEmptyOnesSkipped() {
        assertThat(select("include_fields", " name , ,properties,").keySet()).containsExactly("name", "properties");
        assertThat(select("include_fields", " , ")).isEqualTo(room());
    }

    @Test
    void onlyTopLevelNamesSelect() {
        assertThat(select("exclude_fields", "properties.login")).isEqualTo(room());
    }

    @Test
    void repeatedParametersAddUp() {
        assertThat(select("include_fields", "name", "include_fields", "meeting_room_id").keySet())
                .containsExactly("meeting_room_id", "name");
    }

    @Test
    void appliesToEveryObjectOfAList() {
        FieldSelection selection = FieldSelection.from(params("include_fields", "name"));
        assertThat(selection.applyAll(List.of(room(), Map.of("name", "Other", "x", 1))))
                .containsExactly(Map.of("name", "Board"), Map.of("name", "Other"));
    }

    @Test
    void leavesTheOriginalUntouched() {
        Map<String, Object> room = room();
        FieldSelection.from(params("exclude_fields", "name")).apply(room);
        assertThat(room).containsKey("name");
    }
}
