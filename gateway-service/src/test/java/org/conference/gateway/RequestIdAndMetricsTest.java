package org.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/** X-Request-Id is accepted or created, forwarded, returned and logged; requests are timed per route and status. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdAndMetricsTest extends GatewayTestBase {

    private WebTestClient http;
    private String authorization;

    @BeforeEach
    void setUp() {
        http = clientFrom("127.0.0.51");
        provisioning.addUser("tracer", "tracer-password", 3);
        authorization = basic("tracer", "tracer-password");
    }

    @Test
    void keepsTheClientsRequestIdAlongTheWayAndLogsIt(CapturedOutput output) {
        String id = "client-" + UUID.randomUUID();
        http.get().uri("/conference/v1/meetings?m={m}", id).header("Authorization", authorization)
                .header("X-Request-Id", id)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", id);
        assertThat(meeting.requestWith(id).header("x-request-id")).containsExactly(id);
        assertThat(output.getOut()).contains("request-id=" + id).contains("/conference/v1/meetings 200");
    }

    @Test
    void createsARequestIdWhenTheClientSentNoneOrAnUnusableOne() {
        for (String offered : new String[] {null, "bad id with spaces", "x".repeat(300)}) {
            String marker = UUID.randomUUID().toString();
            var request = http.get().uri("/conference/v1/meetings?m={m}", marker).header("Authorization", authorization);
            if (offered != null) {
                request = request.header("X-Request-Id", offered);
            }
            String returned = request.exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
            assertThat(returned).isNotBlank().isNotEqualTo(offered);
            assertThat(UUID.fromString(returned)).isNotNull();
            assertThat(meeting.requestWith(marker).header("x-request-id")).containsExactly(returned);
        }
    }

    @Test
    void returnsTheRequestIdOnRefusalsToo() {
        http.get().uri("/conference/v1/meetings").header("X-Request-Id", "refused-1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Request-Id", "refused-1");
    }

    @Test
    void timesRequestsPerRouteAndStatusForPrometheus() {
        http.get().uri("/conference/v1/didGroups").header("Authorization", authorization).exchange()
                .expectStatus().isOk();
        http.get().uri("/conference/v1/calls").exchange().expectStatus().isUnauthorized();

        String metrics = managementClient().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern(
                "spring_cloud_gateway_requests_seconds_count\\{[^}]*httpStatusCode=\"200\"[^}]*routeId=\"provisioning\"");
        assertThat(metrics).containsPattern(
                "spring_cloud_gateway_requests_seconds_count\\{[^}]*httpStatusCode=\"401\"[^}]*routeId=\"meeting\"");
    }

    /** The dashboard's latency percentiles are histogram_quantile over these buckets. */
    @Test
    void bucketsRequestLatencyForPercentiles() {
        http.get().uri("/conference/v1/calls").exchange().expectStatus().isUnauthorized();

        String metrics = managementClient().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_bucket\\{[^}]*status=\"401\"[^}]*le=\"[0-9.]+\"}");
    }
}
