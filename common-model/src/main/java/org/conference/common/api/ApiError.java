package org.conference.common.api;

import java.util.List;

/**
 * The error body of every non-2xx answer, as the reference shows it:
 * {@code {"message": "...", "errors": [{"field", "message", "reference_sid"}]}}. {@code errors} is {@code null} (not
 * empty) for malformed JSON, exactly as the reference's 400 sample.
 */
public record ApiError(String message, List<FieldError> errors) {

    public static ApiError of(String message, FieldError... errors) {
        return new ApiError(message, errors.length == 0 ? null : List.of(errors));
    }
}
