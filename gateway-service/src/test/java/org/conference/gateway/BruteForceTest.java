package org.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Repeated failures for one login (5 here, the default) or from one address (12 in these tests) are refused with 429
 * for a while, without asking provisioning; a success is answered at once and clears its login's count.
 */
class BruteForceTest extends GatewayTestBase {

    @Test
    void refusesALoginAfterRepeatedBadPasswords() {
        WebTestClient http = clientFrom("127.0.0.21");
        provisioning.addUser("victim", "victim-password", 3);
        for (int attempt = 1; attempt <= 5; attempt++) {
            get(http, basic("victim", "guess-" + attempt)).expectStatus().isUnauthorized();
        }
        int asked = provisioning.authentications("victim");

        get(http, basic("victim", "guess-6"))
                .expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", value -> assertThat(Integer.parseInt(value)).isBetween(1, 30))
                .expectBody()
                .jsonPath("$.message").isEqualTo("too many requests")
                .jsonPath("$.errors[0].field").isEqualTo("cause");
        // While blocked, not even the right password is tried: guesses stop being tested at all.
        get(http, basic("victim", "victim-password")).expectStatus().isEqualTo(429);
        assertThat(provisioning.authentications("victim")).isEqualTo(asked);
        // The block is on the login, from any address.
        get(clientFrom("127.0.0.24"), basic("victim", "victim-password")).expectStatus().isEqualTo(429);
    }

    @Test
    void answersASuccessAtOnceAndForgetsEarlierFailures() {
        WebTestClient http = clientFrom("127.0.0.22");
        provisioning.addUser("carol", "carol-password", 3);
        for (int round = 0; round < 2; round++) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                get(http, basic("carol", "typo-" + attempt)).expectStatus().isUnauthorized();
            }
            long started = System.nanoTime();
            get(http, basic("carol", "carol-password")).expectStatus().isOk();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void refusesAnAddressThatSpraysPasswordsOverManyLogins() {
        WebTestClient http = clientFrom("127.0.0.23");
        for (int login = 1; login <= 12; login++) {
            get(http, basic("sprayed-" + login, "password1")).expectStatus().isUnauthorized();
        }
        get(http, basic("sprayed-13", "password1")).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
        provisioning.addUser("bystander", "bystander-password", 3);
        get(clientFrom("127.0.0.25"), basic("bystander", "bystander-password")).expectStatus().isOk();
    }

    private static WebTestClient.ResponseSpec get(WebTestClient http, String authorization) {
        return http.get().uri("/conference/v1/subscribers").header("Authorization", authorization).exchange();
    }
}
