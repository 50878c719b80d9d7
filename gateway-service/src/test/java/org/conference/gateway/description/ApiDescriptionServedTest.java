package org.conference.gateway.description;

import static org.assertj.core.api.Assertions.assertThat;

import org.conference.gateway.GatewayTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway serves the committed document itself, to anyone, as YAML. */
class ApiDescriptionServedTest extends GatewayTestBase {

    private WebTestClient http;

    @BeforeEach
    void setUp() {
        http = clientFrom("127.0.0.81");
    }

    @Test
    void servesTheCommittedDocumentWithoutCredentialsAsYaml() {
        int before = backendRequests();

        byte[] body = http.get().uri(ApiDescriptionConfiguration.PATH)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/yaml")
                .expectHeader().exists(HttpHeaders.ETAG)
                .expectBody().returnResult().getResponseBody();

        assertThat(body).isEqualTo(DescribedOperations.documentBytes());
        assertThat(backendRequests()).as("nothing reaches a service, not even authentication").isEqualTo(before);
    }

    @Test
    void wrongCredentialsDoNotStandInTheWay() {
        http.get().uri(ApiDescriptionConfiguration.PATH)
                .header(HttpHeaders.AUTHORIZATION, basic("nobody", "wrong"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/yaml");
    }

    @Test
    void answersNotModifiedToAClientThatHasIt() {
        String etag = http.get().uri(ApiDescriptionConfiguration.PATH).exchange()
                .expectStatus().isOk()
                .returnResult(byte[].class).getResponseHeaders().getETag();

        http.get().uri(ApiDescriptionConfiguration.PATH)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void otherMethodsAndNeighbouringPathsAreNotServed() {
        http.get().uri("/conference/v1/openapi.json").exchange()
                .expectStatus().isNotFound();
        http.post().uri(ApiDescriptionConfiguration.PATH).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(401, 404, 405));
    }

    private int backendRequests() {
        return provisioning.requests().size() + meeting.requests().size() + media.requests().size()
                + callback.requests().size();
    }
}
