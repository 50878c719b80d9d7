package org.conference.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.test.StepVerifier;

/**
 * {@link ServiceWiringContract} for the services that keep state and serve the API: their own Mongo database, and the
 * identity check every service makes itself (ARCHITECTURE.md §3.4).
 */
public abstract class StatefulServiceWiringContract extends ServiceWiringContract {

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Test
    void writesAndReadsADocumentInItsOwnDatabase() {
        Document written = new Document("_id", "wiring-probe").append("value", 7);
        StepVerifier.create(mongo.save(written, "wiring").then(mongo.findById("wiring-probe", Document.class, "wiring")))
                .assertNext(read -> assertThat(read.getInteger("value")).isEqualTo(7))
                .verifyComplete();
    }

    @Test
    void refusesApiRequestsWithoutAnIdentity() {
        http.get().uri("/conference/v1/anything").exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.message").isEqualTo("authentication required")
                .jsonPath("$.errors[0].field").isEqualTo("cause");
    }

    @Test
    void refusesAnIdentitySignedWithAnotherSecret() {
        String forged = TestIdentities.sign("sid-1", 1, List.of("sid-1"),
                "another-secret-that-is-at-least-32-bytes", Instant.now());
        http.get().uri("/conference/v1/anything").header(TestIdentities.HEADER, forged).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void refusesAnExpiredIdentity() {
        String expired = TestIdentities.sign("sid-1", 1, List.of("sid-1"), BackingServicesInitializer.TEST_JWT_SECRET,
                Instant.now().minusSeconds(600));
        http.get().uri("/conference/v1/anything").header(TestIdentities.HEADER, expired).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void letsAValidIdentityThroughAndAnswersUnknownPathsInTheApiFormat() {
        http.get().uri("/conference/v1/no-such-resource")
                .header(TestIdentities.HEADER, TestIdentities.subscriber("sid-1", 3, List.of("sid-1")))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("no item error");
    }

    @Test
    void keepsInternalEndpointsForServices() {
        http.get().uri("/internal/v1/anything")
                .header(TestIdentities.HEADER, TestIdentities.subscriber("sid-1", 1, List.of("sid-1")))
                .exchange()
                .expectStatus().isForbidden();
        http.get().uri("/internal/v1/anything")
                .header(TestIdentities.HEADER, TestIdentities.service("meeting-service"))
                .exchange()
                .expectStatus().isNotFound();
    }
}
