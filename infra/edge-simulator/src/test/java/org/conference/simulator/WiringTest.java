package org.conference.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.conference.common.events.TelephonyCommand;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Health and metrics on the management port of its own (ARCHITECTURE.md §1), tagged edge-simulator. */
class WiringTest extends SimulatorIntegrationTest {

    @LocalManagementPort
    private int managementPort;

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void reportsHealthWithLivenessAndReadinessOnTheManagementPortOnly() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            management().get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void exposesPrometheusMetricsOfCallsAndCommandsTaggedWithItsName() {
        String id = placeCall("15162065318").get("id").asString();
        awaitReceived(id, topics.command(id, TelephonyCommand.PLAY, "entry-tone").id());

        String metrics = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("application=\"edge-simulator\"")
                .containsPattern("simulator_calls\\{[^}]*state=\"answered\"[^}]*\\} [1-9]")
                .containsPattern("simulator_commands_total\\{[^}]*outcome=\"applied\"[^}]*type=\"play\"")
                .containsPattern("simulator_events_total\\{[^}]*outcome=\"published\"[^}]*type=\"call.offered\"")
                .contains("kafka_producer");
    }
}
