package org.conference.provisioning.api;

import org.conference.testsupport.TestIdentities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service's JSON body limit as application.yml sets it (1 MiB, {@code conference.web.json-body-limit}) is the
 * real one: larger bodies than Spring's 256 KiB codec default are read, a body over the limit is a 413 naming the
 * limit and changes nothing. The padding is a field the subscriber resource does not have, so it is ignored.
 */
class JsonBodyLimitApiTest extends ApiTestSupport {

    private static final int MIB = 1024 * 1024;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {300 * 1024, MIB - 1, MIB})
    void readsAJsonBodyUpToTheLimit(int size) {
        Caller user = subscriber(root, 3);
        putSized(user, "Size" + size, size)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sid").isEqualTo(user.sid())
                .jsonPath("$.firstName").isEqualTo("Size" + size);
    }

    @Test
    void refusesAJsonBodyOverTheLimitWith413NamingItAndChangesNothing() {
        Caller user = subscriber(root, 3);
        putSized(user, "Before", 1024).expectStatus().isOk();

        putSized(user, "After", MIB + 1)
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.message").isEqualTo("request body too large: the limit is 1048576 bytes (1 MiB)")
                .jsonPath("$.errors[0].field").isEqualTo("cause");

        get(user, "/subscribers/" + user.sid()).expectStatus().isOk()
                .expectBody().jsonPath("$.firstName").isEqualTo("Before");
    }

    /** A PUT of exactly {@code bytes} bytes that sets {@code firstName}. */
    private WebTestClient.ResponseSpec putSized(Caller caller, String firstName, int bytes) {
        String prefix = "{\"firstName\":\"" + firstName + "\",\"padding\":\"";
        String suffix = "\"}";
        String body = prefix + "p".repeat(bytes - prefix.length() - suffix.length()) + suffix;
        return http.put().uri(BASE + "/subscribers/" + caller.sid()).header(TestIdentities.HEADER, caller.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
