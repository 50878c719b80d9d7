package org.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.conference.gateway.balancing.HostResolver;
import org.conference.testsupport.ApiErrorBody;
import org.conference.testsupport.WithBackingServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Load spreading over Spring Cloud LoadBalancer: meeting-service is one host name with two A records (as compose
 * {@code --scale} gives), so both instances get requests in turn, and when one dies the other takes them all; a
 * service with no live instance gives 503 in the API format, quickly. Its own context: it kills a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithBackingServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadSpreadingTest {

    private static final String MEETING_HOST = "meeting.scaled.test";
    private static final ProvisioningStub PROVISIONING = new ProvisioningStub("127.0.0.1", 0);
    private static final StubService MEETING_A = new StubService("meeting-a", "127.0.0.1", 0);
    private static final StubService MEETING_B = new StubService("meeting-b", "127.0.0.2", MEETING_A.port());
    private static final int DEAD_PORT = freePort();

    @TestBean
    private HostResolver hostResolver;

    @LocalServerPort
    private int port;

    private WebTestClient http;
    private String authorization;

    /** The compose DNS stand-in: the scaled service name has one A record per replica. */
    static HostResolver hostResolver() {
        return host -> MEETING_HOST.equals(host)
                ? List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"))
                : HostResolver.system().resolve(host);
    }

    @DynamicPropertySource
    static void serviceLocations(DynamicPropertyRegistry registry) {
        registry.add("conference.gateway.services.provisioning-service", PROVISIONING::url);
        registry.add("conference.gateway.services.meeting-service", () -> "http://" + MEETING_HOST + ":" + MEETING_A.port());
        registry.add("conference.gateway.services.media-service", () -> "http://127.0.0.1:" + DEAD_PORT);
    }

    @BeforeEach
    void setUp() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
        PROVISIONING.addUser("spreader", "spreader-password", 1);
        authorization = "Basic " + java.util.Base64.getEncoder().encodeToString("spreader:spreader-password".getBytes());
    }

    @AfterAll
    static void stopStubs() {
        PROVISIONING.close();
        MEETING_A.close();
    }

    @Test
    @Order(1)
    void spreadsRequestsRoundRobinOverEveryAddressOfTheServiceName() {
        Map<String, Integer> served = servedBy(10, "GET");
        assertThat(served).containsOnlyKeys("meeting-a", "meeting-b");
        assertThat(served.get("meeting-a")).isEqualTo(5);
        assertThat(served.get("meeting-b")).isEqualTo(5);
    }

    @Test
    @Order(2)
    void sendsEverythingToTheSurvivorWhenOneInstanceDies() {
        MEETING_B.kill();

        assertThat(servedBy(10, "GET")).containsOnlyKeys("meeting-a").containsEntry("meeting-a", 10);
        // Not retried, but the dead instance is already skipped: a POST reaches the survivor too.
        assertThat(servedBy(4, "POST")).containsOnlyKeys("meeting-a");
    }

    @Test
    @Order(3)
    void answers503QuicklyWhenNoInstanceOfAServiceIsUp() throws Exception {
        long started = System.nanoTime();
        // Over java.net.http, as any client of the reference would read it.
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/conference/v1/subscribers/SID/files"))
                        .header("Authorization", authorization).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        ApiErrorBody body = ApiErrorBody.of(response, 503);
        assertThat(body.message()).isEqualTo("service unavailable");
        assertThat(body.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("cause"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    private Map<String, Integer> servedBy(int requests, String method) {
        Map<String, Integer> served = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            Map<?, ?> body = http.method(org.springframework.http.HttpMethod.valueOf(method))
                    .uri("/conference/v1/meetings/{n}", i)
                    .header("Authorization", authorization)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            served.merge((String) body.get("service"), 1, Integer::sum);
        }
        return served;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
