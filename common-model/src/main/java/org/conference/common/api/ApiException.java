package org.conference.common.api;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the client is told about: a status and the body of the reference's error format. Use the factory methods
 * so the same situation always reads the same way in every service.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final ApiError body;

    public ApiException(HttpStatus status, ApiError body) {
        super(body.message());
        this.status = status;
        this.body = body;
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError body() {
        return body;
    }

    /** 404 without revealing whether the object exists for someone else. {@code thing} as in "cannot find token". */
    public static ApiException notFound(String thing) {
        return new ApiException(HttpStatus.NOT_FOUND,
                ApiError.of("no item error", new FieldError(null, "cannot find " + thing, null)));
    }

    public static ApiException badRequest(String message, FieldError... errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, ApiError.of(message, errors));
    }

    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, new ApiError("object validation error", errors));
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(FieldError.of(field, message)));
    }

    public static ApiException conflict(String field, String message, String referenceSid) {
        return new ApiException(HttpStatus.CONFLICT,
                ApiError.of("conflict", new FieldError(field, message, referenceSid)));
    }

    public static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED,
                ApiError.of("authentication required", FieldError.cause("authentication required")));
    }

    /**
     * 413 naming the limit, so a client knows how far to shrink the body: "request body too large: the limit is
     * 1048576 bytes (1 MiB)".
     */
    public static ApiException payloadTooLarge(long limitBytes) {
        String message = "request body too large: the limit is " + BodySizes.describe(limitBytes);
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, ApiError.of(message, FieldError.cause(message)));
    }

    public static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN,
                ApiError.of("permission denied", FieldError.cause("permission denied")));
    }
}
