package org.conference.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.conference.testsupport.BackingServices;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The simulator is a test tool without authentication: it starts without {@code CONFERENCE_INTERNAL_JWT_SECRET}
 * (which the test contexts of the other classes are given) and serves callers who present no identity.
 */
class StartsWithoutAnIdentitySecretTest {

    @Test
    void startsWithoutTheInternalJwtSecretAndServesCallersWithoutAnIdentity() {
        // Arguments, not default properties: application.yml's ${SERVER_PORT:8095} outranks default properties, and
        // a local stack on this machine may hold 8095.
        try (ConfigurableApplicationContext simulator = new SpringApplicationBuilder(EdgeSimulatorApplication.class)
                .run("--server.port=0", "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=" + BackingServices.kafka().bootstrapServers(),
                        "--spring.kafka.consumer.group-id=edge-simulator-no-secret-" + UUID.randomUUID())) {
            assertThat(simulator.getEnvironment().getProperty("conference.identity.jwt-secret")).isNullOrEmpty();
            String port = simulator.getEnvironment().getProperty("local.server.port");

            WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/simulator/v1")
                    .responseTimeout(Duration.ofSeconds(30)).build()
                    .post().uri("/calls").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("from", "+15162065319", "to", "15162065318"))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectBody().jsonPath("$.state").isEqualTo("answered");
        }
    }
}
