package org.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** ARCHITECTURE.md section 2: each route reaches its service with path and query untouched; nothing else is routed. */
class RoutingTest extends GatewayTestBase {

    private WebTestClient http;
    private String authorization;

    @BeforeEach
    void setUp() {
        http = clientFrom("127.0.0.71");
        provisioning.addUser("router", "router-password", 1);
        authorization = basic("router", "router-password");
    }

    @ParameterizedTest
    @CsvSource({
            "/conference/v1/subscribers/SID/files, media-service",
            "/conference/v1/subscribers/SID/files/recording.mp3, media-service",
            "/storage/subscribers/SID/recording.mp3, media-service",
            "/conference/v1/subscribers, provisioning-service",
            "/conference/v1/subscribers/SID, provisioning-service",
            "/conference/v1/callFlows, provisioning-service",
            "/conference/v1/dids/17, provisioning-service",
            "/conference/v1/didGroups/3, provisioning-service",
            "/conference/v1/meetingRooms/5/keychain, provisioning-service",
            "/conference/v1/meetings/273751, meeting-service",
            "/conference/v1/calls/9, meeting-service",
            "/conference/v1/callbacks/deliveries, callback-service",
            "/conference/v1/callbacks/deliveries/abc.1/replay, callback-service"})
    void reachesTheRightServiceWithPathAndQueryIntact(String path, String service) {
        String marker = UUID.randomUUID().toString();
        String pathAndQuery = path + "?marker=" + marker + "&filter=name%20like%20%27a%2Bb%27&limit=2";

        http.get().uri(java.net.URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", authorization)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);

        StubService reached = switch (service) {
            case "media-service" -> media;
            case "meeting-service" -> meeting;
            case "callback-service" -> callback;
            default -> provisioning;
        };
        assertThat(reached.requestWith(marker).uri()).isEqualTo(pathAndQuery);
        for (StubService other : new StubService[] {provisioning, meeting, media, callback}) {
            if (other != reached) {
                assertThat(other.requests(r -> r.uri().contains(marker))).isEmpty();
            }
        }
    }

    @Test
    void passesMethodBodyAndRangeHeadersThrough() {
        String marker = UUID.randomUUID().toString();
        http.get().uri("/storage/subscribers/SID/{file}", marker + ".mp3")
                .header("Authorization", authorization)
                .header("Range", "bytes=0-99")
                .exchange()
                .expectStatus().isOk();
        assertThat(media.requestWith(marker).header("range")).containsExactly("bytes=0-99");

        String postMarker = UUID.randomUUID().toString();
        http.post().uri("/conference/v1/meetingRooms?m={m}", postMarker)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .bodyValue("{\"name\":\"room\"}")
                .exchange()
                .expectStatus().isOk();
        StubService.Received post = provisioning.requestWith(postMarker);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.bodyBytes()).isEqualTo("{\"name\":\"room\"}".length());
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /internal/v1/authenticate",
            "GET, /conference/v1/no-such-collection",
            "GET, /conference/v1/subscribers/%2e%2e/%2e%2e/internal/v1/authenticate",
            "GET, /conference/v1/subscribers/SID%2f..%2f..%2finternal",
            "POST, /storage/subscribers/SID/upload.mp3"})
    void neverRoutesAnythingElse(String method, String path) {
        int before = provisioning.requests().size() + meeting.requests().size() + media.requests().size()
                + callback.requests().size();

        http.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("no item error");

        int after = provisioning.requests().size() + meeting.requests().size() + media.requests().size()
                + callback.requests().size();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void servesItsOwnActuatorOnlyOnTheManagementPortAndNeverAServicesOne() {
        managementClient().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/env"}) {
            http.get().uri(path).header("Authorization", authorization).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType("application/json")
                    .expectBody().jsonPath("$.message").isEqualTo("no item error");
        }

        for (StubService service : new StubService[] {provisioning, meeting, media, callback}) {
            assertThat(service.requests(r -> r.uri().startsWith("/actuator"))).isEmpty();
        }
    }
}
