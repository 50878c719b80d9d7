package org.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The reference allows cross-origin calls from anywhere; the gateway answers CORS itself, preflight included. */
class CorsTest extends GatewayTestBase {

    private static final List<String> REFERENCE_EXPOSED = List.of("Access-Control-Allow-Origin",
            "Access-Control-Allow-Methods", "Access-Control-Allow-Credentials", "Content-Disposition",
            "Access-Control-Allow-Headers");

    private WebTestClient http;

    @BeforeEach
    void setUp() {
        http = clientFrom("127.0.0.31");
    }

    @Test
    void answersAPreflightWithoutCredentialsAndWithoutBotheringAService() {
        String marker = UUID.randomUUID().toString();
        http.method(HttpMethod.OPTIONS).uri("/conference/v1/subscribers/{sid}", marker)
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*")
                .expectHeader().value("Access-Control-Allow-Methods", methods -> assertThat(methods).contains("PATCH"))
                .expectHeader().value("Access-Control-Allow-Headers",
                        headers -> assertThat(headers.toLowerCase()).contains("authorization", "content-type"))
                .expectHeader().exists("Access-Control-Max-Age");
        assertThat(provisioning.requests(r -> r.uri().contains(marker))).isEmpty();
    }

    @Test
    void exposesTheReferenceHeadersOnAnswersAndOnRefusals() {
        provisioning.addUser("origin-user", "origin-password", 3);
        http.get().uri("/conference/v1/meetings")
                .header("Origin", "https://app.example")
                .header("Authorization", basic("origin-user", "origin-password"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*")
                .expectHeader().value("Access-Control-Expose-Headers",
                        exposed -> assertThat(exposed.split(",\\s*")).contains(REFERENCE_EXPOSED.toArray(String[]::new)));

        http.get().uri("/conference/v1/meetings").header("Origin", "https://app.example").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*");
    }

    @Test
    void keepsOneSetOfCorsHeadersWhenAServiceSendsItsOwn() {
        provisioning.addUser("cors-echo", "cors-echo-password", 3);
        http.get().uri("/conference/v1/calls/cors-echo")
                .header("Origin", "https://app.example")
                .header("Authorization", basic("cors-echo", "cors-echo-password"))
                .header("X-Request-Id", "cors-request-1")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().values("Access-Control-Allow-Origin", values -> assertThat(values).containsExactly("*"))
                .expectHeader().values("X-Request-Id", values -> assertThat(values).containsExactly("cors-request-1"));
    }
}
