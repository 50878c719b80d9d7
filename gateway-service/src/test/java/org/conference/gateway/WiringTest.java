package org.conference.gateway;

import org.conference.testsupport.ServiceWiringContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WiringTest extends ServiceWiringContract {

    @Test
    void answersUnroutedPathsInTheApiFormat() {
        http.get().uri("/conference/v1/no-such-resource").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("no item error");
    }
}
