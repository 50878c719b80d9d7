package org.conference.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import javax.sip.message.Request;
import javax.sip.message.Response;

import org.conference.common.events.TelephonyCommand;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Health and metrics on the management port of its own (ARCHITECTURE.md §1), tagged sip-edge. */
class WiringTest extends SipEdgeIntegrationTest {

    @LocalManagementPort
    private int managementPort;

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
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
        http.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }

    @Test
    void exposesMetricsOfCallsSipRequestsAndCommands() throws Exception {
        TestPhone.Call call = phone.invite(did(), TestPhone.usualOffer(44000, "sendrecv"));
        String id = answeredCall(call);
        topics.command(id, TelephonyCommand.PLAY, "entry-tone");
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> audioOf(id).told().contains("play:entry-tone"));
        phone.outOfDialog(Request.OPTIONS, null).awaitResponse(Request.OPTIONS, Response.OK);

        String metrics = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("application=\"sip-edge\"")
                .containsPattern("edge_calls_active\\{[^}]*\\} [1-9]")
                .containsPattern("edge_sip_requests_total\\{[^}]*method=\"INVITE\"[^}]*response=\"200\"")
                .containsPattern("edge_sip_requests_total\\{[^}]*method=\"OPTIONS\"[^}]*response=\"200\"")
                .containsPattern("edge_commands_total\\{[^}]*outcome=\"applied\"[^}]*type=\"play\"")
                .containsPattern("edge_events_total\\{[^}]*outcome=\"published\"[^}]*type=\"call.offered\"")
                .contains("edge_sip_malformed_total", "edge_calls_shed_total");
    }
}
