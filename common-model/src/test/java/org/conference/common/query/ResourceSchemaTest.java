package org.conference.common.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceSchemaTest {

    @Test
    void declaresTypesPathsAndFlags() {
        ResourceSchema schema = ResourceSchema.builder()
                .integer("meeting_room_id", "_id").id()
                .string("name")
                .string("keychain.access_code", "keychain.accessCode").notSortable()
                .number("score").notFilterable()
                .bool("active")
                .bitmask("capabilities", 5)
                .build();
        assertThat(schema.id().path()).isEqualTo("_id");
        assertThat(schema.field("name").orElseThrow())
                .isEqualTo(new FieldSpec("name", "name", FieldType.STRING, true, true, 0));
        assertThat(schema.field("keychain.access_code").orElseThrow())
                .isEqualTo(new FieldSpec("keychain.access_code", "keychain.accessCode", FieldType.STRING, true, false,
                        0));
        assertThat(schema.field("score").orElseThrow().filterable()).isFalse();
        assertThat(schema.field("capabilities").orElseThrow().bitWidth()).isEqualTo(5);
        assertThat(schema.field("missing")).isEmpty();
        assertThat(schema.fields()).extracting(FieldSpec::name).containsExactly("meeting_room_id", "name",
                "keychain.access_code", "score", "active", "capabilities");
    }

    @Test
    void rejectsDeclarationMistakes() {
        assertThatThrownBy(() -> ResourceSchema.builder().string("name").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("id()");
        assertThatThrownBy(() -> ResourceSchema.builder().string("a").string("a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceSchema.builder().integer("id").id().notSortable().build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ResourceSchema.builder().notSortable()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ResourceSchema.builder().string("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceSchema.builder().string("a", "a..b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceSchema.builder().string("a", "$where"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceSchema.builder().bitmask("c", 11))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceSchema.builder().bitmask("c", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
