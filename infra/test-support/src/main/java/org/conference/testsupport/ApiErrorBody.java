package org.conference.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error answer read the way a client of the reference reads it, after checking that it is one: status as
 * expected, {@code Content-Type: application/json}, and a body of exactly {@code message} (a non-blank string) and
 * {@code errors} ({@code null} or a list of objects with exactly {@code field}, {@code message} and
 * {@code reference_sid}). Parsed here from the wire format itself, not with the services' own classes, so that a
 * drift of those from the reference fails the tests.
 */
public record ApiErrorBody(String message, List<Entry> errors) {

    public record Entry(String field, String message, String referenceSid) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Checks status, content type and shape of an answer that came over a raw socket. */
    public static ApiErrorBody of(RawHttp.Response response, int expectedStatus) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(expectedStatus);
        return checked(response.header("Content-Type"), response.body());
    }

    /** Checks status, content type and shape of an answer that came through {@code java.net.http}. */
    public static ApiErrorBody of(java.net.http.HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as("status of %s: %s", response, response.body()).isEqualTo(expectedStatus);
        return checked(response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    private static ApiErrorBody checked(String contentType, String body) {
        assertThat(contentType).as("Content-Type of %s", body).startsWith("application/json");
        JsonNode root = JSON.readTree(body);
        assertThat(root.propertyNames()).as("keys of %s", body).containsExactlyInAnyOrder("message", "errors");
        assertThat(root.get("message").isString()).as("message of %s is a string", body).isTrue();
        assertThat(root.get("message").stringValue()).isNotBlank();
        JsonNode errors = root.get("errors");
        if (errors.isNull()) {
            return new ApiErrorBody(root.get("message").stringValue(), null);
        }
        assertThat(errors.isArray()).as("errors of %s is a list", body).isTrue();
        List<Entry> entries = new ArrayList<>();
        for (JsonNode entry : errors) {
            assertThat(entry.propertyNames()).as("keys of an error in %s", body)
                    .containsExactlyInAnyOrder("field", "message", "reference_sid");
            entries.add(new Entry(text(entry.get("field")), text(entry.get("message")),
                    text(entry.get("reference_sid"))));
        }
        return new ApiErrorBody(root.get("message").stringValue(), entries);
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asString();
    }
}
