package org.conference.common.query;

import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;

/** The error bodies of the query language, so every service words them the same way. */
final class QueryErrors {

    /** Offending tokens are quoted in the message; a pathological one is cut so the message stays readable. */
    private static final int MAX_TOKEN_SHOWN = 40;

    /** 400 "invalid filter": {@code <what> at position <n>: '<token>'}, {@code position} 0-based in the filter text. */
    static ApiException filter(String what, int position, String token) {
        return ApiException.badRequest("invalid filter",
                FieldError.of("filter", what + " at position " + position + ": '" + shown(token) + "'"));
    }

    static ApiException order(String what, String value) {
        return ApiException.badRequest("invalid order", FieldError.of("order", what + ": '" + shown(value) + "'"));
    }

    /** 422 naming the pagination parameter, as the reference's validation errors do. */
    static ApiException parameter(String name, String what) {
        return ApiException.validation(name, what);
    }

    static ApiException repeated(String name) {
        return ApiException.badRequest("invalid " + name, FieldError.of(name, name + " given more than once"));
    }

    static String shown(String token) {
        return token.length() <= MAX_TOKEN_SHOWN ? token : token.substring(0, MAX_TOKEN_SHOWN) + "...";
    }

    private QueryErrors() {
    }
}
