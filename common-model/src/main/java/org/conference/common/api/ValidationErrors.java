package org.conference.common.api;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.validation.ObjectError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The 422 body for a request body that is well-formed JSON but not what the resource accepts: Bean Validation
 * failures of a typed request, and values of the wrong JSON type. {@code field} is the JSON path in the reference's
 * dotted form ({@code callback.url}, {@code keychain.role}: list indexes are left out, as in filters), and each
 * message starts with that field so it reads on its own. Errors are sorted by field so the first is predictable.
 */
final class ValidationErrors {

    private ValidationErrors() {
    }

    static ApiException of(WebExchangeBindException bind) {
        List<FieldError> errors = bind.getAllErrors().stream()
                .map(ValidationErrors::fieldError)
                .distinct()
                .sorted(Comparator.comparing((FieldError e) -> e.field() == null ? "" : e.field())
                        .thenComparing(FieldError::message))
                .toList();
        return ApiException.validation(errors);
    }

    /** A JSON value of the wrong type for its field (a string where an integer belongs, an object for a list). */
    static Optional<ApiException> wrongType(ServerWebInputException input) {
        for (Throwable cause = input.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = jsonPath(mismatch.getPath());
                if (field.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(ApiException.validation(field, field + " must be " + kind(mismatch.getTargetType())));
            }
        }
        return Optional.empty();
    }

    private static FieldError fieldError(ObjectError error) {
        String message = error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
        if (error instanceof org.springframework.validation.FieldError field) {
            String name = dotted(field.getField());
            return FieldError.of(name, name + " " + message);
        }
        return FieldError.of(null, message);
    }

    /** {@code keychain[0].role} → {@code keychain.role}; container element nodes such as {@code <value>} vanish. */
    static String dotted(String path) {
        return path.replaceAll("\\[[^\\]]*]", "").replaceAll("\\.?<[^>]*>", "").replaceAll("^\\.", "");
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        return path.stream().map(JacksonException.Reference::getPropertyName)
                .filter(name -> name != null && !name.isEmpty())
                .collect(Collectors.joining("."));
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
