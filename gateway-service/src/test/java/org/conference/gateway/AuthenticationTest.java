package org.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.conference.common.identity.Identity;
import org.conference.common.identity.InternalJwt;
import org.conference.common.identity.Role;
import org.conference.testsupport.BackingServicesInitializer;
import org.conference.testsupport.TestIdentities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** ARCHITECTURE.md section 3: who gets in, what the services are told about them, and how fast a logout bites. */
class AuthenticationTest extends GatewayTestBase {

    private final InternalJwt verifier = new InternalJwt(BackingServicesInitializer.TEST_JWT_SECRET);
    private WebTestClient http;

    @BeforeEach
    void setUp() {
        http = clientFrom("127.0.0.11");
    }

    @Test
    void refusesARequestWithoutCredentialsWithTheReferenceBody() {
        String marker = UUID.randomUUID().toString();
        http.get().uri("/conference/v1/dids?m={m}", marker).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", value -> assertThat(value).startsWith("Basic realm="))
                .expectBody()
                .jsonPath("$.message").isEqualTo("authentication required")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("cause")
                .jsonPath("$.errors[0].message").isEqualTo("authentication required")
                .jsonPath("$.errors[0].reference_sid").isEmpty();
        assertThat(provisioning.requests(r -> r.uri().contains(marker))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic d3Jvbmc6cGFzc3dvcmQ=", "Basic not-base64!", "Basic bm9jb2xvbg==",
            "Bearer no-such-token", "Digest username=\"x\"", "Bearer"})
    void refusesWrongOrMalformedCredentials(String authorization) {
        String marker = UUID.randomUUID().toString();
        http.get().uri("/conference/v1/meetings?m={m}", marker)
                .header("Authorization", authorization)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", value -> assertThat(value).startsWith("Basic"))
                .expectBody().jsonPath("$.message").isEqualTo("authentication required");
        assertThat(meeting.requests(r -> r.uri().contains(marker))).isEmpty();
    }

    @Test
    void letsBasicAndBearerThroughAndTellsTheServiceWhoCalled() {
        ProvisioningStub.User frank = provisioning.addUser("frank", "frank-password", 2);
        String viaBasic = UUID.randomUUID().toString();
        String viaBearer = UUID.randomUUID().toString();

        http.get().uri("/conference/v1/calls?m={m}", viaBasic).header("Authorization", basic("frank", "frank-password"))
                .exchange().expectStatus().isOk();
        http.get().uri("/conference/v1/calls?m={m}", viaBearer).header("Authorization", bearer(frank.token()))
                .exchange().expectStatus().isOk();

        for (String marker : List.of(viaBasic, viaBearer)) {
            List<String> tokens = meeting.requestWith(marker).header(InternalJwt.HEADER);
            assertThat(tokens).hasSize(1);
            Identity identity = verifier.verify(tokens.get(0)).orElseThrow();
            assertThat(identity).isEqualTo(new Identity(frank.sid(), Role.OPERATOR, frank.lineage()));
        }
    }

    @Test
    void replacesASpoofedIdentityHeaderAndDoesNotForwardCredentials() {
        ProvisioningStub.User grace = provisioning.addUser("grace", "grace-password", 3);
        String forged = TestIdentities.sign("sid-root", 1, List.of("sid-root"),
                BackingServicesInitializer.TEST_JWT_SECRET, Instant.now());
        String marker = UUID.randomUUID().toString();

        http.get().uri("/conference/v1/meetings?m={m}", marker)
                .header("Authorization", basic("grace", "grace-password"))
                .header("X-Conference-Identity", forged)
                .header("x-conference-identity", "second-spoof")
                .exchange()
                .expectStatus().isOk();

        StubService.Received received = meeting.requestWith(marker);
        List<String> tokens = received.header(InternalJwt.HEADER);
        assertThat(tokens).hasSize(1).doesNotContain(forged, "second-spoof");
        assertThat(verifier.verify(tokens.get(0)).orElseThrow().sid()).isEqualTo(grace.sid());
        assertThat(received.header("authorization")).isEmpty();
    }

    @Test
    void refusesASpoofedIdentityHeaderWithoutCredentials() {
        String forged = TestIdentities.sign("sid-root", 1, List.of("sid-root"),
                BackingServicesInitializer.TEST_JWT_SECRET, Instant.now());
        String marker = UUID.randomUUID().toString();
        http.get().uri("/conference/v1/meetings?m={m}", marker).header("X-Conference-Identity", forged).exchange()
                .expectStatus().isUnauthorized();
        assertThat(meeting.requests(r -> r.uri().contains(marker))).isEmpty();
    }

    @Test
    void passesAServicesForbiddenAnswerThroughUnchanged() {
        provisioning.addUser("heidi", "heidi-password", 3);
        http.delete().uri("/conference/v1/meetings/273751/forbidden")
                .header("Authorization", basic("heidi", "heidi-password"))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.message").isEqualTo("permission denied")
                .jsonPath("$.errors[0].field").isEqualTo("cause");
    }

    @Test
    void asksProvisioningOnceForRepeatedRequests() {
        provisioning.addUser("ivan", "ivan-password", 3);
        for (int i = 0; i < 4; i++) {
            http.get().uri("/conference/v1/dids").header("Authorization", basic("ivan", "ivan-password"))
                    .exchange().expectStatus().isOk();
        }
        assertThat(provisioning.authentications("ivan")).isEqualTo(1);
    }

    @Test
    void forgetsTheCredentialsAtOnceAfterALogout() {
        ProvisioningStub.User judy = provisioning.addUser("judy", "judy-password", 3);
        http.get().uri("/conference/v1/dids").header("Authorization", bearer(judy.token()))
                .exchange().expectStatus().isOk();
        http.get().uri("/conference/v1/dids").header("Authorization", bearer(judy.token()))
                .exchange().expectStatus().isOk();
        assertThat(provisioning.authentications(judy.token())).isEqualTo(1);

        http.post().uri("/conference/v1/subscribers/logout").header("Authorization", bearer(judy.token()))
                .exchange().expectStatus().isNoContent();

        // Without the eviction the cached success would let the revoked token in for up to 30 s.
        http.get().uri("/conference/v1/dids").header("Authorization", bearer(judy.token()))
                .exchange().expectStatus().isUnauthorized();
        assertThat(provisioning.authentications(judy.token())).isEqualTo(2);
    }
}
