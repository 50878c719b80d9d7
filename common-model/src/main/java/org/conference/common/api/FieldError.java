package org.conference.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@link ApiError#errors()}; every key is always present, {@code null} when it does not apply. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FieldError(String field, String message, @JsonProperty("reference_sid") String referenceSid) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, null);
    }

    public static FieldError cause(String message) {
        return new FieldError("cause", message, null);
    }
}
