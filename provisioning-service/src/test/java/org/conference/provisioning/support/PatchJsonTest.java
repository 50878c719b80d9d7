package org.conference.provisioning.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.conference.provisioning.support.validation.NotCleared;
import org.conference.provisioning.support.validation.Text;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** How Jackson 3 and Hibernate Validator treat the partial-update fields the request records rely on. */
class PatchJsonTest {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Changes(@NotCleared Patch<@Text(max = 5) String> name, Patch<@Text(max = 5) String> note,
            Patch<@Min(1) Integer> count, Patch<List<@NotNull @Valid Item>> items) {
    }

    record Item(@Text(max = 2) String code) {
    }

    record WithOptional(Optional<String> note) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void tellsAnAbsentFieldFromAnExplicitNullFromAValue() {
        Changes changes = json.readValue("{\"note\": null, \"count\": \"3\", \"other\": 1}", Changes.class);
        assertThat(changes.name().isSent()).isFalse();
        assertThat(changes.name().orElse("kept")).isEqualTo("kept");
        assertThat(changes.note().isSent()).isTrue();
        assertThat(changes.note().orElse("kept")).isNull();
        assertThat(changes.count().value()).isEqualTo(3);
        assertThat(changes.items().isSent()).isFalse();
    }

    @Test
    void readsNestedListsThroughThePatch() {
        Changes changes = json.readValue("{\"items\": [{\"code\": \"a\"}]}", Changes.class);
        assertThat(changes.items().value()).containsExactly(new Item("a"));
    }

    @Test
    void aValueOfTheWrongTypeInsideAPatchFailsWithItsPath() {
        assertThatThrownBy(() -> json.readValue("{\"count\": [1]}", Changes.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().get(0).getPropertyName())
                        .isEqualTo("count"));
    }

    /** Why the records use {@link Patch}: an {@code Optional} component cannot tell absent from null. */
    @Test
    void optionalComponentsCannotTellAbsentFromNull() {
        WithOptional absent = json.readValue("{}", WithOptional.class);
        WithOptional cleared = json.readValue("{\"note\": null}", WithOptional.class);
        assertThat(absent.note()).isEqualTo(cleared.note());
    }

    @Test
    void constraintsOnAPatchCheckTheValueInside() {
        assertThat(fields(json.readValue("{\"name\": \"toolong\"}", Changes.class))).containsExactly("name");
        assertThat(fields(json.readValue("{\"name\": \"ok\", \"note\": \"a\\u0000b\"}", Changes.class)))
                .containsExactly("note");
        assertThat(fields(json.readValue("{\"count\": 0}", Changes.class))).containsExactly("count");
        assertThat(fields(json.readValue("{\"items\": [{\"code\": \"abc\"}]}", Changes.class)))
                .singleElement().asString().startsWith("items").endsWith("code");
        assertThat(fields(json.readValue("{}", Changes.class))).isEmpty();
        assertThat(fields(json.readValue("{\"note\": null, \"count\": null}", Changes.class))).isEmpty();
    }

    @Test
    void aFieldThatMayNotBeClearedRefusesNullButNotAbsence() {
        assertThat(fields(json.readValue("{\"name\": null}", Changes.class))).containsExactly("name");
        assertThat(fields(json.readValue("{\"name\": \" \"}", Changes.class))).containsExactly("name");
    }

    private List<String> fields(Changes changes) {
        Set<ConstraintViolation<Changes>> violations = validator.validate(changes);
        return violations.stream().map(v -> v.getPropertyPath().toString()).toList();
    }
}
