package org.conference.gateway;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.conference.testsupport.WithBackingServices;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;

/**
 * One gateway (one Spring context, shared by every subclass) in front of stub services on loopback ports, with a real
 * Kafka broker. Each test class talks from its own loopback source address, so the per-address brute-force counters
 * of one class never affect another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "conference.gateway.timeouts.api-response-ms=1500",
        "conference.gateway.limits.files-body=3MB",
        "conference.gateway.throttling.address-failures=12"})
@WithBackingServices
public abstract class GatewayTestBase {

    /** The stub services, started once per test JVM (the context that points at them is cached as well). */
    protected static final class Backends {
        static final ProvisioningStub PROVISIONING = new ProvisioningStub("127.0.0.1", 0);
        static final StubService MEETING = new StubService("meeting-service", "127.0.0.1", 0);
        static final StubService MEDIA = new StubService("media-service", "127.0.0.1", 0);
        static final StubService CALLBACK = new StubService("callback-service", "127.0.0.1", 0);

        private Backends() {
        }
    }

    protected final ProvisioningStub provisioning = Backends.PROVISIONING;
    protected final StubService meeting = Backends.MEETING;
    protected final StubService media = Backends.MEDIA;
    protected final StubService callback = Backends.CALLBACK;

    @LocalServerPort
    protected int port;

    /** Actuator only (RANDOM_PORT puts it on a random port of its own too). */
    @LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void serviceLocations(DynamicPropertyRegistry registry) {
        registry.add("conference.gateway.services.provisioning-service", Backends.PROVISIONING::url);
        registry.add("conference.gateway.services.meeting-service", Backends.MEETING::url);
        registry.add("conference.gateway.services.media-service", Backends.MEDIA::url);
        registry.add("conference.gateway.services.callback-service", Backends.CALLBACK::url);
    }

    /** A client whose connections come from {@code sourceAddress} (any 127.x.y.z). */
    protected WebTestClient clientFrom(String sourceAddress) {
        return clientFrom(sourceAddress, port);
    }

    /** A client of the management port; a scrape with latency buckets is larger than the default 256 KiB buffer. */
    protected WebTestClient managementClient() {
        return clientFrom("127.0.0.1", managementPort).mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
    }

    private static WebTestClient clientFrom(String sourceAddress, int port) {
        HttpClient netty = HttpClient.create().bindAddress(() -> new InetSocketAddress(sourceAddress, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(netty))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    protected static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }
}
