package org.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A service that does not answer within the route's response timeout (1.5 s here) gives 504 in the API format. */
class TimeoutTest extends GatewayTestBase {

    @Test
    void answers504WithinTheTimeoutWhenAServiceIsSlow() {
        provisioning.addUser("patient", "patient-password", 3);
        var http = clientFrom("127.0.0.61");
        http.get().uri("/conference/v1/meetings").header("Authorization", basic("patient", "patient-password"))
                .exchange().expectStatus().isOk();
        long started = System.nanoTime();
        http.get().uri("/conference/v1/meetings/273751/slow")
                .header("Authorization", basic("patient", "patient-password"))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType("application/json")
                .expectBody()
                .jsonPath("$.message").isEqualTo("gateway timeout")
                .jsonPath("$.errors[0].field").isEqualTo("cause");
        // The stub would answer after 10 s; the route gives up after 1.5 s (the margin is for a busy machine).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
